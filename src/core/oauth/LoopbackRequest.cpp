#include "oauth/LoopbackRequest.h"

#include <QList>
#include <QUrl>

namespace Dawiso {

LoopbackRequest LoopbackRequest::parse(const QByteArray &head, const QString &path, quint16 port)
{
    LoopbackRequest request;
    const QByteArray requestLine = head.left(head.indexOf('\r'));
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3 || !parts.at(2).startsWith("HTTP/1.") || !parts.at(1).startsWith('/'))
        return request;
    if (!hostIsLoopback(head, port))
        return request;
    const QUrl url = QUrl::fromEncoded(QByteArrayLiteral("http://127.0.0.1") + parts.at(1));
    if (!url.isValid() || url.path() != path) {
        request.verdict = Verdict::NotFound;
        return request;
    }
    if (parts.at(0) != "GET") {
        request.verdict = Verdict::MethodNotAllowed;
        return request;
    }
    const QUrlQuery query(url);
    if (!query.hasQueryItem(QStringLiteral("code")) && !query.hasQueryItem(QStringLiteral("error"))
        && !query.hasQueryItem(QStringLiteral("state")))
        return request;
    request.verdict = Verdict::Callback;
    request.query = query;
    return request;
}

bool LoopbackRequest::hostIsLoopback(const QByteArray &head, quint16 port)
{
    // The header lines only: the request line holds the code and is not copied around.
    const QList<QByteArray> lines = head.mid(head.indexOf('\n') + 1).split('\n');
    for (const QByteArray &rawLine : lines) {
        const QByteArray line = rawLine.trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || line.left(colon).trimmed().toLower() != "host")
            continue;
        const QByteArray host = line.mid(colon + 1).trimmed().toLower();
        const qsizetype portColon = host.lastIndexOf(':');
        const QByteArray name = portColon < 0 ? host : host.left(portColon);
        if (portColon >= 0 && host.mid(portColon + 1) != QByteArray::number(port))
            return false;
        return name == "127.0.0.1" || name == "localhost";
    }
    // Only HTTP/1.0 clients leave the Host out, and DNS rebinding needs one that names the attacker's domain.
    return true;
}

} // namespace Dawiso
