#pragma once

#include "check/CheckResult.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Dawiso {

// What the wizard learnt about the Qlik Sense administrator who signed in, and what their sign-in can reach: who they
// are, whether the QRS names them a RootAdmin, the central node and its proxy service, and what the site holds. Each
// finding is one line with its status and, where something is missing, the fix. The part of the wizard that sets up
// Dawiso's own credential starts from it.
struct AdminAccess
{
    enum class Method {
        None,
        // A Windows account through the site's proxy (NTLM, or Qlik's form login), the session kept for this run.
        WindowsAccount,
        // A certificate bundle exported from the QMC, straight to the QRS, acting as the user named in X-Qlik-User.
        CertificateBundle,
    };

    Method method = Method::None;
    QString userDirectory;
    QString userId;
    QString userName;
    // The QRS build ("31.22.7.0") and, when the server said it without a sign-in, the release ("November 2024").
    QString buildVersion;
    QStringList roles;
    bool isRootAdmin = false;
    QString centralNodeId;
    QString centralNodeHostName;
    QString proxyServiceId;
    QStringList virtualProxyPrefixes; // "" is the default virtual proxy
    int streamCount = -1; // -1: not known
    int appCount = -1;
    int openableAppCount = -1; // through the proxy the admin signed in with; -1 with certificates
    QList<CheckResult> findings;

    // DOMAIN\user, as Qlik writes it.
    QString account() const;
    // Signed in, the QRS answered, and the admin is a RootAdmin: what Dawiso's credential needs.
    bool isConfirmed() const;
    bool hasFailure() const;
};

} // namespace Dawiso
