#pragma once

#include "check/ConnectionReport.h"

#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Dawiso {

// What the Qlik Cloud connection check learns about the tenant and about what the key sees, counted while the lists
// are read (nothing is kept per item, so 20,000 apps cost nothing), and how it appears in the report: the Tenant line
// beside the user, the Spaces and Apps lines beside the counts, and "tenant" and "counts" in the JSON.
struct CloudCheckFindings
{
    Q_DECLARE_TR_FUNCTIONS(CloudCheckFindings)

public:
    QString tenantId;
    QString tenantName;
    QString tenantRegion;
    // Spaces by type ("shared", "managed", "data"); the personal space is not listed by Qlik and not counted here.
    QMap<QString, int> spacesByType;
    int spaces = 0;
    int apps = 0;
    // Apps by the type of the space they are in; apps outside any space count as "personal".
    QMap<QString, int> appsBySpaceType;
    // Apps per space id ("" for personal).
    QMap<QString, int> appsBySpace;
    // What the admin must keep doing so that the key keeps working (the report's reminders).
    QStringList reminders;

    // Adds the findings to report.facts; lists whose check did not run say "not read".
    void describe(ConnectionReport &report) const;
};

} // namespace Dawiso
