#pragma once

#include "qlik/QlikRoleRef.h"

#include <QList>
#include <QString>

namespace Dawiso {

// A group in a user's assignedGroups, with the roles the group carries (users.json AssignedGroups).
struct QlikGroupRef
{
    QString id;
    QString name;
    QList<QlikRoleRef> roles;
};

} // namespace Dawiso
