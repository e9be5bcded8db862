#pragma once

#include <QJsonObject>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace Dawiso {

// What a Qlik Cloud tenant publishes at /.well-known/oauth-authorization-server (well-known.json, RFC 8414).
class AuthorizationServerMetadata
{
public:
    // Empty optional when the document is not authorization-server metadata at all (no usable issuer).
    static std::optional<AuthorizationServerMetadata> fromJson(const QJsonObject &object, QStringList *problems);

    QUrl issuer;
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl revocationEndpoint;
    QStringList codeChallengeMethods;
};

} // namespace Dawiso
