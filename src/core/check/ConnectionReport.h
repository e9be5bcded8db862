#pragma once

#include "check/CheckCounts.h"
#include "check/CheckResult.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Dawiso {

// Everything the connection check found, and nothing secret: the host, whose key it is, each check, the counts.
// The wizard shows it, the command line prints it, and "Save report…" writes it as HTML and JSON.
class ConnectionReport
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionReport)

public:
    enum class Verdict {
        Usable, // no failed check (warnings allowed)
        Blocked, // at least one check failed
        Unreachable, // Qlik could not be reached or TLS failed: nothing could be checked
        Cancelled,
    };

    QString host;
    QString userId;
    QString userName;
    QString userEmail;
    QString tenantId;
    QString tenantName;
    QString tenantRegion;
    QString keyId;
    QDateTime keyExpiry; // invalid when unknown
    QDateTime checkedAt;
    QList<CheckResult> checks;
    CheckCounts counts;
    Verdict verdict = Verdict::Usable;
    // For Unreachable: what happened and what to do.
    QString failureMessage;

    const CheckResult *check(const QString &id) const;
    int countWithStatus(CheckStatus status) const;
    // The one-line verdict: "Dawiso can use this key: 2 warnings." / "Dawiso cannot use this key yet: …"
    QString verdictText() const;

    // {host, user{id,name,email}, tenant{id,name,region}, key{id,expiry}, checkedAt, verdict,
    //  checks[{id,status,message,fix}], counts{...}}
    QJsonObject toJson() const;
};

} // namespace Dawiso
