#include "cloud/CloudConnectionCheck.h"

#include "common/Clock.h"
#include "net/TlsTrust.h"
#include "qlik/KeyRefusal.h"
#include "qlik/QlikApiKeyRecord.h"
#include "qlik/QlikAppItem.h"
#include "qlik/QlikClient.h"
#include "qlik/QlikPager.h"
#include "qlik/QlikRequest.h"
#include "qlik/QlikSpaceRecord.h"
#include "qlik/QlikTenantRecord.h"
#include "token/ApiKeyToken.h"
#include "token/SecureMemory.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QUrlQuery>

namespace Dawiso {

namespace {

const QString identityId = QStringLiteral("identity");
const QString adminId = QStringLiteral("admin");
const QString permissionId = QStringLiteral("permission");
// The scope of Manage API keys (https://qlik.dev/manage/access-control/custom-roles/).
const QString apiKeysScope = QStringLiteral("api-keys");
const QString expiryId = QStringLiteral("expiry");
const QString tenantId = QStringLiteral("tenant");
const QString spacesId = QStringLiteral("spaces");
const QString appsId = QStringLiteral("apps");
const QString appAccessId = QStringLiteral("app-access");

const QString personalType = QStringLiteral("personal");
// An app whose space is not in the user's list of spaces (an admin can see such items).
const QString unlistedType = QStringLiteral("unlisted");
// The order app-access opens samples in.
const QStringList spaceTypeOrder {QStringLiteral("shared"), QStringLiteral("managed"), QStringLiteral("data"),
                                  personalType, unlistedType};

QString longDate(const QDateTime &when)
{
    return QLocale().toString(when.toLocalTime().date(), QLocale::LongFormat);
}

} // namespace

CloudConnectionCheck::CloudConnectionCheck(QlikClient *client, QObject *parent)
    : ConnectionCheck(client, parent)
{ }

CloudConnectionCheck::~CloudConnectionCheck()
{
    client()->clearApiKey();
}

QList<CheckResult> CloudConnectionCheck::plannedChecks() const
{
    return plan();
}

QList<CheckResult> CloudConnectionCheck::plan()
{
    return {
        CheckResult::planned(identityId, tr("Qlik accepts the key")),
        CheckResult::planned(adminId, tr("The key's user is not an admin")),
        CheckResult::planned(permissionId, tr("The key's user keeps Manage API keys")),
        CheckResult::planned(expiryId, tr("The key does not expire soon")),
        CheckResult::planned(tenantId, tr("The address is the tenant's own")),
        CheckResult::planned(spacesId, tr("The user is in the spaces to catalog")),
        CheckResult::planned(appsId, tr("The user sees apps")),
        CheckResult::planned(appAccessId, tr("Apps can be opened, not only listed")),
    };
}

void CloudConnectionCheck::reset()
{
    m_findings = CloudCheckFindings();
    m_user = QlikUser();
    m_spaceTypes.clear();
    m_spaceNames.clear();
    m_firstAppInSpace.clear();
    m_appsInSpace.clear();
    m_spaceProblems.clear();
    m_appProblems.clear();
    m_sampleQueue.clear();
    m_openFailures.clear();
    m_opened.clear();
    m_spacesDone = m_spacesOk = m_appsDone = m_appsOk = false;
    m_pendingParallel = 0;
    m_keyId.clear();
    m_claimedExpiry.reset();
}

void CloudConnectionCheck::released()
{
    client()->clearApiKey();
}

void CloudConnectionCheck::describe(ConnectionReport &report) const
{
    m_findings.describe(report);
}

void CloudConnectionCheck::runChecks(const QByteArray &apiKey)
{
    // What the key says about itself: its id (to find its record) and its expiry (when the record is out of reach).
    QString text = QString::fromLatin1(apiKey);
    ApiKeyToken token = ApiKeyToken::fromPastedText(text);
    SecureMemory::wipe(text);
    m_keyId = token.keyId();
    m_claimedExpiry = token.expiresAt();
    currentReport().keyId = m_keyId;
    client()->setApiKey(token.isWellFormed() ? token.token() : apiKey);
    token.wipe();

    setResult(identityId, CheckStatus::Running, tr("Asking Qlik whose key this is…"));
    emit progress(tr("Checking the key with Qlik…"));
    runCounted(client()->get(QStringLiteral("/api/v1/users/me")),
               [this](QlikRequest *request) { onIdentity(request); });
}

void CloudConnectionCheck::onIdentity(QlikRequest *request)
{
    if (request->failure().isFailure()) {
        failUnreachable(request->failure().message(), request->failure().advice());
        return;
    }
    if (!request->isSuccess()) {
        const KeyRefusal refusal = KeyRefusal::fromAnswer(request->httpStatus(), request->qlikError(),
                                                          TlsTrust::originKey(request->requestedUrl()));
        setResult(identityId, CheckStatus::Fail, refusal.problem.message, refusal.problem.advice);
        skipPending(tr("Not checked: Qlik did not accept the key."));
        finish(ConnectionReport::Verdict::Blocked);
        return;
    }
    const auto read =
        QlikUser::fromAnswer(request, {tr("Qlik accepted the key, but its answer about the user could not be read.")});
    if (const auto *problem = std::get_if<UserMessage>(&read)) {
        setResult(identityId, CheckStatus::Fail, problem->message,
                  tr("Try again; if it keeps happening, save a report for Dawiso support. (%1)").arg(problem->detail));
        skipPending(tr("Not checked: the key's user could not be read."));
        finish(ConnectionReport::Verdict::Blocked);
        return;
    }
    const QlikUser *user = &std::get<QlikUser>(read);
    m_user = *user;
    currentReport().userId = user->id;
    currentReport().userName = user->name;
    currentReport().userEmail = user->email;
    if (!user->isActive()) {
        setResult(
            identityId, CheckStatus::Fail,
            tr("The key belongs to %1, whose account is %2 in Qlik.").arg(user->displayName(), user->statusInWords()),
            tr("Reactivate the user in Administration › Manage users, or use a key of an active user."));
        skipPending(tr("Not checked: the key's user is not active."));
        finish(ConnectionReport::Verdict::Blocked);
        return;
    }
    setResult(identityId, CheckStatus::Pass, tr("Qlik accepts the key. It belongs to %1.").arg(user->displayName()));

    const QString adminWarning = user->adminWarning();
    if (adminWarning.isEmpty())
        setResult(adminId, CheckStatus::Pass, tr("%1 holds no admin role.").arg(user->displayName()));
    else if (user->isTenantAdmin())
        setResult(adminId, CheckStatus::Warn, tr("The key belongs to a tenant admin."), adminWarning);
    else
        setResult(adminId, CheckStatus::Warn, tr("The key belongs to a user with an admin role."), adminWarning);
    checkPermission(*user);

    startParallelChecks();
}

QString CloudConnectionCheck::keepRoleReminder(const QString &who)
{
    return tr("Never take the role with Manage API keys (Dawiso Integration) away from %1: Qlik stops accepting the "
              "key as soon as they lose it, and Dawiso stops reading Qlik.")
        .arg(who);
}

void CloudConnectionCheck::checkPermission(const QlikUser &user)
{
    const QString who = user.displayName();
    m_findings.reminders << keepRoleReminder(who);
    if (user.isAdmin()) {
        setResult(permissionId, CheckStatus::Skipped,
                  tr("Not checked: %1 holds an admin role, which brings its own rights (see above).").arg(who));
    } else if (user.scopes.isEmpty()) {
        setResult(permissionId, CheckStatus::Skipped,
                  tr("Not checked: Qlik did not list the permissions of %1.").arg(who));
    } else if (!user.scopes.contains(apiKeysScope)) {
        setResult(permissionId, CheckStatus::Warn,
                  tr("%1 no longer has the Manage API keys permission, so Qlik may stop accepting this key at any "
                     "moment.")
                      .arg(who),
                  tr("Give the role back: in Administration › Manage users, open %1, then Roles › Assign roles and "
                     "assign Dawiso Integration (or another role with Manage API keys set to Allowed). Never remove "
                     "it while Dawiso uses this key.")
                      .arg(who));
    } else {
        setResult(permissionId, CheckStatus::Pass,
                  tr("%1 has the Manage API keys permission, which the key needs to keep working.").arg(who));
    }
}

void CloudConnectionCheck::startParallelChecks()
{
    m_pendingParallel = 4;

    setResult(expiryId, CheckStatus::Running, tr("Reading the key's expiry…"));
    QUrlQuery keyQuery;
    keyQuery.addQueryItem(QStringLiteral("sub"), m_user.id);
    keyQuery.addQueryItem(QStringLiteral("status"), QStringLiteral("active"));
    keyQuery.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
    // A user's own keys: a handful, kept to find this one.
    runCounted(client()->getAllPages(QStringLiteral("/api/v1/api-keys"), keyQuery),
               [this](QlikPager *keys) { onKeyList(keys); });

    setResult(tenantId, CheckStatus::Running, tr("Reading the tenant's details…"));
    runCounted(client()->get(QStringLiteral("/api/v1/tenants/me")), [this](QlikRequest *tenant) { onTenant(tenant); });

    // The two long lists are counted page by page and never kept.
    setResult(spacesId, CheckStatus::Running, tr("Reading the spaces the user is in…"));
    QlikPager *spaces = client()->getAllPages(QStringLiteral("/api/v1/spaces"), QUrlQuery(QStringLiteral("limit=100")));
    spaces->setKeepItems(false);
    connect(spaces, &QlikPager::pageReceived, this, &CloudConnectionCheck::onSpacesPage);
    runCounted(spaces, [this](QlikPager *done) { onSpacesDone(done); });

    setResult(appsId, CheckStatus::Running, tr("Reading the apps the user can see…"));
    QUrlQuery appQuery;
    appQuery.addQueryItem(QStringLiteral("resourceType"), QStringLiteral("app"));
    appQuery.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
    // The check never reads an item's actions, and Qlik evaluates them per item unless told not to.
    appQuery.addQueryItem(QStringLiteral("noActions"), QStringLiteral("true"));
    QlikPager *apps = client()->getAllPages(QStringLiteral("/api/v1/items"), appQuery);
    apps->setKeepItems(false);
    connect(apps, &QlikPager::pageReceived, this, &CloudConnectionCheck::onAppsPage);
    runCounted(apps, [this](QlikPager *done) { onAppsDone(done); });
}

void CloudConnectionCheck::onKeyList(QlikPager *pager)
{
    std::optional<QDateTime> expiry = m_claimedExpiry;
    if (pager->isSuccess()) {
        for (const QJsonValue &value : pager->items()) {
            const auto record = QlikApiKeyRecord::fromJson(value.toObject(), nullptr);
            if (record && !m_keyId.isEmpty() && record->id == m_keyId && record->expiry.isValid()) {
                expiry = record->expiry;
                break;
            }
        }
    }
    const QDateTime now = Clock::currentDateTimeUtc();
    if (!expiry) {
        setResult(expiryId, CheckStatus::Warn, tr("Qlik did not say when this key expires."),
                  tr("Look it up under Profile settings › API keys in Qlik and put a reminder in your calendar to "
                     "replace the key before then."));
    } else {
        currentReport().keyExpiry = *expiry;
        const qint64 days = now.secsTo(*expiry) / (qint64(24) * 3600);
        if (*expiry <= now) {
            setResult(expiryId, CheckStatus::Fail, tr("The key expired on %1.").arg(longDate(*expiry)),
                      tr("Generate a new key as the integration user and store it with this wizard."));
        } else if (days < expiryWarningDays()) {
            setResult(expiryId, CheckStatus::Warn,
                      tr("The key expires on %1, in %n day(s).", nullptr, int(days)).arg(longDate(*expiry)),
                      tr("Dawiso stops reading Qlik when it does. Generate a key with a longer expiry now, or put a "
                         "reminder in your calendar to replace it in time."));
        } else {
            setResult(expiryId, CheckStatus::Pass,
                      tr("The key expires on %1, in %n day(s).", nullptr, int(days)).arg(longDate(*expiry)));
        }
    }
    if (--m_pendingParallel == 0)
        maybeStartAppAccess();
}

void CloudConnectionCheck::onTenant(QlikRequest *request)
{
    if (!request->isSuccess()) {
        const QString why = request->failure().isFailure() ? request->failure().message()
                                                           : tr("Qlik answered HTTP %1.").arg(request->httpStatus());
        setResult(tenantId, CheckStatus::Warn, tr("The tenant's details could not be read. %1").arg(why),
                  tr("This does not stop Dawiso; check again later to confirm the address."));
    } else {
        QStringList problems;
        const QlikTenantRecord tenant = QlikTenantRecord::fromJson(request->json().object(), &problems);
        m_findings.tenantId = tenant.id;
        m_findings.tenantName = tenant.name;
        m_findings.tenantRegion = tenant.region;
        const QStringList &hostnames = tenant.hostnames;
        const QString entered = currentReport().host.toLower();
        const QString where = m_findings.tenantRegion.isEmpty()
            ? tr("The tenant “%1” (%2).").arg(m_findings.tenantName, m_findings.tenantId)
            : tr("The tenant “%1” (%2) in region %3.")
                  .arg(m_findings.tenantName, m_findings.tenantId, m_findings.tenantRegion);
        if (!problems.isEmpty()) {
            setResult(tenantId, CheckStatus::Warn, tr("Qlik's tenant record could not be read fully."),
                      problems.join(QLatin1Char(' ')));
        } else if (hostnames.isEmpty() || hostnames.first() == entered) {
            setResult(tenantId, CheckStatus::Pass, where);
        } else if (hostnames.contains(entered)) {
            setResult(tenantId, CheckStatus::Warn,
                      where + QLatin1Char(' ')
                          + tr("%1 is an alias; the tenant's own address is %2.")
                                .arg(currentReport().host, hostnames.first()),
                      tr("Give Dawiso the tenant's own address, %1: an admin can remove an alias at any time.")
                          .arg(hostnames.first()));
        } else {
            setResult(tenantId, CheckStatus::Warn,
                      where + QLatin1Char(' ')
                          + tr("It does not list %1 among its addresses (%2).")
                                .arg(currentReport().host, hostnames.join(QLatin1String(", "))),
                      tr("Give Dawiso the tenant's own address, %1.").arg(hostnames.first()));
        }
    }
    if (--m_pendingParallel == 0)
        maybeStartAppAccess();
}

void CloudConnectionCheck::onSpacesPage(const QJsonArray &page)
{
    QStringList problems;
    for (const QJsonValue &value : page) {
        const std::optional<QlikSpaceRecord> space = QlikSpaceRecord::fromJson(value, &problems);
        if (!space) {
            m_spaceProblems << problems;
            continue;
        }
        m_spaceTypes.insert(space->id, space->type);
        m_spaceNames.insert(space->id, space->name);
        ++m_findings.spaces;
        ++m_findings.spacesByType[space->type];
    }
    emit progress(tr("Read %n space(s)…", nullptr, m_findings.spaces));
}

void CloudConnectionCheck::onSpacesDone(QlikPager *pager)
{
    m_spacesDone = true;
    const QString who = m_user.displayName();
    const QString fix = tr("In Qlik, add %1 to every space Dawiso should catalog, with at least the Can view role "
                           "(open the space, then Members › Add members).")
                            .arg(who);
    if (!pager->isSuccess()) {
        setResult(spacesId, CheckStatus::Fail,
                  tr("Qlik's list of spaces could not be read (%1).").arg(pager->failureText()),
                  tr("Try again; if it keeps happening, save a report for Dawiso support."));
    } else if (!m_spaceProblems.isEmpty()) {
        m_spaceProblems.removeDuplicates();
        setResult(spacesId, CheckStatus::Fail,
                  tr("Qlik's list of spaces has content the wizard does not understand: %1")
                      .arg(m_spaceProblems.mid(0, 3).join(QLatin1Char(' '))),
                  tr("Dawiso reads the same list, so this needs a look: save a report and send it to Dawiso "
                     "support."));
    } else if (m_findings.spaces == 0) {
        setResult(spacesId, CheckStatus::Fail,
                  tr("%1 is in no shared, managed or data space, so Dawiso would see nothing beyond the user's "
                     "personal space.")
                      .arg(who),
                  fix);
    } else {
        m_spacesOk = true;
        const auto &byType = m_findings.spacesByType;
        setResult(spacesId, CheckStatus::Pass,
                  tr("%1 is in %n space(s): %2 shared, %3 managed, %4 data.", nullptr, m_findings.spaces)
                      .arg(who)
                      .arg(byType.value(QStringLiteral("shared")))
                      .arg(byType.value(QStringLiteral("managed")))
                      .arg(byType.value(QStringLiteral("data"))));
    }
    if (--m_pendingParallel == 0)
        maybeStartAppAccess();
}

void CloudConnectionCheck::onAppsPage(const QJsonArray &page)
{
    QStringList problems;
    for (const QJsonValue &value : page) {
        const std::optional<QlikAppItem> app = QlikAppItem::fromJson(value, &problems);
        if (!app) {
            m_appProblems << problems;
            continue;
        }
        ++m_findings.apps;
        int &inSpace = m_appsInSpace[app->spaceId];
        if (inSpace++ == 0)
            m_firstAppInSpace.insert(app->spaceId, {app->appId, app->name});
    }
    emit progress(tr("Read %n app(s)…", nullptr, m_findings.apps));
}

void CloudConnectionCheck::onAppsDone(QlikPager *pager)
{
    m_appsDone = true;
    if (!pager->isSuccess()) {
        setResult(appsId, CheckStatus::Fail,
                  tr("Qlik's list of apps could not be read (%1).").arg(pager->failureText()),
                  tr("Try again; if it keeps happening, save a report for Dawiso support."));
    } else if (!m_appProblems.isEmpty()) {
        m_appProblems.removeDuplicates();
        setResult(appsId, CheckStatus::Fail,
                  tr("Qlik's list of apps has content the wizard does not understand: %1")
                      .arg(m_appProblems.mid(0, 3).join(QLatin1Char(' '))),
                  tr("Dawiso reads the same list, so this needs a look: save a report and send it to Dawiso "
                     "support."));
    } else {
        m_appsOk = true;
    }
    if (--m_pendingParallel == 0)
        maybeStartAppAccess();
}

QString CloudConnectionCheck::spaceTypeOf(const QString &spaceId) const
{
    if (spaceId.isEmpty())
        return personalType;
    return m_spaceTypes.value(spaceId, unlistedType);
}

void CloudConnectionCheck::maybeStartAppAccess()
{
    if (m_pendingParallel > 0 || !isRunning())
        return;

    for (auto it = m_appsInSpace.cbegin(); it != m_appsInSpace.cend(); ++it)
        m_findings.appsBySpace.insert(it.key(), it.value());

    // The apps check speaks about space types, which are known only now that both lists are complete.
    if (m_appsOk) {
        QMap<QString, int> byType;
        for (auto it = m_findings.appsBySpace.cbegin(); it != m_findings.appsBySpace.cend(); ++it)
            byType[spaceTypeOf(it.key())] += it.value();
        m_findings.appsBySpaceType = byType;
        if (m_findings.apps == 0) {
            setResult(appsId, CheckStatus::Warn, tr("%1 sees no apps.").arg(m_user.displayName()),
                      tr("Check that the spaces Dawiso should catalog contain apps, and that %1 is a member of them "
                         "with at least Can view.")
                          .arg(m_user.displayName()));
        } else {
            setResult(appsId, CheckStatus::Pass,
                      tr("%1 sees %n app(s): %2 in shared spaces, %3 in managed, %4 in data spaces and %5 personal.",
                         nullptr, m_findings.apps)
                          .arg(m_user.displayName())
                          .arg(byType.value(QStringLiteral("shared")))
                          .arg(byType.value(QStringLiteral("managed")))
                          .arg(byType.value(QStringLiteral("data")))
                          .arg(byType.value(personalType)));
        }
    }

    if (!m_appsOk || m_findings.apps == 0) {
        setResult(appAccessId, CheckStatus::Skipped,
                  m_appsOk ? tr("Not checked: there is no app to open.")
                           : tr("Not checked: the list of apps could not be read."));
        finishAppAccess();
        return;
    }

    // One sample per space type, taken from the spaces in a stable order (by name), so reports are repeatable.
    QMap<QString, QList<QString>> spacesByType;
    for (auto it = m_firstAppInSpace.cbegin(); it != m_firstAppInSpace.cend(); ++it)
        spacesByType[spaceTypeOf(it.key())] << it.key();
    for (const QString &type : spaceTypeOrder) {
        QList<QString> spaces = spacesByType.value(type);
        if (spaces.isEmpty())
            continue;
        std::sort(spaces.begin(), spaces.end(),
                  [this](const QString &a, const QString &b) { return m_spaceNames.value(a) < m_spaceNames.value(b); });
        const QString spaceId = spaces.first();
        const auto app = m_firstAppInSpace.value(spaceId);
        m_sampleQueue << SampleApp {type, m_spaceNames.value(spaceId), app.first, app.second};
    }
    setResult(appAccessId, CheckStatus::Running, tr("Opening a sample app in each kind of space…"));
    openNextSampleApp();
}

void CloudConnectionCheck::openNextSampleApp()
{
    if (m_sampleQueue.isEmpty()) {
        finishAppAccess();
        return;
    }
    m_currentSample = m_sampleQueue.takeFirst();
    emit progress(tr("Opening the app “%1”…").arg(m_currentSample.appName));
    runCounted(client()->get(QStringLiteral("/api/v1/apps/%1").arg(m_currentSample.appId)),
               [this](QlikRequest *request) { onAppOpened(request, false); });
}

void CloudConnectionCheck::onAppOpened(QlikRequest *request, bool metadata)
{
    const SampleApp &sample = m_currentSample;
    const QString where = sample.spaceType == personalType
        ? tr("“%1” (a personal app)").arg(sample.appName)
        : tr("“%1” in the %2 space “%3”").arg(sample.appName, sample.spaceType, sample.spaceName);
    if (!request->isSuccess()) {
        QString why;
        if (request->failure().isFailure())
            why = request->failure().message();
        else if (request->httpStatus() == 403)
            why = tr("Qlik refused to open it (HTTP 403)");
        else if (request->httpStatus() == 404)
            why = tr("Qlik did not find it (HTTP 404)");
        else
            why = tr("Qlik answered HTTP %1").arg(request->httpStatus());
        m_openFailures << tr("%1: %2.").arg(where, why);
        openNextSampleApp();
        return;
    }
    if (!metadata) {
        runCounted(client()->get(QStringLiteral("/api/v1/apps/%1/data/metadata").arg(sample.appId)),
                   [this](QlikRequest *next) { onAppOpened(next, true); });
        return;
    }
    if (!request->json().isObject())
        m_openFailures << tr("%1: its data model could not be read.").arg(where);
    else
        m_opened << where;
    openNextSampleApp();
}

void CloudConnectionCheck::finishAppAccess()
{
    if (currentReport().check(appAccessId)->status == CheckStatus::Running) {
        if (!m_openFailures.isEmpty()) {
            setResult(appAccessId, CheckStatus::Fail,
                      tr("Apps are listed but cannot be opened, so Dawiso would see their names but not their "
                         "sheets or data model. %1")
                          .arg(m_openFailures.join(QLatin1Char(' '))),
                      tr("Add %1 to those spaces as a member with at least Can view. In managed spaces even tenant "
                         "admins must be members to open apps.")
                          .arg(m_user.displayName()));
        } else {
            setResult(appAccessId, CheckStatus::Pass,
                      tr("Opened %1 and read the data model.").arg(m_opened.join(QLatin1String(", "))));
        }
    }
    finish(verdictFromResults());
}

} // namespace Dawiso
