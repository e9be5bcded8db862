#pragma once

#include <QByteArray>
#include <QString>
#include <QUrlQuery>

namespace Dawiso {

// One request the loopback redirect listener read from a browser, up to the blank line that ends its head, and what
// the listener makes of it: the sign-in's callback (a GET to the redirect path with a query that has a code, an
// error or a state), or the HTTP status it refuses it with. Requests that name a host other than the loopback one on
// the listener's port are refused, so a web page cannot reach the listener through DNS rebinding. Pure: no socket.
class LoopbackRequest
{
public:
    enum class Verdict {
        Callback,
        BadRequest, // 400: not an HTTP/1 request line, another host, or a query without a sign-in's answer
        NotFound, // 404: another path
        MethodNotAllowed, // 405: the right path, not a GET
    };

    // head: the request line and the header lines, without the blank line. path and port: the listener's.
    static LoopbackRequest parse(const QByteArray &head, const QString &path, quint16 port);

    Verdict verdict = Verdict::BadRequest;
    // The callback's query; empty unless the verdict is Callback. It holds the authorization code: never log it.
    QUrlQuery query;

private:
    static bool hostIsLoopback(const QByteArray &head, quint16 port);
};

} // namespace Dawiso
