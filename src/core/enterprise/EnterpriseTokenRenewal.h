#pragma once

#include "connections/CredentialRotation.h"

#include <memory>

namespace Dawiso {

class SigningKeyMaker;

// Rotation of a Qlik Sense Enterprise JWT: a new token for the same service user, signed with the key the wizard
// stored beside it, so the virtual proxy takes it without any change in the QMC. Qlik Sense cannot revoke one token:
// the old one stays valid until it expires, which the result says, with how to end it sooner (a new certificate on
// the virtual proxy, which the wizard makes when run again).
class EnterpriseTokenRenewal : public CredentialRotation
{
    Q_OBJECT

public:
    using CredentialRotation::CredentialRotation;
    ~EnterpriseTokenRenewal() override;

protected:
    void makeNewCredential(const SavedConnection &connection, const QByteArray &oldCredential,
                           int validityDays) override;
    void retireOldCredential(const SavedConnection &old, const QByteArray &oldCredential,
                             const QByteArray &newCredential) override;
    void discardNewCredential(const SavedConnection &old, const QByteArray &oldCredential,
                              const QString &newCredentialId) override;
    QString credentialNoun() const override;

private:
    void sign(const QByteArray &oldCredential, QByteArray privateKeyPem, int validityDays);

    std::unique_ptr<SigningKeyMaker> m_keyMaker;
};

} // namespace Dawiso
