#pragma once

#include "check/CheckStatus.h"

#include <QString>

namespace Dawiso {

// One line of the connection check: what was checked, what was found, and what to do about it.
struct CheckResult
{
    QString id; // stable: identity, admin, expiry, tenant, spaces, apps, app-access
    QString title; // for people: "The key is accepted"
    CheckStatus status = CheckStatus::Pending;
    QString message; // what was found, in plain words
    QString advice; // what to do next; empty when there is nothing to do

    // A check of a plan, before it runs.
    static CheckResult planned(const QString &id, const QString &title)
    {
        return CheckResult {id, title, CheckStatus::Pending, {}, {}};
    }
};

} // namespace Dawiso
