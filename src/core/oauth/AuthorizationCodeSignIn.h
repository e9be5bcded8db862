#pragma once

#include "oauth/AuthorizationRequest.h"
#include "oauth/OAuthResult.h"
#include "oauth/Pkce.h"
#include "qlik/QlikRequestOptions.h"
#include "qlik/QlikStep.h"

#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <optional>

class QNetworkAccessManager;

namespace Dawiso {

class LoopbackRedirectListener;
class TlsTrust;
class TokenResponse;

// Signs a person in to Qlik Cloud through their own browser: OAuth 2.0 authorization code with PKCE (S256) and a
// loopback redirect (RFC 8252). start() opens the loopback listener and emits browserNeeded() with the sign-in
// address; the GUI opens it (QDesktopServices) and offers authorizationUrl() as a "copy sign-in link" fallback.
// When the browser comes back, the state is checked, Qlik's error (if any) is put in plain words, and the code is
// exchanged for an access token at the token endpoint. finished() comes exactly once per start(), always
// asynchronously (QlikStep). Tokens, codes and verifiers are never logged.
class AuthorizationCodeSignIn : public QlikStep
{
    Q_OBJECT

public:
    AuthorizationCodeSignIn(QNetworkAccessManager *network, const TlsTrust *trust, QObject *parent = nullptr);
    ~AuthorizationCodeSignIn() override;

    // How long to wait for the browser to come back (default 5 minutes).
    void setBrowserTimeout(std::chrono::milliseconds timeout) { m_browserTimeout = timeout; }
    // Timeouts and rate-limit waits of the token request (QlikRequest's defaults unless set).
    void setRequestOptions(const QlikRequestOptions &options) { m_requestOptions = options; }

    // Starts a sign-in. A sign-in still running is dropped without a finished() of its own.
    void start(const AuthorizationRequest &request);
    // Stops at any point (also while the code is being exchanged); finished() reports Kind::Cancelled.
    void cancel() override;
    // Also closes the loopback listener and forgets the verifier.
    void abandon() override;

    // The address of Qlik's sign-in page for this sign-in (valid after start()). It carries the state and the
    // challenge, not the verifier, so it may be copied for another browser.
    QUrl authorizationUrl() const { return m_authorizationUrl; }
    // The redirect URI of this sign-in, with the port actually opened.
    QUrl redirectUri() const { return m_redirectUri; }

    // What a refused code exchange means for the admin, from Qlik's answer and what the sign-in asked for.
    static OAuthResult tokenRefusal(const TokenResponse &response, const AuthorizationRequest &request);

signals:
    void browserNeeded(const QUrl &url);
    // The browser came back with a code; it is being exchanged for a token.
    void browserAnswered();
    void finished(const Dawiso::OAuthResult &result);

private:
    void stopWaiting();
    void onCallback(const QUrlQuery &query);
    void onBrowserTimeout();
    void onTokenAnswer(const TokenResponse &response);
    void exchangeCode(const QString &code);
    QUrl buildAuthorizationUrl() const;
    OAuthResult callbackError(const QString &errorCode, const QString &description) const;
    std::optional<OAuthResult> startProblem() const;
    void answerBrowser(const OAuthResult &result);
    void conclude(const OAuthResult &result);

    LoopbackRedirectListener *m_listener;
    QTimer m_browserTimer;
    std::chrono::milliseconds m_browserTimeout {std::chrono::minutes(5)};
    QlikRequestOptions m_requestOptions;
    AuthorizationRequest m_request;
    Pkce m_pkce;
    QUrl m_authorizationUrl;
    QUrl m_redirectUri;
};

} // namespace Dawiso
