#include "SimulatorPracticeSite.h"

#include "simulator/onprem/QlikSenseSite.h"
#include "simulator/onprem/SiteDirectory.h"

#include <QUrl>

namespace Dawiso {

SimulatorPracticeSite::SimulatorPracticeSite()
    : m_site(std::make_unique<Simulator::QlikSenseSite>())
{ }

SimulatorPracticeSite::~SimulatorPracticeSite() = default;

bool SimulatorPracticeSite::start()
{
    // A short restart after Dawiso's virtual proxy is linked, as a real proxy has one (10 to 30 s there).
    m_site->setProxyRestartDelay(3000);
    // The passphrase protects only the bundle's encrypted key files; the practice run offers the plain client_key.pem.
    return m_bundleFolder.isValid() && m_site->start()
        && m_site->writeCertificateBundle(m_bundleFolder.path(), QByteArrayLiteral("practice-passphrase"));
}

QString SimulatorPracticeSite::proxyHostAndPort() const
{
    return m_site->proxyHostAndPort();
}

QSslCertificate SimulatorPracticeSite::siteCaCertificate() const
{
    return m_site->siteCa();
}

QSslCertificate SimulatorPracticeSite::proxyCertificate() const
{
    return m_site->serverCertificate();
}

PracticeCredentials SimulatorPracticeSite::credentials() const
{
    PracticeCredentials credentials;
    credentials.enterpriseAccount = Simulator::SiteDirectory::demoAdminAccount();
    credentials.password = Simulator::SiteDirectory::demoPassword();
    credentials.enterpriseRepositoryPort = m_site->repositoryBaseUrl().port();
    credentials.enterpriseBundleFolder = m_bundleFolder.path();
    return credentials;
}

} // namespace Dawiso
