#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

class QHttpServerResponder;

namespace Dawiso::Simulator {

// One answer of a simulated server, before it goes on the wire.
struct SimResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers; // Content-Length is added when sending
    QByteArray body;
    // Not sent: the name of a deliberate departure from Qlik's specs that produced this answer (an injected
    // fault, named "fault: ..."), so that the contract test knows not to hold it to the specs.
    QString deviation;

    bool isJson() const;
    // Writes the answer with a Content-Length (none for 204); does nothing when the connection is already closed.
    void writeTo(QHttpServerResponder &responder) const;

    static SimResponse json(int status, const QJsonObject &object);
    // A body that is JSON already (written by JsonWriter).
    static SimResponse json(int status, QByteArray body);
    // A redirect as Qlik's services send it: the Location as given (often relative) and a short text/html body.
    static SimResponse redirect(int status, const QString &location);
    static SimResponse html(int status, const QByteArray &page);
    // No body at all (204 No Content), so no Content-Type and no Content-Length either.
    static SimResponse noContent();
};

} // namespace Dawiso::Simulator
