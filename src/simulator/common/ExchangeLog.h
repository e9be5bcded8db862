#pragma once

#include <QString>

namespace Dawiso::Simulator {

struct SimRequest;
struct SimResponse;

// A record of every answer simulated servers send, for the contract test that holds them to Qlik's published OpenAPI
// specs. It is off unless the environment variable DQS_SIMULATOR_EXCHANGE_LOG names a directory (the test suite sets
// it for every test); then each process appends one JSON line per answer to its own file there: the test's name, the
// method, path and status, the content type, the JSON body, and the named deviation the answer was allowed (an
// injected fault). Values that could be secrets (tokens, client secrets, passwords) are replaced by "redacted" before
// anything is written, so the record keeps their JSON types only.
class ExchangeLog
{
public:
    static bool isEnabled();
    static void record(const SimRequest &request, const SimResponse &response);
};

} // namespace Dawiso::Simulator
