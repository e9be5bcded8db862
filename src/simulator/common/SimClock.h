#pragma once

#include <QDateTime>

namespace Dawiso::Simulator {

// "Now" for what a simulated server lets expire: real time plus an offset that tests move forward, so that sign-in
// forms, authorization codes and access tokens expire without anyone waiting.
class SimClock
{
public:
    QDateTime now() const { return QDateTime::currentDateTimeUtc().addSecs(m_offsetSeconds); }
    void advance(qint64 seconds) { m_offsetSeconds += seconds; }

private:
    qint64 m_offsetSeconds = 0;
};

} // namespace Dawiso::Simulator
