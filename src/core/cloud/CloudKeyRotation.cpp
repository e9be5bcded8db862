#include "cloud/CloudKeyRotation.h"

#include "provision/ApiKeyCreation.h"
#include "provision/ApiKeyPolicy.h"
#include "provision/ApiKeyRevoker.h"
#include "qlik/QlikClient.h"
#include "setup/DeploymentFlow.h"
#include "token/SecureMemory.h"

#include <QTimer>

namespace Dawiso {

CloudKeyRotation::CloudKeyRotation(QNetworkAccessManager *network, const TlsTrust *trust, DeploymentFlow *flow,
                                   SecretStore *store, ConnectionIndex *index, QObject *parent)
    : CredentialRotation(flow, store, index, parent)
    , m_network(network)
    , m_trust(trust)
{ }

CloudKeyRotation::~CloudKeyRotation()
{
    m_pasted.wipe();
}

QString CloudKeyRotation::credentialNoun() const
{
    return tr("key", "an API key, in sentences like 'the new key'");
}

QlikClient *CloudKeyRotation::clientWith(const SavedConnection &connection, const QByteArray &apiKey)
{
    if (!m_client) {
        m_client = new QlikClient(m_network, m_trust, this);
        m_creation = new ApiKeyCreation(m_client, this);
        m_revoker = new ApiKeyRevoker(m_client, this);
        connect(m_creation, &ApiKeyCreation::finished, this, [this](const ApiKeyCreation::Result &result) {
            m_client->clearApiKey();
            QByteArray token = result.token;
            if (result.outcome == ApiKeyCreation::Outcome::Created) {
                m_created = true;
                newCredentialMade(token, result.record.id, result.record.expiry);
                SecureMemory::wipe(token);
                return;
            }
            SecureMemory::wipe(token);
            UserMessage problem = result.problem;
            if (problem.isEmpty())
                problem = {tr("Qlik did not create the new key.")};
            problem.advice = (problem.advice.isEmpty() ? QString() : problem.advice + QLatin1Char(' '))
                + tr("Or generate the key in Qlik yourself, signed in as the connection's user (profile menu, "
                     "Settings, API keys, Generate new key), and choose Paste a key.");
            newCredentialRefused(problem);
        });
    }
    m_client->setBaseUrl(flow()->parseHost(connection.hostAndPort).baseUrl());
    m_client->setApiKey(apiKey);
    return m_client;
}

void CloudKeyRotation::makeNewCredential(const SavedConnection &connection, const QByteArray &oldCredential,
                                         int validityDays)
{
    m_created = false;
    if (!m_pasted.isEmpty()) {
        // Answered from the event loop, as every step is.
        QTimer::singleShot(0, this, [this] {
            newCredentialMade(m_pasted.token(), m_pasted.keyId(), m_pasted.expiresAt().value_or(QDateTime()));
        });
        return;
    }
    clientWith(connection, oldCredential);
    // The tenant's own limits are not known without an admin: Qlik refuses an expiry beyond them, and says so.
    m_creation->start(validityDays, ApiKeyPolicy());
}

QString CloudKeyRotation::oldKeyId(const SavedConnection &old, const QByteArray &oldCredential) const
{
    if (!old.keyId.isEmpty())
        return old.keyId;
    ApiKeyToken token = ApiKeyToken::fromPastedText(QString::fromLatin1(oldCredential));
    QString id = token.keyId();
    token.wipe();
    return id;
}

void CloudKeyRotation::retireOldCredential(const SavedConnection &old, const QByteArray &oldCredential,
                                           const QByteArray &newCredential)
{
    const QString id = oldKeyId(old, oldCredential);
    if (id.isEmpty()) {
        QTimer::singleShot(0, this, [this] {
            oldCredentialRetired(false,
                                 {tr("The old key's id is not known, so it was not revoked."),
                                  tr("In Qlik Cloud's Management Console, open API keys and delete the older key of "
                                     "this user that Dawiso used.")},
                                 tr("The old key still works in Qlik until it expires."));
        });
        return;
    }
    clientWith(old, newCredential);
    disconnect(m_revoker, &ApiKeyRevoker::finished, this, nullptr);
    connect(m_revoker, &ApiKeyRevoker::finished, this, [this, id](bool revoked, const UserMessage &problem) {
        m_client->clearApiKey();
        if (revoked) {
            oldCredentialRetired(true, {}, tr("The old key (id %1) was revoked in Qlik.").arg(id));
            return;
        }
        UserMessage left = problem;
        left.message = tr("The old key (id %1) could not be revoked in Qlik: %2").arg(id, problem.message);
        left.advice = tr("Revoke it yourself: in Qlik Cloud's Management Console, open API keys and delete the key "
                         "with id %1. Until then it still works.")
                          .arg(id);
        oldCredentialRetired(false, left, tr("The old key (id %1) still works in Qlik until it expires.").arg(id));
    });
    m_revoker->start(id);
}

void CloudKeyRotation::discardNewCredential(const SavedConnection &old, const QByteArray &oldCredential,
                                            const QString &newCredentialId)
{
    if (!m_created) {
        QTimer::singleShot(0, this, [this, newCredentialId] {
            newCredentialDiscarded(false,
                                   tr("The key you pasted (id %1) was left as it is in Qlik: delete it there "
                                      "if nobody needs it.")
                                       .arg(newCredentialId.isEmpty() ? tr("unknown") : newCredentialId));
        });
        return;
    }
    clientWith(old, oldCredential);
    disconnect(m_revoker, &ApiKeyRevoker::finished, this, nullptr);
    connect(m_revoker, &ApiKeyRevoker::finished, this,
            [this, newCredentialId](bool revoked, const UserMessage &problem) {
                m_client->clearApiKey();
                newCredentialDiscarded(
                    revoked,
                    revoked ? tr("The new key (id %1) was revoked in Qlik again, so nothing is left behind.")
                                  .arg(newCredentialId)
                            : tr("The new key (id %1) could not be revoked again (%2): delete it in Qlik Cloud's "
                                 "Management Console, API keys.")
                                  .arg(newCredentialId, problem.message));
            });
    m_revoker->start(newCredentialId);
}

UserMessage CloudKeyRotation::refusalOfChecked(const SavedConnection &old, const ConnectionReport &report) const
{
    if (old.userId.isEmpty() || report.userId.isEmpty() || report.userId == old.userId)
        return {};
    return {tr("The new key belongs to %1, not to %2, whose key this connection holds.")
                .arg(report.userName.isEmpty() ? report.userId : report.userName,
                     old.userName.isEmpty() ? old.userId : old.userName),
            tr("Paste a key generated by %1, or set up a connection for the other user with the wizard.")
                .arg(old.userName.isEmpty() ? old.userId : old.userName)};
}

} // namespace Dawiso
