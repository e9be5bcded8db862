#include "oauth/AuthorizationRequest.h"

#include "qlik/AuthorizationServerMetadata.h"

namespace Dawiso {

AuthorizationRequest AuthorizationRequest::fromMetadata(const AuthorizationServerMetadata &metadata,
                                                        const QString &clientId)
{
    AuthorizationRequest request;
    request.authorizationEndpoint = metadata.authorizationEndpoint;
    request.tokenEndpoint = metadata.tokenEndpoint;
    request.clientId = clientId.trimmed();
    return request;
}

QUrl AuthorizationRequest::redirectUri(quint16 port) const
{
    QUrl uri;
    uri.setScheme(QStringLiteral("http"));
    // The literal loopback address, not "localhost": the name could resolve elsewhere (RFC 8252 §8.3).
    uri.setHost(QStringLiteral("127.0.0.1"));
    uri.setPort(port);
    uri.setPath(redirectPath.startsWith(QLatin1Char('/')) ? redirectPath : QLatin1Char('/') + redirectPath);
    return uri;
}

} // namespace Dawiso
