#pragma once

#include "host/DeploymentKind.h"

#include <QDateTime>
#include <QString>

namespace Dawiso {

// One entry of the saved-connections index: everything needed to list, re-check or rotate a connection, except the
// key itself, which only the keychain holds (under SecretEntryName::forHost(kind, hostAndPort)).
struct SavedConnection
{
    // How the last connection check of this connection ended (the wizard's, "Check again" or the check command's).
    enum class LastCheck {
        None, // never checked, or stopped before it ended
        Usable,
        Blocked,
        Unreachable,
    };

    DeploymentKind kind = DeploymentKind::QlikCloud;
    QString hostAndPort;
    QString userName;
    QString userId;
    QString keyId; // the API key's id ("jti"), not the key
    QDateTime keyExpiry; // invalid when unknown
    QDateTime savedAt;
    // Qlik Sense Enterprise: the prefix of the JWT virtual proxy the token goes through ("dawiso"); empty otherwise.
    QString virtualProxyPrefix;
    LastCheck lastCheck = LastCheck::None;
    QDateTime lastCheckedAt; // invalid when never checked
};

} // namespace Dawiso
