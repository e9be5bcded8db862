#pragma once

#include <QByteArray>
#include <QString>

namespace Dawiso {

// A sample API key of the simulated tenant, offered on the key page of a practice run. Not a real secret: it only
// opens the simulator running inside this process.
struct PracticeSample
{
    QString label;
    QByteArray token;
};

} // namespace Dawiso
