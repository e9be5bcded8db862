#include "practice/PracticeTenant.h"

#include "net/CertificateSummary.h"
#include "net/TlsTrust.h"
#include "qlik/QlikCloudClient.h"
#include "simulator/DemoTenant.h"
#include "simulator/QlikSimulator.h"

#include <QHostAddress>
#include <QNetworkAccessManager>

namespace Dawiso {

PracticeTenant::PracticeTenant(QObject *parent)
    : QObject(parent)
    , m_simulator(std::make_unique<Simulator::QlikSimulator>())
    , m_network(new QNetworkAccessManager(this))
{ }

PracticeTenant::~PracticeTenant() = default;

bool PracticeTenant::start(TlsTrust *trust)
{
    // A fixed port when it is free, so that repeated practice runs reuse one keychain entry ("localhost:47823")
    // instead of leaving one behind per run; any free port otherwise.
    constexpr quint16 preferredPort = 47823;
    if (!m_simulator->start(QHostAddress::LocalHost, preferredPort) && !m_simulator->start())
        return false;
    trust->pin(m_simulator->hostAndPort(), CertificateSummary::sha256(m_simulator->certificate()));
    m_client = new QlikCloudClient(m_network, trust, this);
    m_client->setBaseUrl(m_simulator->baseUrl());
    return true;
}

QString PracticeTenant::hostAndPort() const
{
    return m_simulator->hostAndPort();
}

PracticeCredentials PracticeTenant::credentials()
{
    using Simulator::DemoTenant;
    return {DemoTenant::nativeClientId(), DemoTenant::m2mClientId(), DemoTenant::m2mClientSecret(),
            DemoTenant::password()};
}

QList<PracticeSample> PracticeTenant::samples() const
{
    using Simulator::SampleKey;
    return {
        {tr("Dawiso Integration: a healthy key of a non-admin user"), m_simulator->sampleToken(SampleKey::Healthy)},
        {tr("Alex Admin: a key of a tenant admin"), m_simulator->sampleToken(SampleKey::TenantAdmin)},
        {tr("Grace Group-Admin: a tenant admin through a group"), m_simulator->sampleToken(SampleKey::GroupAdmin)},
        {tr("A key that expires in 3 days"), m_simulator->sampleToken(SampleKey::ExpiringSoon)},
        {tr("A revoked key"), m_simulator->sampleToken(SampleKey::Revoked)},
        {tr("An expired key"), m_simulator->sampleToken(SampleKey::Expired)},
    };
}

} // namespace Dawiso
