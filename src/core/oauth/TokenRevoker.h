#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;

namespace Dawiso {

class OAuthAccessToken;
class QlikClient;
class TlsTrust;

// Ends sign-ins on Qlik's side as well (RFC 7009, POST /oauth/revoke: https://qlik.dev/apis/rest/oauth/): once the
// wizard no longer needs an access token, Qlik is told to forget it instead of letting it live out its six hours.
// Best effort: the answer changes nothing for the admin, so failures are only counted. The token is copied into the
// request's body, which the request wipes when it is done.
class TokenRevoker : public QObject
{
    Q_OBJECT

public:
    TokenRevoker(QNetworkAccessManager *network, const TlsTrust *trust, QObject *parent = nullptr);
    ~TokenRevoker() override;

    // Sends the revocation for a public client (client_id in the body, no secret). An empty token or endpoint is a
    // no-op.
    void revoke(const QUrl &endpoint, const QString &clientId, const OAuthAccessToken &token);
    // Revocations sent and not yet answered.
    int pending() const { return m_pending; }

signals:
    // The last pending revocation was answered (or failed).
    void allFinished();

private:
    QlikClient *m_client;
    int m_pending = 0;
};

} // namespace Dawiso
