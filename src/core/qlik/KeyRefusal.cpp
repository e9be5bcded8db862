#include "qlik/KeyRefusal.h"

namespace Dawiso {

KeyRefusal KeyRefusal::fromAnswer(int httpStatus, const QlikError &error, const QString &hostAndPort)
{
    KeyRefusal refusal;
    if (httpStatus == 401 && error.hasCode(QStringLiteral("APIKEYS-18"))) {
        refusal.reason = Reason::RevokedOrExpired;
        refusal.problem.message = tr("Qlik says this key has been revoked or has expired.");
        refusal.problem.advice =
            tr("Keys cannot be brought back. Sign in to Qlik as the integration user, generate a new "
               "key under Profile settings › API keys, and use that one.");
        return refusal;
    }
    if (httpStatus == 401) {
        refusal.reason = Reason::Rejected;
        refusal.problem.message = tr("Qlik did not accept this key.");
        refusal.problem.advice =
            tr("Check that you copied the whole key, generated on %1 (not its ID or description, and not a key of "
               "another tenant). If the key is right, its user probably lacks the Manage API keys permission: Qlik "
               "removed the Developer role in February 2026, and since then only a role with Manage API keys set to "
               "Allowed lets a user create and use keys. In Administration › Manage users, open the user, and under "
               "Roles › Assign roles give them a role with that permission (such as Dawiso Integration); then check "
               "again, and generate a new key if this one is still refused.")
                .arg(hostAndPort);
        return refusal;
    }
    if (httpStatus == 403) {
        refusal.reason = Reason::UserNotAllowed;
        refusal.problem.message = tr("Qlik accepted the key but does not let its user in.");
        refusal.problem.advice = tr("The user may be disabled or without a licence. Check the user in Administration › "
                                    "Users, then try again.");
        return refusal;
    }
    refusal.reason = Reason::Other;
    const QString said = error.summary();
    refusal.problem.message = said.isEmpty()
        ? tr("Qlik answered with an error (HTTP %1).").arg(httpStatus)
        : tr("Qlik answered with an error (HTTP %1: %2).").arg(QString::number(httpStatus), said);
    refusal.problem.advice = httpStatus >= 500 ? tr("This is a problem on Qlik's side. Try again in a few minutes.")
                                               : tr("Check the address and the key, then try again.");
    return refusal;
}

} // namespace Dawiso
