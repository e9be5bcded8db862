#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>

#include <chrono>

namespace Dawiso {

struct QlikRequestOptions
{
    // One header beyond those every request carries. A credential goes only to the origin the request was made for,
    // like the Authorization header; Authorization, Proxy-Authorization, Cookie and X-Qlik-User always count as one.
    struct Header
    {
        QByteArray name;
        QByteArray value;
        bool credential = false;
    };

    bool authenticated = true;
    // The whole of one attempt (connect, TLS, answer); a 429 wait does not count against it.
    std::chrono::milliseconds timeout {std::chrono::seconds(30)};
    // Qlik's own samples retry a rate-limited call up to five times.
    int maxRateLimitRetries = 5;
    // A longer retry-after than this is reported instead of waited for: nobody watches a wizard for minutes.
    std::chrono::seconds longestRateLimitWait {60};
    int maxRedirects = 5;
    // The largest answer body read, in bytes: a longer one (as its Content-Length says, or as its bytes arrive) ends
    // the request with a failure instead of filling memory. Qlik's largest pages are a few megabytes.
    qint64 maxAnswerBytes = qint64(32) * 1024 * 1024;
    // Off: a 3xx is the answer (its Location header says where it points), for callers that must see it.
    bool followRedirects = true;
    // A redirect to another origin whose path starts with this is followed on the origin asked instead (path and
    // query kept, the other scheme, host and port dropped): a server reached by an alias may name its other address
    // in absolute links. Another origin's redirect elsewhere is reported, not followed. Empty: off.
    QString rebasedPathPrefix;
    // GET unless told otherwise; a body goes with POST, PATCH and PUT. The request wipes its copy of the body when
    // it is done, so secrets in it (a client secret, a PKCE verifier) do not linger.
    QByteArray method = QByteArrayLiteral("GET");
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json");

    // Sent as they are (a User-Agent here replaces the default one). Values of credentials are wiped when done.
    QList<Header> headers;
    // On: the network manager's cookie jar neither adds its cookies to this request nor keeps those its answers set,
    // so a session cookie goes only as the caller's own (credential) Cookie header and stays the caller's to hold.
    bool manualCookies = false;
    // A Windows sign-in (DOMAIN\user and password) for a server that asks with HTTP authentication (NTLM): given
    // once per attempt, only to the origin the request was made for and only for this request's own answers. The
    // password is wiped when done. Qt's network manager keeps a sign-in it was given for later requests to the same
    // origin, so a caller whose other requests must not be signed in uses a network manager of its own.
    QString httpAuthenticationUser;
    QByteArray httpAuthenticationPassword;
    // Added to the URL; also to a redirect on the same origin that does not name them, never to another origin.
    QList<QPair<QString, QString>> queryItems;
    // Mutual TLS: presented only to the origin the request was made for. Network managers keep connections open
    // per origin with the identity they were opened with, so one origin should see one identity per manager.
    QSslCertificate clientCertificate;
    QSslKey clientKey;
    // Certificate authorities trusted for the origin the request was made for only, beside the system's and the
    // run's (TlsTrust); a redirect to another origin does not take them along.
    QList<QSslCertificate> originCaCertificates;
};

} // namespace Dawiso
