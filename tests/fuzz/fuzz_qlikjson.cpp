// Qlik Cloud's JSON answers, each read by the code that reads it in the program. The first byte picks the reader:
//   0 a user (users/me, the user search)     1 an API key record (api-keys)   2 a role (roles)
//   3 the API key policy (api-keys/configs)  4 an error body (any service)    5 a tenant (tenants/me)
//   6 a page of spaces (spaces)              7 a page of items (items)
// The tenant, spaces and items are read with JsonFieldReader field by field in the connection check; the same calls
// are made here.

#include "provision/ApiKeyPolicy.h"
#include "qlik/JsonFieldReader.h"
#include "qlik/QlikApiKeyRecord.h"
#include "qlik/QlikError.h"
#include "qlik/QlikRole.h"
#include "qlik/QlikUser.h"

#include <QJsonDocument>

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

void readTenant(const QJsonObject &object)
{
    JsonFieldReader reader(object, QStringLiteral("tenant record"));
    reader.requiredString(QStringLiteral("id"));
    reader.optionalString(QStringLiteral("name"));
    reader.optionalString(QStringLiteral("region"));
    QStringList hostnames;
    for (const QJsonValue &value : reader.optionalArray(QStringLiteral("hostnames")))
        hostnames << value.toString().toLower();
    reader.problems();
}

void readPage(const QJsonObject &object, const QStringList &required, const QStringList &optional)
{
    JsonFieldReader page(object, QStringLiteral("page"));
    for (const QJsonValue &value : page.optionalArray(QStringLiteral("data"))) {
        JsonFieldReader reader(value.toObject(), QStringLiteral("item"));
        for (const QString &name : required)
            reader.requiredString(name);
        for (const QString &name : optional)
            reader.optionalString(name);
        reader.optionalDateTime(QStringLiteral("createdAt"));
        reader.problems();
    }
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
        readTenant(object);
        break;
    case 6:
        readPage(object, {QStringLiteral("id"), QStringLiteral("type")}, {QStringLiteral("name")});
        break;
    case 7:
        readPage(object, {QStringLiteral("resourceId")}, {QStringLiteral("spaceId"), QStringLiteral("name")});
        break;
    }
    return 0;
}
