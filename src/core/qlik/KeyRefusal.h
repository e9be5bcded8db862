#pragma once

#include "common/UserMessage.h"
#include "qlik/QlikError.h"

#include <QCoreApplication>
#include <QString>

namespace Dawiso {

// Why Qlik refused a request made with an API key, in words for people. Shared by the key step of the wizard and
// the connection check, so both explain a 401 the same way.
class KeyRefusal
{
    Q_DECLARE_TR_FUNCTIONS(KeyRefusal)

public:
    enum class Reason {
        RevokedOrExpired, // 401 with Qlik's api-keys validation code
        Rejected, // 401: unknown key, another tenant's, or its user lacks Manage API keys
        UserNotAllowed, // 403: the key is fine, its user may not sign in
        Other, // any other error status
    };

    static KeyRefusal fromAnswer(int httpStatus, const QlikError &error, const QString &hostAndPort);

    Reason reason = Reason::Other;
    UserMessage problem;
};

} // namespace Dawiso
