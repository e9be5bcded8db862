// Qlik Cloud's JSON answers, each read by the code that reads it in the program. The first byte picks the reader:
//   0 a user (users/me, the user search)     1 an API key record (api-keys)   2 a role (roles)
//   3 the API key policy (api-keys/configs)  4 an error body (any service)    5 a tenant (tenants/me)
//   6 a page of spaces (spaces)              7 a page of items (items)

#include "provision/ApiKeyPolicy.h"
#include "qlik/QlikApiKeyRecord.h"
#include "qlik/QlikAppItem.h"
#include "qlik/QlikError.h"
#include "qlik/QlikRole.h"
#include "qlik/QlikSpaceRecord.h"
#include "qlik/QlikTenantRecord.h"
#include "qlik/QlikUser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdint>

using namespace Dawiso;

namespace {

void readUser(const QJsonObject &object)
{
    QStringList problems;
    if (const auto user = QlikUser::fromJson(object, &problems)) {
        user->statusInWords();
        user->holdsTenantAdminDirectly();
        user->tenantAdminGroups();
        user->adminRoles();
        user->adminWarning();
        user->displayName();
    }
}

void readPolicy(const QJsonObject &object)
{
    const ApiKeyPolicy policy = ApiKeyPolicy::fromJson(object);
    policy.expiryChoicesDays();
    policy.defaultExpiryDays();
    policy.allowsDays(30);
    policy.maxExpiryText();
}

// A page as QlikPager hands it on: the entries of its "data" array, each read on its own.
template <typename Record>
void readPage(const QJsonObject &page)
{
    QStringList problems;
    const QJsonArray entries = page.value(QStringLiteral("data")).toArray();
    for (const QJsonValue &value : entries)
        Record::fromJson(value, &problems);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    switch (data[0] % 8) {
    case 0:
        readUser(object);
        break;
    case 1:
        QlikApiKeyRecord::fromJson(object, nullptr);
        break;
    case 2:
        if (const auto role = QlikRole::fromJson(object, nullptr))
            role->promotesToFullUser();
        break;
    case 3:
        readPolicy(object);
        break;
    case 4: {
        const QlikError error = QlikError::fromBody(body);
        error.summary();
        error.hasCode(QStringLiteral("HTTP-401"));
        break;
    }
    case 5:
        QlikTenantRecord::fromJson(object, nullptr);
        break;
    case 6:
        readPage<QlikSpaceRecord>(object);
        break;
    case 7:
        readPage<QlikAppItem>(object);
        break;
    }
    return 0;
}
