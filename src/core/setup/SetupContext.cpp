#include "setup/SetupContext.h"

#include "oauth/TokenRevoker.h"

#include <QNetworkAccessManager>

namespace Dawiso {

SetupContext::SetupContext(QNetworkAccessManager *network, TlsTrust *trust, QObject *owner)
    : m_network(network)
    , m_trust(trust)
    , m_owner(owner)
{ }

QNetworkAccessManager *SetupContext::network()
{
    if (!m_network)
        m_network = new QNetworkAccessManager(m_owner);
    return m_network;
}

TokenRevoker *SetupContext::tokenRevoker()
{
    if (!m_tokenRevoker)
        m_tokenRevoker = new TokenRevoker(network(), m_trust, m_owner);
    return m_tokenRevoker;
}

void SetupContext::setPracticeRun(bool practiceRun, const PracticeCredentials &credentials)
{
    m_practiceRun = practiceRun;
    m_practiceCredentials = practiceRun ? credentials : PracticeCredentials();
}

} // namespace Dawiso
