#pragma once

#include <QByteArray>
#include <QString>
#include <QUrlQuery>

namespace Dawiso::Simulator {

// A request as QlikApi and OAuthServer see it. The Authorization value and the body (which may carry a password, a
// client secret or a code verifier) live only as long as the request is being handled.
struct SimRequest
{
    QByteArray method;
    QString path;
    QString rawQuery; // without '?', as sent
    QUrlQuery query;
    QByteArray authorization;
    QByteArray contentType; // lowercase media type without parameters, e.g. "application/json"
    QByteArray body;
};

} // namespace Dawiso::Simulator
