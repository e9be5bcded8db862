#pragma once

#include "oauth/OAuthResult.h"
#include "qlik/QlikRequestOptions.h"
#include "qlik/QlikStep.h"

#include <QByteArray>
#include <QStringList>
#include <QUrl>

class QNetworkAccessManager;

namespace Dawiso {

class TlsTrust;
class TokenResponse;

// Machine-to-machine sign-in: a tenant admin's Web OAuth client (client id + secret) exchanged for an access token
// acting as the client's bot user (grant_type=client_credentials). The secret is wiped as soon as the request body
// is built; nothing here can store it. finished() comes exactly once per start(), always asynchronously (QlikStep).
class ClientCredentialsSignIn : public QlikStep
{
    Q_OBJECT

public:
    ClientCredentialsSignIn(QNetworkAccessManager *network, const TlsTrust *trust, QObject *parent = nullptr);

    // Timeouts and rate-limit waits of the token request (QlikRequest's defaults unless set).
    void setRequestOptions(const QlikRequestOptions &options) { m_requestOptions = options; }

    // Takes the secret and wipes it; pass it with std::move so that no other copy of the buffer is left behind.
    // Empty scopes: whatever the client is allowed.
    void start(const QUrl &tokenEndpoint, const QString &clientId, QByteArray clientSecret,
               const QStringList &scopes = {});
    // Stops at any point; finished() reports Kind::Cancelled.
    void cancel() override;

signals:
    void finished(const Dawiso::OAuthResult &result);

private:
    void onTokenAnswer(const TokenResponse &response);
    OAuthResult refusal(const TokenResponse &response) const;
    void conclude(const OAuthResult &result);

    QlikRequestOptions m_requestOptions;
    QString m_clientId;
    QStringList m_scopes;
};

} // namespace Dawiso
