#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace Dawiso::Simulator {

// A simulated server's test-only misbehaviours, all off by default. Path prefixes match the request path; when several
// prefixes match, the longest one wins.
class FaultInjector
{
public:
    // How a matching request's answer breaks; the handler runs first all the same, so whatever it changes (a key it
    // creates) has happened when the answer is lost.
    enum class AnswerFault {
        None,
        ServiceUnavailable, // 503 with a short JSON error
        WrongShape, // 200 with valid JSON of another shape: an array of one string
        ResetMidBody, // the answer's head and half its body, then the connection closes
        HugeBody, // 200 with an endless JSON body and no Content-Length, produced as the client reads it
        Trickle, // the answer one byte per second
    };

    // retryAfterSeconds < 0: the 429 carries no retry-after header.
    void rateLimitNext(const QString &pathPrefix, int times, int retryAfterSeconds);
    // The retry-after seconds when this request is one of the rate-limited ones (and counts it), else nullopt.
    std::optional<int> takeRateLimit(const QString &path);

    void setResponseDelay(const QString &pathPrefix, int milliseconds);
    // 0 = answer at once, -1 = never answer.
    int responseDelay(const QString &path) const;

    void setRedirectTarget(const QString &path, const QUrl &absoluteLocation);
    QUrl redirectTarget(const QString &path) const { return m_redirects.value(path); }

    void setMalformedJson(const QString &pathPrefix, bool malformed);
    bool isMalformed(const QString &path) const;

    // AnswerFault::None clears.
    void setAnswerFault(const QString &pathPrefix, AnswerFault fault);
    AnswerFault answerFault(const QString &path) const;

    void setNotQlik(bool notQlik) { m_notQlik = notQlik; }
    bool isNotQlik() const { return m_notQlik; }

private:
    struct RateLimit
    {
        int remaining = 0;
        int retryAfterSeconds = 0;
    };

    template <typename T>
    static std::optional<QString> longestPrefix(const QHash<QString, T> &byPrefix, const QString &path);

    QHash<QString, RateLimit> m_rateLimits;
    QHash<QString, int> m_delays;
    QHash<QString, QUrl> m_redirects;
    QHash<QString, bool> m_malformed;
    QHash<QString, AnswerFault> m_answerFaults;
    bool m_notQlik = false;
};

} // namespace Dawiso::Simulator
