#include "enterprise/QmcPages.h"

namespace Dawiso {

QUrl QmcPages::url(const QUrl &siteBaseUrl, Page page)
{
    QString section;
    switch (page) {
    case Page::Start:
        break;
    case Page::Users:
        section = QStringLiteral("users");
        break;
    case Page::Nodes:
        section = QStringLiteral("nodes");
        break;
    case Page::Proxies:
        section = QStringLiteral("proxies");
        break;
    case Page::VirtualProxies:
        section = QStringLiteral("virtualproxies");
        break;
    case Page::Streams:
        section = QStringLiteral("streams");
        break;
    case Page::Apps:
        section = QStringLiteral("apps");
        break;
    case Page::Certificates:
        section = QStringLiteral("certificates");
        break;
    }
    QUrl url = siteBaseUrl;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + QStringLiteral("/qmc/") + section);
    return url;
}

QString QmcPages::title(Page page)
{
    switch (page) {
    case Page::Start:
        return tr("QMC");
    case Page::Users:
        return tr("QMC › Users");
    case Page::Nodes:
        return tr("QMC › Nodes");
    case Page::Proxies:
        return tr("QMC › Proxies");
    case Page::VirtualProxies:
        return tr("QMC › Virtual proxies");
    case Page::Streams:
        return tr("QMC › Streams");
    case Page::Apps:
        return tr("QMC › Apps");
    case Page::Certificates:
        return tr("QMC › Certificates");
    }
    return {};
}

} // namespace Dawiso
