#include "qlik/AuthorizationServerMetadata.h"

#include "qlik/JsonFieldReader.h"

namespace Dawiso {

std::optional<AuthorizationServerMetadata> AuthorizationServerMetadata::fromJson(const QJsonObject &object,
                                                                                 QStringList *problems)
{
    JsonFieldReader reader(object, QCoreApplication::translate("AuthorizationServerMetadata", "sign-in metadata"));
    AuthorizationServerMetadata metadata;
    metadata.issuer = QUrl(reader.requiredString(QStringLiteral("issuer")), QUrl::StrictMode);
    metadata.authorizationEndpoint = QUrl(reader.optionalString(QStringLiteral("authorization_endpoint")));
    metadata.tokenEndpoint = QUrl(reader.optionalString(QStringLiteral("token_endpoint")));
    metadata.revocationEndpoint = QUrl(reader.optionalString(QStringLiteral("revocation_endpoint")));
    for (const QJsonValue &value : reader.optionalArray(QStringLiteral("code_challenge_methods_supported"))) {
        if (value.isString())
            metadata.codeChallengeMethods << value.toString();
    }
    if (problems)
        *problems = reader.problems();
    if (!metadata.issuer.isValid() || metadata.issuer.host().isEmpty())
        return std::nullopt;
    return metadata;
}

} // namespace Dawiso
