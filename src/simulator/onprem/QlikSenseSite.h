#pragma once

#include "simulator/common/SimulatorHost.h"
#include "simulator/onprem/EngineService.h"
#include "simulator/onprem/QrsService.h"
#include "simulator/onprem/SiteCertificates.h"
#include "simulator/onprem/SiteDirectory.h"
#include "simulator/onprem/SiteProxy.h"
#include "simulator/onprem/WindowsAuthentication.h"

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <optional>

namespace Dawiso::Simulator {

// A simulated Qlik Sense Enterprise on Windows site over HTTPS on loopback: the browser-facing proxy ("port 443",
// see SiteProxy) and the repository service ("port 4242", see QrsService, mutual TLS with a client certificate the
// site's CA issued), each a SimulatorHost on a free port, with certificates made at construction (SiteCertificates)
// and the data in directory(). The QRS takes the writes a JWT set-up makes (QrsWrites), and a linked JWT virtual proxy
// signs Bearer tokens' users in (SiteProxy). Its answers stay out of the ExchangeLog, which holds the Qlik Cloud specs.
class QlikSenseSite : public QObject
{
    Q_OBJECT

public:
    using WindowsAuthentication = Simulator::WindowsAuthentication;

    explicit QlikSenseSite(QObject *parent = nullptr); // SiteDirectory::demo() on QLIKSERVER1
    explicit QlikSenseSite(SiteDirectory directory, const QString &serverName = QStringLiteral("QLIKSERVER1"),
                           QObject *parent = nullptr);
    ~QlikSenseSite() override;

    SimulatorHost *proxy() { return m_proxyHost.get(); }
    SimulatorHost *repository() { return m_repositoryHost.get(); }

    // Both hosts on free ports; false (and qWarning) when either cannot start or the certificates could not be made.
    bool start(const QHostAddress &address = QHostAddress::LocalHost);
    void stop();
    QUrl proxyBaseUrl() const { return m_proxyHost->baseUrl(); } // https://localhost:<port>
    QUrl repositoryBaseUrl() const { return m_repositoryHost->baseUrl(); }
    QString proxyHostAndPort() const { return m_proxyHost->hostAndPort(); } // localhost:<port>
    QString repositoryHostAndPort() const { return m_repositoryHost->hostAndPort(); }

    // The certificates; see SiteCertificates. The CA's subject is "<SERVERNAME>-CA".
    QSslCertificate siteCa() const { return m_certificates.siteCa(); }
    QSslCertificate serverCertificate() const { return m_certificates.serverCertificate(); }
    QSslCertificate clientCertificate() const { return m_certificates.clientCertificate(); }
    QSslKey clientKey() const { return m_certificates.clientKey(); }
    // Before start(): the names the server certificate carries (default {"localhost"}: no IP address, so 127.0.0.1
    // is a name mismatch), and whether it expired yesterday. Also the default host allow list.
    void setServerNames(const QStringList &names);
    QStringList serverNames() const { return m_serverNames; }
    void setExpiredServerCertificate(bool expired);
    // The QMC export and the wrong files tests need; see SiteCertificates::writeBundle.
    bool writeCertificateBundle(const QString &directory, const QByteArray &passphrase) const;
    QString errorString() const { return m_certificates.errorString(); }

    SiteDirectory &directory() { return m_directory; } // live data; tests may change it between requests

    // Faults and variations, all off by default. The proxy's host allow list (default: the server names).
    void setAllowedHostNames(const QStringList &names);
    // Ntlm by default: a client whose User-Agent names Windows signs in with NTLM, any other with the form.
    void setWindowsAuthentication(WindowsAuthentication mode) { m_proxy.setWindowsAuthentication(mode); }
    // 403 for QRS requests whose path starts with the prefix ("/qrs/user"), on both ports.
    void setForbidden(const QString &qrsPathPrefix, bool forbidden) { m_qrs.setForbidden(qrsPathPrefix, forbidden); }
    void setReleaseVisibleWithoutSignIn(bool visible) { m_proxy.setReleaseVisibleWithoutSignIn(visible); }
    // For this long after a PUT changed the virtual proxies a proxy service links, every request on the proxy port
    // gets 503 "The proxy is restarting."; 0 (the default) turns the restart off.
    void setProxyRestartDelay(int milliseconds) { m_qrs.writes().setProxyRestartDelay(milliseconds); }
    bool isProxyRestarting() const { return m_qrs.writes().isProxyRestarting(); }
    // The next n PUTs of a proxy service get 409: "another admin" changed it (its modifiedDate moved on).
    void setProxyServiceConflicts(int count) { m_qrs.writes().setProxyServiceConflicts(count); }

    // For the Engine's WebSocket on the proxy port (wss://HOST/<prefix>/app/<appId>): the session the upgrade request
    // belongs to, or nullopt when the proxy refuses it (see SiteProxy::engineSession).
    struct EngineSession
    {
        QString userDirectory;
        QString userId;
        QString prefix;
        QString sessionId;
    };
    std::optional<EngineSession> engineSessionFor(const QString &prefix, const QByteArray &cookieHeader,
                                                  const QString &csrfToken, const QString &origin,
                                                  bool hasAuthorization) const;
    // The user's live proxy sessions on every virtual proxy (the Engine allows five).
    int liveSessionCount(const QString &userDirectory, const QString &userId) const;
    // Whether the user holds a professional or analyzer access type; false for a user the site does not know.
    bool hasAccessAllocation(const QString &userDirectory, const QString &userId) const;
    // The ids of the apps the user may open (SiteDirectory::hubAppIds); empty for a user the site does not know.
    QList<QString> hubAppIds(const QString &userDirectory, const QString &userId) const;
    const SiteApp *app(const QString &id) const { return m_directory.app(id); }
    // The Engine behind the proxy port's WebSockets, which asks the functions above.
    EngineService &engine() { return *m_engine; }

private:
    void reissueServerCertificate();

    SiteDirectory m_directory;
    SiteCertificates m_certificates;
    QrsService m_qrs;
    SiteProxy m_proxy;
    QStringList m_serverNames {QStringLiteral("localhost")};
    std::optional<QStringList> m_allowedHostNames;
    bool m_expiredServerCertificate = false;
    std::unique_ptr<EngineService> m_engine;
    // Last, so that they go first: no handler runs once the data it uses is gone.
    std::unique_ptr<SimulatorHost> m_proxyHost;
    std::unique_ptr<SimulatorHost> m_repositoryHost;
};

} // namespace Dawiso::Simulator
