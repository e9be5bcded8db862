#pragma once

#include "host/ParsedHost.h"
#include "practice/PracticeCredentials.h"

class QNetworkAccessManager;
class QObject;

namespace Dawiso {

class TokenRevoker;

class TlsTrust;

// What the steps of one run share, whichever the deployment: the network (made when the first step needs it), the
// certificates this run trusts, whether this is a practice run, and the host the probe confirmed. SetupController
// owns it and keeps it current; the deployment flows read it.
class SetupContext
{
public:
    // network: the one to use, or null for one of its own, made on first use as a child of owner.
    SetupContext(QNetworkAccessManager *network, TlsTrust *trust, QObject *owner);

    QNetworkAccessManager *network();
    TlsTrust *trust() const { return m_trust; }
    // Revokes the sign-ins the run no longer needs; shared, so that revocations outlive the flow that sent them.
    TokenRevoker *tokenRevoker();
    // Null until a flow asked for tokenRevoker().
    TokenRevoker *existingTokenRevoker() const { return m_tokenRevoker; }

    bool isPracticeRun() const { return m_practiceRun; }
    // The practice tenant's sign-in details, which the practice run fills in for people (not secrets).
    PracticeCredentials practiceCredentials() const { return m_practiceCredentials; }
    void setPracticeRun(bool practiceRun, const PracticeCredentials &credentials);

    // The host every later step uses; invalid until the probe found a server of the chosen deployment there.
    ParsedHost confirmedHost() const { return m_confirmedHost; }
    void setConfirmedHost(const ParsedHost &host) { m_confirmedHost = host; }

private:
    QNetworkAccessManager *m_network;
    TlsTrust *m_trust;
    QObject *m_owner;
    TokenRevoker *m_tokenRevoker = nullptr;
    bool m_practiceRun = false;
    PracticeCredentials m_practiceCredentials;
    ParsedHost m_confirmedHost;
};

} // namespace Dawiso
