#include "practice/PracticeTenant.h"

#include "net/CertificateSummary.h"
#include "net/TlsTrust.h"
#include "practice/PracticeServer.h"

namespace Dawiso {

PracticeTenant::PracticeTenant(std::unique_ptr<PracticeServer> server, QObject *parent)
    : QObject(parent)
    , m_server(std::move(server))
{ }

PracticeTenant::~PracticeTenant() = default;

bool PracticeTenant::start(TlsTrust *trust)
{
    // A fixed port when it is free, so that repeated practice runs reuse one keychain entry ("localhost:47823")
    // instead of leaving one behind per run; any free port otherwise.
    constexpr quint16 preferredPort = 47823;
    if (!m_server->start(preferredPort))
        return false;
    trust->pin(m_server->hostAndPort(), CertificateSummary::sha256(m_server->certificate()));
    return true;
}

QString PracticeTenant::hostAndPort() const
{
    return m_server->hostAndPort();
}

PracticeCredentials PracticeTenant::credentials() const
{
    return m_server->credentials();
}

QList<PracticeSample> PracticeTenant::samples() const
{
    using Sample = PracticeServer::Sample;
    return {
        {tr("Dawiso Integration: a healthy key of a non-admin user"), m_server->sampleToken(Sample::Healthy)},
        {tr("Alex Admin: a key of a tenant admin"), m_server->sampleToken(Sample::TenantAdmin)},
        {tr("Grace Group-Admin: a tenant admin through a group"), m_server->sampleToken(Sample::GroupAdmin)},
        {tr("A key that expires in 3 days"), m_server->sampleToken(Sample::ExpiringSoon)},
        {tr("A revoked key"), m_server->sampleToken(Sample::Revoked)},
        {tr("An expired key"), m_server->sampleToken(Sample::Expired)},
    };
}

} // namespace Dawiso
