#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Dawiso::Simulator {

// The simulated identity provider's pages: the sign-in form that GET /oauth/authorize/login?transaction=... shows
// (GET /oauth/authorize redirects there), and the page for a request that cannot go on. Tests answer the form without a
// browser (the practice run signs in through OAuthServer::completeSignIn instead), so its shape is an interface; keep
// it stable:
//   <form method="post" action="/oauth/authorize/login">  (relative to the simulator's origin)
//     <input type="hidden" name="transaction" value="..."> (opaque, base64url, one line: name before value)
//     <input ... name="email" value="...">                  (pre-filled from login_hint)
//     <input ... name="password">
// posted as application/x-www-form-urlencoded.
class LoginPage
{
    Q_DECLARE_TR_FUNCTIONS(LoginPage)

public:
    // error: "" on the first showing; otherwise why the last attempt failed.
    static QByteArray form(const QString &transaction, const QString &clientId, const QStringList &scopes,
                           const QString &email, const QString &error);
    static QByteArray problem(const QString &title, const QString &message);

private:
    static QString escape(const QString &text);
    static QByteArray page(const QString &title, const QString &content);
};

} // namespace Dawiso::Simulator
