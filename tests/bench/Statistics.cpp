#include "Statistics.h"

#include <algorithm>
#include <cmath>

namespace Dawiso::Bench {

double Statistics::median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    return values.size() % 2 ? values.at(middle) : (values.at(middle - 1) + values.at(middle)) / 2;
}

double Statistics::percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto rank = qsizetype(std::ceil(p / 100 * double(values.size())));
    return values.at(qBound(qsizetype(0), rank - 1, values.size() - 1));
}

double Statistics::maximum(const QList<double> &values)
{
    return values.isEmpty() ? 0 : *std::max_element(values.cbegin(), values.cend());
}

} // namespace Dawiso::Bench
