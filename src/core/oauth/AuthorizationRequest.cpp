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
    // The listener takes the callback on the loopback interfaces only, whatever the name resolves to.
    uri.setHost(isLoopbackHost(redirectHost) ? redirectHost : ipv4LoopbackHost());
    uri.setPort(port);
    uri.setPath(redirectPath.startsWith(QLatin1Char('/')) ? redirectPath : QLatin1Char('/') + redirectPath);
    return uri;
}

} // namespace Dawiso
