#pragma once

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
};

} // namespace Dawiso
