#pragma once

#include <QString>

namespace Dawiso {

// A role as it appears in a user's or group's assignedRoles (users.json AssignedRoles).
struct QlikRoleRef
{
    QString id;
    QString name;
    QString type; // "default" or "custom"
    QString level; // "admin" or "user"
};

} // namespace Dawiso
