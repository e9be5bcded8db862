#include "simulator/cloud/UserPatch.h"

#include "simulator/cloud/QlikError.h"
#include "simulator/common/CryptoUtil.h"
#include "simulator/common/RequestBody.h"

#include <QJsonArray>

namespace Dawiso::Simulator {

namespace {

QJsonObject errorItem(const QString &code, const QString &title, const QString &detail, int status,
                      const QString &pointer = QString())
{
    QJsonObject item {
        {QStringLiteral("code"), code},
        {QStringLiteral("title"), title},
        {QStringLiteral("detail"), detail},
        {QStringLiteral("status"), status},
    };
    if (!pointer.isEmpty())
        item.insert(QStringLiteral("source"), QJsonObject {{QStringLiteral("pointer"), pointer}});
    return item;
}

SimResponse errors(int status, const QJsonArray &items)
{
    return SimResponse::json(
        status,
        QJsonObject {{QStringLiteral("errors"), items}, {QStringLiteral("traceId"), CryptoUtil::randomHexId(16)}});
}

SimResponse badRequest(const QString &detail, const QString &pointer = QString())
{
    return errors(400, {errorItem(QStringLiteral("HTTP-400"), QStringLiteral("Bad request"), detail, 400, pointer)});
}

} // namespace

UserPatch::UserPatch(SimulatedTenant &tenant)
    : m_tenant(tenant)
{ }

std::optional<QStringList> UserPatch::roleNames(const QJsonValue &value, bool arrayRequired, QString *error) const
{
    QJsonArray references;
    if (value.isArray()) {
        references = value.toArray();
    } else if (value.isObject() && !arrayRequired) {
        references.append(value);
    } else {
        *error = arrayRequired ? QStringLiteral("value must be an array of {\"name\"} or {\"id\"} role references.")
                               : QStringLiteral("value must be a {\"name\"} or {\"id\"} role reference.");
        return std::nullopt;
    }
    QStringList names;
    for (const QJsonValue &reference : std::as_const(references)) {
        const QJsonObject object = reference.toObject();
        const QString id = object.value(QStringLiteral("id")).toString();
        const QString name = object.value(QStringLiteral("name")).toString();
        const SimRole *role = !id.isEmpty() ? m_tenant.role(id) : m_tenant.roleByName(name);
        if (id.isEmpty() && name.isEmpty()) {
            *error = QStringLiteral("every role reference needs an \"id\" or a \"name\".");
            return std::nullopt;
        }
        if (!role) {
            *error = QStringLiteral("there is no role %1 in this tenant.")
                         .arg(id.isEmpty() ? QStringLiteral("named '%1'").arg(name)
                                           : QStringLiteral("with id '%1'").arg(id));
            return std::nullopt;
        }
        if (!names.contains(role->name))
            names.append(role->name);
    }
    return names;
}

std::optional<QString> UserPatch::applyOne(const QJsonObject &operation, SimUser *user) const
{
    const QString op = operation.value(QStringLiteral("op")).toString();
    const QString path = operation.value(QStringLiteral("path")).toString();
    const QJsonValue value = operation.value(QStringLiteral("value"));
    QString error;
    if (m_appendRole && op == u"add" && path == u"/assignedRoles/-") {
        const auto names = roleNames(value, false, &error);
        if (!names)
            return error;
        for (const QString &name : *names) {
            if (!user->roleNames.contains(name))
                user->roleNames.append(name);
        }
    } else if (op == u"replace" && path == u"/assignedRoles") {
        const auto names = roleNames(value, true, &error);
        if (!names)
            return error;
        user->roleNames = *names;
    } else if (op == u"remove-value" && path == u"/assignedRoles") {
        // The schema's value is an array of references; the spec's example also removes a single one.
        const auto names = roleNames(value, !m_appendRole, &error);
        if (!names)
            return error;
        for (const QString &name : *names)
            user->roleNames.removeAll(name);
    } else if (op == u"replace" && path == u"/name") {
        if (!value.isString() || value.toString().trimmed().isEmpty())
            return QStringLiteral("value must be a non-empty string.");
        user->name = value.toString().trimmed();
    } else if (op == u"replace" && path == u"/status") {
        if (value.toString() != u"active" && value.toString() != u"disabled")
            return QStringLiteral("value must be \"active\" or \"disabled\".");
        user->status = value.toString();
    } else {
        return m_appendRole ? QStringLiteral("supported are add /assignedRoles/-, replace /assignedRoles, "
                                             "remove-value /assignedRoles, replace /name and replace /status.")
                            : QStringLiteral("supported are replace /assignedRoles, remove-value /assignedRoles, "
                                             "replace /name and replace /status.");
    }
    return std::nullopt;
}

SimResponse UserPatch::apply(const SimRequest &request, const SimCaller &caller, const QString &userId)
{
    if (!caller.tenantAdmin) {
        return errors(403,
                      {errorItem(QStringLiteral("HTTP-403"), QStringLiteral("Forbidden"),
                                 QStringLiteral("Forbidden from patching a user: this needs the TenantAdmin "
                                                "role."),
                                 403)});
    }
    SimUser *target = m_tenant.user(userId);
    if (!target) {
        return QlikError::response(404, QStringLiteral("USERS-7"), QStringLiteral("Not found"),
                                   ErrorStatusStyle::Integer);
    }
    QString error;
    const auto document = RequestBody::json(request, &error);
    if (!document)
        return badRequest(error);
    if (!document->isArray() || document->array().isEmpty())
        return badRequest(QStringLiteral("The body must be a non-empty JSON Patch array."));
    const QJsonArray operations = document->array();
    SimUser changed = *target;
    QJsonArray failures;
    for (qsizetype i = 0; i < operations.size(); ++i) {
        SimUser attempt = changed;
        const auto problem = applyOne(operations.at(i).toObject(), &attempt);
        if (!problem) {
            changed = attempt;
            continue;
        }
        const QString detail = QStringLiteral("Operation %1: %2").arg(i).arg(*problem);
        if (!m_partial)
            return badRequest(detail, QStringLiteral("/%1").arg(i));
        failures.append(errorItem(QStringLiteral("HTTP-400"), QStringLiteral("Bad request"), detail, 400,
                                  QStringLiteral("/%1").arg(i)));
    }
    *target = changed;
    if (!m_partial)
        return SimResponse::noContent();
    if (failures.isEmpty()) {
        failures.append(errorItem(QStringLiteral("HTTP-207"), QStringLiteral("Partial success"),
                                  QStringLiteral("The changes were saved, but the user's entitlements could not be "
                                                 "refreshed; they are refreshed at the user's next sign-in."),
                                  500));
    }
    return errors(207, failures);
}

} // namespace Dawiso::Simulator
