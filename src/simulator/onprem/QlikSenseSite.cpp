#include "simulator/onprem/QlikSenseSite.h"

#include <QWebSocket>

namespace Dawiso::Simulator {

QlikSenseSite::QlikSenseSite(QObject *parent)
    : QlikSenseSite(SiteDirectory::demo(), QStringLiteral("QLIKSERVER1"), parent)
{ }

QlikSenseSite::QlikSenseSite(SiteDirectory directory, const QString &serverName, QObject *parent)
    : QObject(parent)
    , m_directory(std::move(directory))
    , m_certificates(serverName)
    , m_qrs(m_directory)
    , m_proxy(m_directory, m_qrs)
    , m_proxyHost(std::make_unique<SimulatorHost>())
    , m_repositoryHost(std::make_unique<SimulatorHost>())
{
    m_proxy.setAllowedHostNames(m_serverNames);
    for (SimulatorHost *host : {m_proxyHost.get(), m_repositoryHost.get()})
        host->setExchangeLogged(false);
    m_proxyHost->addHandler(QStringLiteral("/"), [this](const SimRequest &request) { return m_proxy.answer(request); });
    m_repositoryHost->addHandler(QStringLiteral("/"),
                                 [this](const SimRequest &request) { return m_qrs.answerRepository(request); });

    EngineService::SiteAccess access;
    access.admit = [this](const EngineService::Handshake &handshake) -> std::optional<EngineService::Caller> {
        const std::optional<EngineSession> session =
            engineSessionFor(handshake.prefix, handshake.cookieHeader, handshake.csrfToken, handshake.origin,
                             handshake.hasAuthorization);
        if (!session)
            return std::nullopt;
        return EngineService::Caller {session->userDirectory, session->userId};
    };
    access.liveSessionCount = [this](const EngineService::Caller &caller) {
        return liveSessionCount(caller.userDirectory, caller.userId);
    };
    access.hasAccessAllocation = [this](const EngineService::Caller &caller) {
        return hasAccessAllocation(caller.userDirectory, caller.userId);
    };
    access.hubAppIds = [this](const EngineService::Caller &caller) {
        return hubAppIds(caller.userDirectory, caller.userId);
    };
    access.proxyRestarting = [this] {
        return isProxyRestarting();
    };
    m_engine = std::make_unique<EngineService>(m_directory, std::move(access));
    m_proxyHost->setWebSocketHandler(
        [this](std::unique_ptr<QWebSocket> socket) { m_engine->accept(std::move(socket)); });
}

QlikSenseSite::~QlikSenseSite()
{
    stop();
}

bool QlikSenseSite::start(const QHostAddress &address)
{
    if (m_certificates.isNull()) {
        qWarning("QlikSenseSite: no certificates: %s", qUtf8Printable(m_certificates.errorString()));
        return false;
    }
    for (SimulatorHost *host : {m_proxyHost.get(), m_repositoryHost.get()})
        host->setServerIdentity(m_certificates.serverCertificate(), m_certificates.serverKey());
    m_proxyHost->setClientCertificates(SimulatorHost::ClientCertificates::NotAsked);
    m_repositoryHost->setClientCertificates(SimulatorHost::ClientCertificates::Require, {m_certificates.siteCa()});
    if (!m_proxyHost->start(address) || !m_repositoryHost->start(address)) {
        stop();
        return false;
    }
    return true;
}

void QlikSenseSite::stop()
{
    m_proxyHost->stop();
    m_repositoryHost->stop();
}

void QlikSenseSite::setServerNames(const QStringList &names)
{
    m_serverNames = names;
    if (!m_allowedHostNames)
        m_proxy.setAllowedHostNames(names);
    reissueServerCertificate();
}

void QlikSenseSite::setExpiredServerCertificate(bool expired)
{
    m_expiredServerCertificate = expired;
    reissueServerCertificate();
}

void QlikSenseSite::reissueServerCertificate()
{
    if (!m_certificates.reissueServer(m_serverNames, m_expiredServerCertificate))
        qWarning("QlikSenseSite: cannot issue the server certificate: %s",
                 qUtf8Printable(m_certificates.errorString()));
}

bool QlikSenseSite::writeCertificateBundle(const QString &directory, const QByteArray &passphrase) const
{
    return m_certificates.writeBundle(directory, passphrase);
}

void QlikSenseSite::setAllowedHostNames(const QStringList &names)
{
    m_allowedHostNames = names;
    m_proxy.setAllowedHostNames(names);
}

std::optional<QlikSenseSite::EngineSession>
QlikSenseSite::engineSessionFor(const QString &prefix, const QByteArray &cookieHeader, const QString &csrfToken,
                                const QString &origin, bool hasAuthorization) const
{
    const std::optional<ProxySession> session =
        m_proxy.engineSession(prefix, cookieHeader, csrfToken, origin, hasAuthorization);
    if (!session)
        return std::nullopt;
    return EngineSession {session->userDirectory, session->userId, session->prefix, session->id};
}

int QlikSenseSite::liveSessionCount(const QString &userDirectory, const QString &userId) const
{
    return m_proxy.sessions().liveCount(userDirectory, userId);
}

bool QlikSenseSite::hasAccessAllocation(const QString &userDirectory, const QString &userId) const
{
    const SiteUser *user = m_directory.user(userDirectory, userId);
    return user && user->accessType != SiteAccessType::None;
}

QList<QString> QlikSenseSite::hubAppIds(const QString &userDirectory, const QString &userId) const
{
    const SiteUser *user = m_directory.user(userDirectory, userId);
    return user ? m_directory.hubAppIds(*user) : QList<QString>();
}

} // namespace Dawiso::Simulator
