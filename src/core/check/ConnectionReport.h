#pragma once

#include "check/CheckCounts.h"
#include "check/CheckResult.h"
#include "check/ReportFact.h"
#include "secrets/SavedConnection.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Dawiso {

// Everything the connection check found, and nothing secret: the host, whose credential it is, each check, the
// deployment's own facts and the counts. The wizard shows it, the command line prints it, and "Save report…" writes
// it as HTML and JSON.
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
    QString keyId;
    QDateTime keyExpiry; // invalid when unknown
    QDateTime checkedAt;
    QList<CheckResult> checks;
    // In the order they are shown; see ReportFact.
    QList<ReportFact> facts;
    // What the admin must keep doing, or never do, so that the credential keeps working (Qlik Cloud: never take the
    // role with Manage API keys from the key's user).
    QStringList reminders;
    CheckCounts counts;
    Verdict verdict = Verdict::Usable;
    // The credential is a token (Qlik Sense Enterprise's JWT) rather than an API key: the words say so.
    bool credentialIsToken = false;
    // For Unreachable: what happened and what to do.
    QString failureMessage;

    const CheckResult *check(const QString &id) const;
    int countWithStatus(CheckStatus status) const;
    // The one-line verdict: "Dawiso can use this key: 2 warnings." / "Dawiso cannot use this key yet: …"
    QString verdictText() const;
    // The verdict as the saved-connections index remembers it; None for a stopped check, which says nothing.
    SavedConnection::LastCheck lastCheck() const;
    QList<ReportFact> factsIn(ReportFact::Section section) const;
    // A fact's JSON value by its path joined with dots ("tenant", "counts.apps"; "tenant.id" reads into an object);
    // undefined when there is none.
    QJsonValue value(const QString &dottedPath) const;

    // {host, user{id,name,email}, key{id,expiry}, checkedAt, verdict, summary, checks[{id,title,status,message,fix}],
    //  counts{requests,pagesRead}, reminders[], failure?} and every fact at its path.
    QJsonObject toJson() const;
};

} // namespace Dawiso
