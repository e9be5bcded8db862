#include "SimulatorPracticeServer.h"

#include "simulator/cloud/DemoTenant.h"
#include "simulator/cloud/QlikSimulator.h"

#include <QHostAddress>

namespace Dawiso {

using Simulator::DemoTenant;
using Simulator::SampleKey;

SimulatorPracticeServer::SimulatorPracticeServer()
    : m_simulator(std::make_unique<Simulator::QlikSimulator>())
{ }

SimulatorPracticeServer::~SimulatorPracticeServer() = default;

bool SimulatorPracticeServer::start(quint16 preferredPort)
{
    return m_simulator->start(QHostAddress::LocalHost, preferredPort) || m_simulator->start();
}

QString SimulatorPracticeServer::hostAndPort() const
{
    return m_simulator->hostAndPort();
}

QUrl SimulatorPracticeServer::baseUrl() const
{
    return m_simulator->baseUrl();
}

QSslCertificate SimulatorPracticeServer::certificate() const
{
    return m_simulator->certificate();
}

QByteArray SimulatorPracticeServer::sampleToken(Sample sample) const
{
    switch (sample) {
    case Sample::Healthy:
        return m_simulator->sampleToken(SampleKey::Healthy);
    case Sample::TenantAdmin:
        return m_simulator->sampleToken(SampleKey::TenantAdmin);
    case Sample::GroupAdmin:
        return m_simulator->sampleToken(SampleKey::GroupAdmin);
    case Sample::ExpiringSoon:
        return m_simulator->sampleToken(SampleKey::ExpiringSoon);
    case Sample::Revoked:
        return m_simulator->sampleToken(SampleKey::Revoked);
    case Sample::Expired:
        return m_simulator->sampleToken(SampleKey::Expired);
    }
    return {};
}

PracticeCredentials SimulatorPracticeServer::credentials() const
{
    // No samples: the wizard names the sample keys itself (PracticeTenant::samples()).
    PracticeCredentials credentials;
    credentials.nativeClientId = DemoTenant::nativeClientId();
    credentials.m2mClientId = DemoTenant::m2mClientId();
    credentials.m2mClientSecret = DemoTenant::m2mClientSecret();
    credentials.password = DemoTenant::password();
    return credentials;
}

QUrl SimulatorPracticeServer::completeSignIn(const QUrl &authorizationUrl, const QString &email,
                                             const QString &password, QString *problem)
{
    // The simulator's OAuth server answers directly: no sign-in page, no form, no HTTP.
    return m_simulator->completeSignIn(authorizationUrl, email, password, problem);
}

} // namespace Dawiso
