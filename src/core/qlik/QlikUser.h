#pragma once

#include "common/UserMessage.h"
#include "qlik/QlikGroupRef.h"
#include "qlik/QlikRoleRef.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>
#include <variant>

namespace Dawiso {

class QlikRequest;

// A Qlik Cloud user (users.json User), as far as the wizard needs it.
class QlikUser
{
    Q_DECLARE_TR_FUNCTIONS(QlikUser)

public:
    static std::optional<QlikUser> fromJson(const QJsonObject &object, QStringList *problems);
    // "Who am I" and "who is this": the user a request's answer describes, or what to tell the person instead. A
    // request without an answer, or refused, is told as part of action (RequestProblem::describe); an answer that is
    // no usable user is told as unreadable, with why (not JSON, no id, ...) as its detail.
    static std::variant<QlikUser, UserMessage> fromRequest(const QlikRequest *request, const QString &action,
                                                           UserMessage unreadable);
    // The same for a request the caller knows was answered with 2xx, having told failures in its own words.
    static std::variant<QlikUser, UserMessage> fromAnswer(const QlikRequest *request, UserMessage unreadable = {});

    QString id;
    QString tenantId;
    QString subject;
    QString name;
    QString email;
    QString status;
    QList<QlikRoleRef> roles;
    QList<QlikGroupRef> groups;
    QStringList scopes;

    bool isActive() const { return status.isEmpty() || status == QLatin1String("active"); }
    // The status in words for a sentence ("… whose account is disabled in Qlik"); one Qlik may add later is given as
    // Qlik sends it.
    QString statusInWords() const;
    bool holdsTenantAdminDirectly() const;
    // Names of the groups through which the user holds TenantAdmin.
    QStringList tenantAdminGroups() const;
    bool isTenantAdmin() const { return holdsTenantAdminDirectly() || !tenantAdminGroups().isEmpty(); }

    // An admin-level role the user holds (AssignedRoles `level` "admin": TenantAdmin, AnalyticsAdmin, DataAdmin,
    // AuditAdmin, …), directly (group empty) or through a group.
    struct AdminRole
    {
        QString role;
        QString group;
    };
    QList<AdminRole> adminRoles() const;
    bool isAdmin() const { return !adminRoles().isEmpty(); }
    // Why an admin's key is a poor choice for Dawiso, naming each admin role and how the user holds it; empty when
    // the user holds none.
    QString adminWarning() const;
    // "Jane Doe (jane@corp.example)", or whichever of the two is known.
    QString displayName() const;
};

} // namespace Dawiso
