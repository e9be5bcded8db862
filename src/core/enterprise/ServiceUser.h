#pragma once

#include <QString>
#include <QStringList>

namespace Dawiso {

// The Qlik Sense user Dawiso will be: an existing user the QRS knows, or a new one that Qlik creates the first time
// the JWT virtual proxy signs it in. What the wizard learnt about it decides which warnings the admin sees.
struct ServiceUser
{
    enum class Allocation {
        Unknown, // not asked yet, or the QRS did not say
        None,
        Professional,
        Analyzer,
    };

    QString userDirectory;
    QString userId;
    QString name;
    QString qrsId; // empty: Qlik creates the user at its first sign-in
    QStringList roles;
    bool inactive = false;
    Allocation allocation = Allocation::Unknown;
    bool hasReadRule = false; // the read rule for this user (ReadRule) exists already

    bool isValid() const { return !userDirectory.isEmpty() && !userId.isEmpty(); }
    bool exists() const { return !qrsId.isEmpty(); }
    QString account() const { return userDirectory + QLatin1Char('\\') + userId; } // CORP\svc_dawiso
    bool isRootAdmin() const { return roles.contains(QStringLiteral("RootAdmin"), Qt::CaseInsensitive); }
};

// What Dawiso may open in the hub and the engine: RootAdmin and AuditAdmin reach every app in the QMC only, so without
// a rule of its own the service user opens published apps in streams it may read.
enum class ContentCoverage {
    ReadRule, // a security rule lets the service user read every app, stream and app object, in hub and QMC
    PublishedOnly,
};

} // namespace Dawiso
