#pragma once

#include "common/UserMessage.h"
#include "net/RequestFailure.h"

#include <QByteArray>
#include <QString>

namespace Dawiso {

// How a sign-in through a Qlik Sense Enterprise proxy ended: the session cookie and the user the proxy names, or
// what went wrong in words for people (summary) and what to do next. The cookie value is a credential: it lives in
// memory only, and the last copy of it is wiped when it goes.
class ProxySignInResult
{
public:
    enum class Kind {
        SignedIn,
        Cancelled, // cancel() was called
        InvalidInput, // not DOMAIN\user, no password, or an address that is not https
        WrongCredentials, // Windows or the form login said no to the user name or password
        AccountInactive, // the proxy's 403 "Your account is inactive"
        OtherSignIn, // the site signs people in elsewhere (SAML, another identity provider) or in a way not handled
        Refused, // another answer than a sign-in (a host not on the allow list, a wrong prefix, a server error)
        Network, // no answer (timeout, TLS, connection); see requestFailure
        InvalidAnswer, // an answer the wizard cannot use (no session cookie, no user, a form it cannot read)
    };

    ProxySignInResult() = default;
    ProxySignInResult(const ProxySignInResult &) = default;
    ProxySignInResult &operator=(const ProxySignInResult &) = default;
    ~ProxySignInResult();

    bool ok() const { return kind == Kind::SignedIn; }

    Kind kind = Kind::Cancelled;
    // The proxy's session: the cookie's name (X-Qlik-Session or X-Qlik-Session-<prefix> by default) and value.
    QByteArray cookieName;
    QByteArray cookieValue;
    // Whom the proxy signed in, as /qps/user names them.
    QString userDirectory;
    QString userId;
    QString userName;
    UserMessage summary;
    // Set for Kind::Network: the request's own failure, with its TLS details for the certificate dialog.
    RequestFailure requestFailure;
};

} // namespace Dawiso
