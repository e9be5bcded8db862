#include "enterprise/ServiceUserLookup.h"

#include "enterprise/ReadRule.h"
#include "qlik/QlikRequest.h"
#include "qrs/QrsClient.h"
#include "qrs/QrsFilter.h"
#include "qrs/QrsProblem.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

namespace Dawiso {

ServiceUserLookup::ServiceUserLookup(QrsClient *qrs, QObject *parent)
    : QlikStep(qrs->qlikClient(), parent)
    , m_qrs(qrs)
{ }

ServiceUser ServiceUserLookup::userFromJson(const QJsonObject &json)
{
    ServiceUser user;
    user.qrsId = json.value(QStringLiteral("id")).toString();
    user.userDirectory = json.value(QStringLiteral("userDirectory")).toString();
    user.userId = json.value(QStringLiteral("userId")).toString();
    user.name = json.value(QStringLiteral("name")).toString();
    user.inactive = json.value(QStringLiteral("inactive")).toBool();
    const QJsonArray roles = json.value(QStringLiteral("roles")).toArray();
    for (const QJsonValue &role : roles)
        user.roles << role.toString();
    return user;
}

void ServiceUserLookup::search(const QString &text)
{
    begin();
    m_searching = true;
    m_users.clear();
    m_problem = {};
    m_pending = 0;
    if (m_directories.isEmpty()) {
        ++m_pending;
        run(m_qrs->get(QStringLiteral("/qrs/userdirectory/full")),
            [this](QlikRequest *request) { readDirectories(request); });
    }
    const QString trimmed = text.trimmed();
    if (!trimmed.isEmpty()) {
        ++m_pending;
        const QString filter = QrsFilter::anyContains({QStringLiteral("userId"), QStringLiteral("name")}, trimmed);
        run(m_qrs->get(QStringLiteral("/qrs/user/full"), QrsFilter::query(filter)),
            [this](QlikRequest *request) { readUsers(request); });
    }
    if (m_pending == 0) {
        ++m_pending;
        oneRead();
    }
}

void ServiceUserLookup::lookUp(const QString &userDirectory, const QString &userId)
{
    begin();
    m_searching = false;
    m_user = ServiceUser();
    m_user.userDirectory = userDirectory.trimmed();
    m_user.userId = userId.trimmed();
    m_problem = {};
    m_allocationUnreadable = false;
    m_pending = 4;
    const QString userFilter = QrsFilter::allEqual(
        {{QStringLiteral("userId"), m_user.userId}, {QStringLiteral("userDirectory"), m_user.userDirectory}});
    const QString allocationFilter = QrsFilter::allEqual(
        {{QStringLiteral("user.userId"), m_user.userId}, {QStringLiteral("user.userDirectory"), m_user.userDirectory}});
    run(m_qrs->get(QStringLiteral("/qrs/user/full"), QrsFilter::query(userFilter)),
        [this](QlikRequest *request) { readUser(request); });
    run(m_qrs->get(QStringLiteral("/qrs/license/professionalaccesstype/full"), QrsFilter::query(allocationFilter)),
        [this](QlikRequest *request) { readAllocation(request, ServiceUser::Allocation::Professional); });
    run(m_qrs->get(QStringLiteral("/qrs/license/analyzeraccesstype/full"), QrsFilter::query(allocationFilter)),
        [this](QlikRequest *request) { readAllocation(request, ServiceUser::Allocation::Analyzer); });
    run(m_qrs->get(QStringLiteral("/qrs/systemrule/full"),
                   QrsFilter::query(QrsFilter::allEqual({{QStringLiteral("name"), ReadRule::name(m_user)}}))),
        [this](QlikRequest *request) { readRules(request); });
}

void ServiceUserLookup::readDirectories(QlikRequest *request)
{
    if (request->isSuccess()) {
        const QJsonArray entries = request->json().array();
        for (const QJsonValue &value : entries) {
            const QJsonObject directory = value.toObject();
            QString name = directory.value(QStringLiteral("userDirectoryName")).toString();
            if (name.isEmpty())
                name = directory.value(QStringLiteral("name")).toString();
            // INTERNAL holds Qlik's own service accounts: no person's or tool's account belongs there.
            if (!name.isEmpty() && name.compare(QLatin1String("INTERNAL"), Qt::CaseInsensitive) != 0
                && !m_directories.contains(name, Qt::CaseInsensitive)) {
                m_directories << name;
            }
        }
    }
    oneRead();
}

void ServiceUserLookup::readUsers(QlikRequest *request)
{
    if (!request->isSuccess()) {
        m_problem = QrsProblem::describe(request, tr("Searching the site's users"), m_qrs->identity());
    } else {
        const QJsonArray entries = request->json().array();
        for (const QJsonValue &value : entries) {
            const ServiceUser user = userFromJson(value.toObject());
            if (user.userDirectory.compare(QLatin1String("INTERNAL"), Qt::CaseInsensitive) != 0)
                m_users << user;
            if (!user.userDirectory.isEmpty() && !m_directories.contains(user.userDirectory, Qt::CaseInsensitive)
                && user.userDirectory.compare(QLatin1String("INTERNAL"), Qt::CaseInsensitive) != 0) {
                m_directories << user.userDirectory;
            }
        }
    }
    oneRead();
}

void ServiceUserLookup::readUser(QlikRequest *request)
{
    if (!request->isSuccess()) {
        m_problem = QrsProblem::describe(request, tr("Reading the service user's record"), m_qrs->identity());
    } else {
        const QJsonArray users = request->json().array();
        if (!users.isEmpty()) {
            const ServiceUser found = userFromJson(users.first().toObject());
            const ServiceUser::Allocation allocation = m_user.allocation;
            const bool hasRule = m_user.hasReadRule;
            m_user = found;
            m_user.allocation = allocation;
            m_user.hasReadRule = hasRule;
        }
    }
    oneRead();
}

void ServiceUserLookup::readAllocation(QlikRequest *request, ServiceUser::Allocation kind)
{
    // Professional wins over analyzer when a site shows both; one that cannot be read leaves it unknown.
    if (request->isSuccess()) {
        if (!request->json().array().isEmpty()) {
            if (m_user.allocation != ServiceUser::Allocation::Professional)
                m_user.allocation = kind;
        } else if (m_user.allocation == ServiceUser::Allocation::Unknown) {
            m_user.allocation = ServiceUser::Allocation::None;
        }
    } else {
        m_allocationUnreadable = true;
    }
    oneRead();
}

void ServiceUserLookup::readRules(QlikRequest *request)
{
    if (request->isSuccess()) {
        const QJsonArray rules = request->json().array();
        for (const QJsonValue &rule : rules) {
            if (ReadRule::matches(rule.toObject(), m_user))
                m_user.hasReadRule = true;
        }
    }
    oneRead();
}

void ServiceUserLookup::oneRead()
{
    if (--m_pending > 0)
        return;
    if (m_searching) {
        m_directories.sort(Qt::CaseInsensitive);
        finish([this, users = m_users, directories = m_directories, problem = m_problem] {
            emit searchFinished(users, directories, problem);
        });
    } else {
        if (m_allocationUnreadable && m_user.allocation == ServiceUser::Allocation::None)
            m_user.allocation = ServiceUser::Allocation::Unknown;
        finish([this, user = m_user, problem = m_problem] { emit lookUpFinished(user, problem); });
    }
}

} // namespace Dawiso
