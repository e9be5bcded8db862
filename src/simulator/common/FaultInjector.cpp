#include "simulator/common/FaultInjector.h"

namespace Dawiso::Simulator {

template <typename T>
std::optional<QString> FaultInjector::longestPrefix(const QHash<QString, T> &byPrefix, const QString &path)
{
    std::optional<QString> best;
    for (auto it = byPrefix.cbegin(); it != byPrefix.cend(); ++it) {
        if (path.startsWith(it.key()) && (!best || it.key().size() > best->size()))
            best = it.key();
    }
    return best;
}

void FaultInjector::rateLimitNext(const QString &pathPrefix, int times, int retryAfterSeconds)
{
    if (times <= 0)
        m_rateLimits.remove(pathPrefix);
    else
        m_rateLimits.insert(pathPrefix, RateLimit {times, retryAfterSeconds});
}

std::optional<int> FaultInjector::takeRateLimit(const QString &path)
{
    const auto prefix = longestPrefix(m_rateLimits, path);
    if (!prefix)
        return std::nullopt;
    RateLimit &limit = m_rateLimits[*prefix];
    const int retryAfter = limit.retryAfterSeconds;
    if (--limit.remaining <= 0)
        m_rateLimits.remove(*prefix);
    return retryAfter;
}

void FaultInjector::setResponseDelay(const QString &pathPrefix, int milliseconds)
{
    if (milliseconds == 0)
        m_delays.remove(pathPrefix);
    else
        m_delays.insert(pathPrefix, milliseconds);
}

int FaultInjector::responseDelay(const QString &path) const
{
    const auto prefix = longestPrefix(m_delays, path);
    return prefix ? m_delays.value(*prefix) : 0;
}

void FaultInjector::setRedirectTarget(const QString &path, const QUrl &absoluteLocation)
{
    if (absoluteLocation.isEmpty())
        m_redirects.remove(path);
    else
        m_redirects.insert(path, absoluteLocation);
}

void FaultInjector::setMalformedJson(const QString &pathPrefix, bool malformed)
{
    if (malformed)
        m_malformed.insert(pathPrefix, true);
    else
        m_malformed.remove(pathPrefix);
}

bool FaultInjector::isMalformed(const QString &path) const
{
    return longestPrefix(m_malformed, path).has_value();
}

void FaultInjector::setAnswerFault(const QString &pathPrefix, AnswerFault fault)
{
    if (fault == AnswerFault::None)
        m_answerFaults.remove(pathPrefix);
    else
        m_answerFaults.insert(pathPrefix, fault);
}

FaultInjector::AnswerFault FaultInjector::answerFault(const QString &path) const
{
    const auto prefix = longestPrefix(m_answerFaults, path);
    return prefix ? m_answerFaults.value(*prefix) : AnswerFault::None;
}

} // namespace Dawiso::Simulator
