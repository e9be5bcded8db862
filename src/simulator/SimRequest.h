#pragma once

#include <QByteArray>
#include <QString>
#include <QUrlQuery>

namespace Dawiso::Simulator {

// A request as QlikApi sees it. The Authorization value lives only as long as the request is being handled.
struct SimRequest
{
    QByteArray method;
    QString path;
    QString rawQuery; // without '?', as sent
    QUrlQuery query;
    QByteArray authorization;
};

} // namespace Dawiso::Simulator
