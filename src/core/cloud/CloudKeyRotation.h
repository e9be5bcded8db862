#pragma once

#include "connections/CredentialRotation.h"
#include "token/ApiKeyToken.h"

class QNetworkAccessManager;

namespace Dawiso {

class ApiKeyCreation;
class ApiKeyRevoker;
class QlikClient;
class TlsTrust;

// Rotation of a Qlik Cloud API key. The new key is created with the stored one (POST /api/v1/api-keys as its user,
// who holds Manage API keys through Dawiso's role), or is one the admin generated in Qlik as that user and pasted.
// Once the new key is stored, the old one is revoked with the new one (DELETE /api/v1/api-keys/{id}: an owner
// deletes their own keys). A created key that cannot be kept is revoked again with the old one; a pasted key is left
// to the admin.
class CloudKeyRotation : public CredentialRotation
{
    Q_OBJECT

public:
    CloudKeyRotation(QNetworkAccessManager *network, const TlsTrust *trust, DeploymentFlow *flow, SecretStore *store,
                     ConnectionIndex *index, QObject *parent = nullptr);
    ~CloudKeyRotation() override;

    // Use this key instead of creating one; an empty token goes back to creating.
    void setPastedKey(const ApiKeyToken &token) { m_pasted = token; }

protected:
    void makeNewCredential(const SavedConnection &connection, const QByteArray &oldCredential,
                           int validityDays) override;
    void retireOldCredential(const SavedConnection &old, const QByteArray &oldCredential,
                             const QByteArray &newCredential) override;
    void discardNewCredential(const SavedConnection &old, const QByteArray &oldCredential,
                              const QString &newCredentialId) override;
    UserMessage refusalOfChecked(const SavedConnection &old, const ConnectionReport &report) const override;
    QString credentialNoun() const override;

private:
    // A client of the connection's tenant that authenticates with apiKey.
    QlikClient *clientWith(const SavedConnection &connection, const QByteArray &apiKey);
    // The id of the key stored before: from the index, else from the key itself.
    QString oldKeyId(const SavedConnection &old, const QByteArray &oldCredential) const;

    QNetworkAccessManager *m_network;
    const TlsTrust *m_trust;
    ApiKeyToken m_pasted;
    bool m_created = false; // the new key was created here (not pasted), so it is ours to take back
    QlikClient *m_client = nullptr;
    ApiKeyCreation *m_creation = nullptr;
    ApiKeyRevoker *m_revoker = nullptr;
};

} // namespace Dawiso
