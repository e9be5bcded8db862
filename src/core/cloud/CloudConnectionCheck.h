#pragma once

#include "check/ConnectionCheck.h"
#include "cloud/CloudCheckFindings.h"
#include "qlik/QlikUser.h"

#include <QHash>

#include <optional>

namespace Dawiso {

// Proves that Dawiso will see the customer's Qlik Cloud content with a key, the way a catalog uses it:
//   identity   GET /api/v1/users/me (301): the key is accepted and its user active
//   admin      the user holds an admin-level role (directly or through a group): warn
//   permission the user still has the api-keys scope (Manage API keys), without which the key stops working: warn
//   expiry     the key's record (GET /api/v1/api-keys) or its own claims: warn under 30 days, fail when expired
//   tenant     GET /api/v1/tenants/me (302): name, id, region; warn when the host is an alias
//   spaces     GET /api/v1/spaces, every page: counts by type; fail when the user is in no space
//   apps       GET /api/v1/items?resourceType=app, every page: counts per space and space type
//   app-access GET /api/v1/apps/{id} and /data/metadata for one app per space type: fail when listed apps cannot
//              be opened
// identity runs first; expiry, tenant, spaces and apps then run side by side; app-access last. Lists are counted
// page by page and never kept.
class CloudConnectionCheck : public ConnectionCheck
{
    Q_OBJECT

public:
    // client: already pointed at the tenant's base URL; the check sets and clears its key.
    explicit CloudConnectionCheck(QlikClient *client, QObject *parent = nullptr);
    ~CloudConnectionCheck() override;

    QList<CheckResult> plannedChecks() const override;
    // The same plan, for reports built without a check (tests, the report writer's examples).
    static QList<CheckResult> plan();
    static int expiryWarningDays() { return 30; }
    // What the admin must never do while Dawiso uses the key of the user who: take away their Manage API keys.
    static QString keepRoleReminder(const QString &who);

protected:
    void reset() override;
    void runChecks(const QByteArray &apiKey) override;
    void released() override;
    void describe(ConnectionReport &report) const override;

private:
    void onIdentity(QlikRequest *request);
    void checkPermission(const QlikUser &user);
    void startParallelChecks();
    void onKeyList(QlikPager *pager);
    void onTenant(QlikRequest *request);
    void onSpacesPage(const QJsonArray &page);
    void onSpacesDone(QlikPager *pager);
    void onAppsPage(const QJsonArray &page);
    void onAppsDone(QlikPager *pager);
    void maybeStartAppAccess();
    void openNextSampleApp();
    void onAppOpened(QlikRequest *request, bool metadata);
    void finishAppAccess();
    QString spaceTypeOf(const QString &spaceId) const;

    CloudCheckFindings m_findings;
    std::optional<QDateTime> m_claimedExpiry;
    QlikUser m_user;
    int m_pendingParallel = 0;

    // spaces and apps
    QHash<QString, QString> m_spaceTypes; // space id -> type
    QHash<QString, QString> m_spaceNames; // space id -> name
    bool m_spacesDone = false;
    bool m_spacesOk = false;
    bool m_appsDone = false;
    bool m_appsOk = false;
    QStringList m_spaceProblems;
    QStringList m_appProblems;
    QString m_keyId;
    // The first app seen in each space (id, name); the samples app-access opens are picked from these once both
    // lists are complete, one per space type.
    QHash<QString, QPair<QString, QString>> m_firstAppInSpace;
    QHash<QString, int> m_appsInSpace; // counted in a hash while paging; the report's ordered map is built once
    struct SampleApp
    {
        QString spaceType;
        QString spaceName;
        QString appId;
        QString appName;
    };
    QList<SampleApp> m_sampleQueue;
    SampleApp m_currentSample;
    QStringList m_openFailures;
    QStringList m_opened;
};

} // namespace Dawiso
