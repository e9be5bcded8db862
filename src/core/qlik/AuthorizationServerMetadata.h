#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace Dawiso {

// What a Qlik Cloud tenant publishes at /.well-known/oauth-authorization-server (well-known.json, RFC 8414).
class AuthorizationServerMetadata
{
    Q_DECLARE_TR_FUNCTIONS(AuthorizationServerMetadata)

public:
    // Empty optional when the document is not authorization-server metadata at all (no usable issuer, no sign-in or
    // token endpoint), and when it is refused: the issuer is not https, or an endpoint lies outside the issuer's
    // origin (another scheme, host or port). A client secret, an authorization code or a token is then never sent
    // anywhere but the tenant itself. For a refusal, *refusal says why in plain words; it is empty otherwise.
    static std::optional<AuthorizationServerMetadata> fromJson(const QJsonObject &object, QStringList *problems,
                                                               QString *refusal = nullptr);

    QUrl issuer;
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl revocationEndpoint;
    QStringList codeChallengeMethods;
};

} // namespace Dawiso
