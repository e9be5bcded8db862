#include "oauth/TokenEndpointCall.h"

#include "common/Clock.h"
#include "net/TlsTrust.h"
#include "qlik/QlikClient.h"
#include "qlik/QlikRequest.h"
#include "token/SecureMemory.h"

#include <QDateTime>

namespace Dawiso {

QlikRequest *TokenEndpointCall::post(QlikClient *client, const QUrl &endpoint, QByteArray formBody,
                                     const QlikRequestOptions &options)
{
    QlikRequestOptions post = options;
    post.authenticated = false;
    post.method = QByteArrayLiteral("POST");
    post.contentType = QByteArrayLiteral("application/x-www-form-urlencoded");
    post.body = std::move(formBody);
    post.maxRedirects = 0;
    QlikRequest *request = client->send(endpoint, post);
    // The request holds its own reference to the body and wipes it when done; this one is only released.
    SecureMemory::wipe(post.body);
    return request;
}

TokenResponse TokenEndpointCall::answer(const QlikRequest *request)
{
    if (request->failure().isFailure()) {
        if (request->failure().kind() == RequestFailure::Kind::TooManyRedirects) {
            const QUrl endpoint = request->requestedUrl();
            const QUrl target = endpoint.resolved(QUrl::fromEncoded(request->header("Location")));
            return TokenResponse::unreadable(
                0,
                tr("The token address %1 redirected to %2; sign-in secrets are sent only to the published address.")
                    .arg(TlsTrust::originKey(endpoint), target.host()));
        }
        return TokenResponse::fromFailure(request->failure());
    }

    QByteArray body = request->body();
    // The request still shares the body. Once it is gone this copy is the last one and is zeroed, not just freed.
    QObject::connect(request, &QObject::destroyed, [body]() mutable { SecureMemory::wipe(body); });
    TokenResponse response = TokenResponse::fromAnswer(request->httpStatus(), body, Clock::currentDateTimeUtc());
    SecureMemory::wipe(body);
    return response;
}

} // namespace Dawiso
