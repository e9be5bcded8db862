#pragma once

#include "enterprise/VirtualProxySettings.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Dawiso {

struct ServiceUser;

// The security rule that lets Dawiso's service user read every app, stream and app object in both contexts (hub and
// QMC), which RootAdmin alone does not give (its rule applies in the QMC only). Shown to the admin word for word
// before it is created. Why:
// https://help.qlik.com/en-us/sense/2.0/Subsystems/ManagementConsole/Content/write-security-rules.htm
class ReadRule
{
    Q_DECLARE_TR_FUNCTIONS(ReadRule)

public:
    static QString name(const ServiceUser &user); // "Dawiso read access for CORP\svc_dawiso"
    static QString resourceFilter(); // "App_*,Stream_*,App.Object_*"
    static QString condition(const ServiceUser &user); // ((user.userDirectory="CORP" and user.userId="svc_dawiso"))
    // The body of POST /qrs/systemrule: read (2), context both (0), enabled, a custom security rule.
    static QJsonObject entity(const ServiceUser &user);
    // Whether a QRS system rule does what entity() does for this user (enabled, read, both contexts, the same
    // resources and condition); an admin who typed the rule by hand may differ in spacing and case.
    static bool matches(const QJsonObject &rule, const ServiceUser &user);
    // The rule as the QMC's Security rules ▸ Create new asks for it, for the Guide me steps.
    static QList<VirtualProxySettings::QmcField> qmcFields(const ServiceUser &user);
};

} // namespace Dawiso
