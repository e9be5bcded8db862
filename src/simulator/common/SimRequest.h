#pragma once

#include "simulator/common/SimHeaders.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QSslCertificate>
#include <QString>
#include <QUrlQuery>

namespace Dawiso::Simulator {

// A request as a simulated server's handlers see it: method, path, query, every header as sent, and the body. Header
// values (Authorization carries a key or token) and the body (a password, a client secret, a code verifier) live only
// as long as the request is being handled.
struct SimRequest
{
    QByteArray method;
    QString path;
    QString rawQuery; // without '?', as sent
    QUrlQuery query;
    SimHeaders headers;
    QByteArray body;
    QSslCertificate clientCertificate; // the one the connection presented (mutual TLS); null when none

    // A header's value, its name compared without regard to case (header("X-Qlik-Xrfkey")); empty when absent.
    QByteArray header(QByteArrayView name) const { return headers.value(name); }
    QByteArray authorization() const { return header("Authorization"); }
    // The Content-Type's media type, lowercase and without parameters, e.g. "application/json".
    QByteArray contentType() const;

    // Overwrites the header values and the body with zeros once the request has been answered.
    void wipe();
};

} // namespace Dawiso::Simulator
