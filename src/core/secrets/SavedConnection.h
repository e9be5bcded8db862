#pragma once

#include "host/DeploymentKind.h"

#include <QDateTime>
#include <QString>

namespace Dawiso {

// One entry of the saved-connections index: everything needed to list, re-check or rotate a connection, except the
// key itself, which only the keychain holds (under SecretEntryName::forHost(kind, hostAndPort)).
struct SavedConnection
{
    DeploymentKind kind = DeploymentKind::QlikCloud;
    QString hostAndPort;
    QString virtualProxyPrefix; // Qlik Sense Enterprise: the JWT virtual proxy Dawiso signs in through
    QString userName;
    QString userId;
    QString keyId; // the API key's id ("jti"), not the key
    QDateTime keyExpiry; // invalid when unknown
    QDateTime savedAt;
};

} // namespace Dawiso
