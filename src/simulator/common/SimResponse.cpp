#include "simulator/common/SimResponse.h"

#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QTcpSocket>

namespace Dawiso::Simulator {

namespace {

const QByteArray contentTypeHeader = QByteArrayLiteral("Content-Type");
const QByteArray jsonContentType = QByteArrayLiteral("application/json; charset=utf-8");
const QByteArray htmlContentType = QByteArrayLiteral("text/html; charset=utf-8");

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 301:
        return QByteArrayLiteral("Moved Permanently");
    case 302:
        return QByteArrayLiteral("Found");
    case 307:
        return QByteArrayLiteral("Temporary Redirect");
    case 308:
        return QByteArrayLiteral("Permanent Redirect");
    default:
        return QByteArrayLiteral("See Other");
    }
}

} // namespace

bool SimResponse::isJson() const
{
    for (const auto &header : headers) {
        if (header.first.compare(contentTypeHeader, Qt::CaseInsensitive) == 0)
            return header.second.startsWith("application/json");
    }
    return false;
}

void SimResponse::writeTo(QHttpServerResponder &responder) const
{
    const QTcpSocket *socket = responder.socket();
    if (!socket || !socket->isOpen())
        return;
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(status));
    for (const auto &header : headers)
        responder.writeHeader(header.first, header.second);
    // RFC 9110 §8.6: no Content-Length in a 204.
    if (status != 204)
        responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(body.size()));
    responder.writeBody(body);
}

SimResponse SimResponse::json(int status, const QJsonObject &object)
{
    return SimResponse {
        status, {{contentTypeHeader, jsonContentType}}, QJsonDocument(object).toJson(QJsonDocument::Compact), {}};
}

SimResponse SimResponse::json(int status, QByteArray body)
{
    return SimResponse {status, {{contentTypeHeader, jsonContentType}}, std::move(body), {}};
}

SimResponse SimResponse::redirect(int status, const QString &location)
{
    const QByteArray encodedLocation = location.toUtf8();
    QByteArray escaped = encodedLocation;
    escaped.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;");
    return SimResponse {status,
                        {{contentTypeHeader, htmlContentType}, {QByteArrayLiteral("Location"), encodedLocation}},
                        "<a href=\"" + escaped + "\">" + reasonPhrase(status) + "</a>.\n\n",
                        {}};
}

SimResponse SimResponse::html(int status, const QByteArray &page)
{
    return SimResponse {status, {{contentTypeHeader, htmlContentType}}, page, {}};
}

SimResponse SimResponse::noContent()
{
    return SimResponse {204, {}, {}, {}};
}

} // namespace Dawiso::Simulator
