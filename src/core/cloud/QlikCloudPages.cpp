#include "cloud/QlikCloudPages.h"

namespace Dawiso {

QUrl QlikCloudPages::url(const QUrl &tenantBaseUrl, Page page)
{
    QUrl url = tenantBaseUrl;
    switch (page) {
    case Page::Permissions:
        url.setPath(QStringLiteral("/console/users/permissions"));
        break;
    case Page::Users:
        url.setPath(QStringLiteral("/console/users"));
        break;
    case Page::Spaces:
        url.setPath(QStringLiteral("/console/spaces"));
        break;
    case Page::ApiKeys:
        url.setPath(QStringLiteral("/settings/api-keys"));
        break;
    }
    return url;
}

} // namespace Dawiso
