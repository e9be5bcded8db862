#pragma once

#include <QByteArray>

#include <chrono>

namespace Dawiso {

struct QlikRequestOptions
{
    bool authenticated = true;
    // The whole of one attempt (connect, TLS, answer); a 429 wait does not count against it.
    std::chrono::milliseconds timeout {std::chrono::seconds(30)};
    // Qlik's own samples retry a rate-limited call up to five times.
    int maxRateLimitRetries = 5;
    // A longer retry-after than this is reported instead of waited for: nobody watches a wizard for minutes.
    std::chrono::seconds longestRateLimitWait {60};
    int maxRedirects = 5;
    // Off: a 3xx is the answer (its Location header says where it points), for callers that must see it.
    bool followRedirects = true;
    // GET unless told otherwise; a body goes with POST, PATCH and PUT. The request wipes its copy of the body when
    // it is done, so secrets in it (a client secret, a PKCE verifier) do not linger.
    QByteArray method = QByteArrayLiteral("GET");
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json");
};

} // namespace Dawiso
