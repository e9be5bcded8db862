#pragma once

#include <QString>

namespace Dawiso::Bench {

// The machine's 1-minute load average as the kernel gives it (/proc/loadavg), empty where it does not: printed beside
// a measurement, so that its figures can be read against how busy the machine was.
QString loadAverage();

} // namespace Dawiso::Bench
