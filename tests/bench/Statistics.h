#pragma once

#include <QList>

namespace Dawiso::Bench {

// Order statistics of a benchmark's samples.
class Statistics
{
public:
    static double median(QList<double> values);
    // The nearest-rank percentile (0 < p <= 100): the smallest sample that at least p % of the samples do not exceed.
    static double percentile(QList<double> values, double p);
    static double maximum(const QList<double> &values);
};

} // namespace Dawiso::Bench
