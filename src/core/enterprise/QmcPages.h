#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

namespace Dawiso {

// The sections of a Qlik Sense site's management console (QMC) that the guided steps send the admin to, below the
// address they entered (its virtual-proxy prefix kept: the QMC is served through every virtual proxy).
class QmcPages
{
    Q_DECLARE_TR_FUNCTIONS(QmcPages)

public:
    enum class Page {
        Start,
        Users, // each user's roles (RootAdmin) and whether the account is inactive
        Nodes, // the central node and its host name
        Proxies, // the proxy services and the virtual proxies linked to them
        VirtualProxies, // prefixes, authentication, host allow list
        Streams,
        Apps,
        Certificates, // the export of the certificate bundle
    };

    static QUrl url(const QUrl &siteBaseUrl, Page page);
    // "QMC › Users", as the console names the section.
    static QString title(Page page);
};

} // namespace Dawiso
