#pragma once

#include "common/UserMessage.h"
#include "qrs/QrsClient.h"

#include <QCoreApplication>
#include <QString>

namespace Dawiso {

class QlikRequest;

// What went wrong with one finished QRS request, in words for people: the network failure, or what the site's
// answer means (the proxy's host allow list, a session that ended, an inactive account, a missing role, a wrong
// virtual proxy prefix or port, a change made meanwhile) and what to do about it.
class QrsProblem
{
    Q_DECLARE_TR_FUNCTIONS(QrsProblem)

public:
    QrsProblem() = delete;

    // action: what the step was doing, as the start of a sentence: "Reading the users". identity: how the request
    // said who is calling (QrsClient::identity()), which decides whose credential or rights a refusal is about.
    static UserMessage describe(const QlikRequest *request, const QString &action, QrsClient::Identity identity);
    // The proxy answered with its sign-in page instead (a redirect to internal_*_authentication): the session
    // ended, or never was.
    static bool isSignInRedirect(const QlikRequest *request);
};

} // namespace Dawiso
