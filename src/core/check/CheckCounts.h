#pragma once

namespace Dawiso {

// What a connection check asked of the server, whichever the deployment: for support and the benchmark.
struct CheckCounts
{
    int requests = 0;
    int pagesRead = 0;
};

} // namespace Dawiso
