#include "oauth/TokenEndpointCall.h"

#include "common/Clock.h"
#include "net/TlsTrust.h"
#include "qlik/QlikRequest.h"
#include "token/SecureMemory.h"

#include <QDateTime>

namespace Dawiso {

TokenEndpointCall::TokenEndpointCall(QNetworkAccessManager *network, const TlsTrust *trust, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_trust(trust)
{ }

TokenEndpointCall::~TokenEndpointCall()
{
    cancel();
}

void TokenEndpointCall::start(const QUrl &endpoint, QByteArray formBody, const QlikRequestOptions &options)
{
    cancel();
    m_endpoint = endpoint;
    QlikRequestOptions post = options;
    post.authenticated = false;
    post.method = QByteArrayLiteral("POST");
    post.contentType = QByteArrayLiteral("application/x-www-form-urlencoded");
    post.body = std::move(formBody);
    post.maxRedirects = 0;
    auto *request = new QlikRequest(m_network, m_trust, endpoint, QByteArray(), post, this);
    // The request holds its own reference to the body and wipes it when done; this one is only released.
    SecureMemory::wipe(post.body);
    m_request = request;
    connect(request, &QlikRequest::finished, this, [this, request] { onFinished(request); });
    request->start();
}

void TokenEndpointCall::cancel()
{
    if (QlikRequest *request = m_request) {
        m_request = nullptr;
        request->disconnect(this);
        request->cancel();
    }
}

bool TokenEndpointCall::isRunning() const
{
    return m_request != nullptr;
}

void TokenEndpointCall::onFinished(QlikRequest *request)
{
    if (m_request != request)
        return;
    m_request = nullptr;

    if (request->failure().isFailure()) {
        if (request->failure().kind() == RequestFailure::Kind::TooManyRedirects) {
            const QUrl target = m_endpoint.resolved(QUrl::fromEncoded(request->header("Location")));
            emit finished(TokenResponse::unreadable(
                0,
                tr("The token address %1 redirected to %2; sign-in secrets are sent only to the published address.")
                    .arg(TlsTrust::originKey(m_endpoint), target.host())));
            return;
        }
        emit finished(TokenResponse::fromFailure(request->failure()));
        return;
    }

    QByteArray body = request->body();
    // The request still shares the body. Once it is gone this copy is the last one and is zeroed, not just freed.
    connect(request, &QObject::destroyed, [body]() mutable { SecureMemory::wipe(body); });
    const TokenResponse response = TokenResponse::fromAnswer(request->httpStatus(), body, Clock::currentDateTimeUtc());
    SecureMemory::wipe(body);
    emit finished(response);
}

} // namespace Dawiso
