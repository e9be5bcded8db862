#pragma once

#include "simulator/common/SimResponse.h"

#include <QString>

namespace Dawiso::Simulator {

// How an error item carries its HTTP status; Qlik's services differ.
enum class ErrorStatusStyle {
    Integer, // users, api-keys: "status": 404
    String, // tenants, the authentication layer: "status": "401"
    Omitted, // roles: no status
};

// Qlik Cloud's error answers, in the Errors shape its REST services share.
class QlikError
{
public:
    // {"errors":[{"code","title","detail"?,"status"?}],"traceId"} with a fresh random trace id.
    static SimResponse response(int status, const QString &code, const QString &title, ErrorStatusStyle style,
                                const QString &detail = QString());
    // 429 with retry-after, as Qlik's rate limiter answers ("HTTP-429", "API rate limit reached."); without it (an
    // injected fault) for retryAfterSeconds < 0.
    static SimResponse rateLimited(int retryAfterSeconds);
};

} // namespace Dawiso::Simulator
