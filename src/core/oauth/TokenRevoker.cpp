#include "oauth/TokenRevoker.h"

#include "oauth/FormBody.h"
#include "oauth/OAuthAccessToken.h"
#include "oauth/TokenEndpointCall.h"
#include "qlik/QlikClient.h"
#include "qlik/QlikRequest.h"

namespace Dawiso {

namespace {
// Nobody waits for the answer, but a quitting wizard gives pending revocations a moment (see main.cpp).
constexpr std::chrono::seconds revocationTimeout {5};
} // namespace

TokenRevoker::TokenRevoker(QNetworkAccessManager *network, const TlsTrust *trust, QObject *parent)
    : QObject(parent)
    , m_client(new QlikClient(network, trust, this))
{ }

TokenRevoker::~TokenRevoker() = default;

void TokenRevoker::revoke(const QUrl &endpoint, const QString &clientId, const OAuthAccessToken &token)
{
    if (token.isEmpty() || !endpoint.isValid() || endpoint.scheme() != QLatin1String("https"))
        return;
    FormBody form;
    form.add("token", token.value());
    form.add("token_type_hint", QByteArrayLiteral("access_token"));
    if (!clientId.isEmpty())
        form.add("client_id", clientId);
    QlikRequestOptions options;
    options.timeout = revocationTimeout;
    options.maxRateLimitRetries = 1;
    options.longestRateLimitWait = std::chrono::seconds(2);
    QlikRequest *request = TokenEndpointCall::post(m_client, endpoint, form.take(), options);
    ++m_pending;
    connect(request, &QlikRequest::finished, this, [this, request] {
        request->deleteLater();
        if (--m_pending == 0)
            emit allFinished();
    });
    request->start();
}

} // namespace Dawiso
