#include "qlik/AuthorizationServerMetadata.h"

#include "qlik/JsonFieldReader.h"

#include <QJsonArray>

namespace Dawiso {

namespace {

bool isHttps(const QUrl &url)
{
    return url.scheme() == QLatin1String("https");
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
        && a.port(443) == b.port(443);
}

// Scheme, host and port only: that is what the decision is about, and a path could carry anything.
QString originText(const QUrl &url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

} // namespace

std::optional<AuthorizationServerMetadata>
AuthorizationServerMetadata::fromJson(const QJsonObject &object, QStringList *problems, QString *refusal)
{
    if (refusal)
        refusal->clear();
    JsonFieldReader reader(object, tr("sign-in metadata"));
    AuthorizationServerMetadata metadata;
    metadata.issuer = QUrl(reader.requiredString(QStringLiteral("issuer")), QUrl::StrictMode);
    metadata.authorizationEndpoint = QUrl(reader.requiredString(QStringLiteral("authorization_endpoint")));
    metadata.tokenEndpoint = QUrl(reader.requiredString(QStringLiteral("token_endpoint")));
    metadata.revocationEndpoint = QUrl(reader.optionalString(QStringLiteral("revocation_endpoint")));
    const QJsonArray challengeMethods = reader.optionalArray(QStringLiteral("code_challenge_methods_supported"));
    for (const QJsonValue &value : challengeMethods) {
        if (value.isString())
            metadata.codeChallengeMethods << value.toString();
    }
    if (problems)
        *problems = reader.problems();
    if (!metadata.issuer.isValid() || metadata.issuer.host().isEmpty() || metadata.authorizationEndpoint.isEmpty()
        || metadata.tokenEndpoint.isEmpty())
        return std::nullopt;

    const QString issuerOrigin = originText(metadata.issuer);
    if (!isHttps(metadata.issuer)) {
        if (refusal)
            *refusal = tr("The sign-in details of %1 name an address without encryption. The wizard does not use "
                          "them, so that no secret is ever sent unprotected.")
                           .arg(issuerOrigin);
        return std::nullopt;
    }
    // Sign-in takes a client secret, an authorization code or a token to these addresses: they must be the tenant's.
    QList<QUrl> endpoints {metadata.authorizationEndpoint, metadata.tokenEndpoint};
    if (!metadata.revocationEndpoint.isEmpty())
        endpoints << metadata.revocationEndpoint;
    for (const QUrl &endpoint : std::as_const(endpoints)) {
        if (!endpoint.isValid() || !sameOrigin(endpoint, metadata.issuer)) {
            if (refusal)
                *refusal = tr("The tenant %1 names a sign-in address on a different server (%2). The wizard does not "
                              "use it, so that no secret is ever sent anywhere but the tenant itself.")
                               .arg(issuerOrigin, endpoint.isValid() ? originText(endpoint) : tr("not an address"));
            return std::nullopt;
        }
    }
    return metadata;
}

} // namespace Dawiso
