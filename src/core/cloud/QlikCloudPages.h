#pragma once

#include <QUrl>

namespace Dawiso {

// The pages of a Qlik Cloud tenant's own web interface that the guided steps send the user to.
class QlikCloudPages
{
public:
    enum class Page {
        Permissions, // Administration > Manage users > Permissions: custom roles
        Users, // Administration > Manage users: a user's Roles tab assigns roles
        Spaces, // Administration > Spaces: space members
        ApiKeys, // Profile settings > API keys, of whoever is signed in
    };

    static QUrl url(const QUrl &tenantBaseUrl, Page page);
};

} // namespace Dawiso
