#include "enterprise/EnterpriseTokenRenewal.h"

#include "common/Clock.h"
#include "common/ExpiryText.h"
#include "secrets/SecretEntryName.h"
#include "secrets/SecretStore.h"
#include "secrets/SecretStoreJob.h"
#include "signing/JsonWebToken.h"
#include "signing/SigningKeyLoader.h"
#include "signing/SigningKeyMaker.h"
#include "token/SecureMemory.h"

#include <QTimer>
#include <QUuid>

namespace Dawiso {

EnterpriseTokenRenewal::~EnterpriseTokenRenewal() = default;

QString EnterpriseTokenRenewal::credentialNoun() const
{
    return tr("token", "a JWT, in sentences like 'the new token'");
}

void EnterpriseTokenRenewal::makeNewCredential(const SavedConnection &connection, const QByteArray &oldCredential,
                                               int validityDays)
{
    SecretStoreJob *job = store()->readSecret(SecretEntryName::forSigningKey(connection.kind, connection.hostAndPort));
    QByteArray old = oldCredential;
    connect(job, &SecretStoreJob::finished, this, [this, old, validityDays](SecretStoreJob *done) mutable {
        if (done->error() != SecretStoreError::None) {
            newCredentialRefused(
                {done->error() == SecretStoreError::NotFound
                     ? tr("The key that signs this connection's tokens is not in the keychain.")
                     : tr("The key that signs this connection's tokens could not be read from the keychain."),
                 done->error() == SecretStoreError::NotFound
                     ? tr("Run the wizard again for this server: it makes a new key and certificate and puts the "
                          "certificate on the virtual proxy.")
                     : done->errorMessage(),
                 done->backendDetail()});
            SecureMemory::wipe(old);
            return;
        }
        sign(old, done->secret(), validityDays);
        SecureMemory::wipe(old);
    });
}

void EnterpriseTokenRenewal::sign(const QByteArray &oldCredential, QByteArray privateKeyPem, int validityDays)
{
    const std::optional<JwtClaims> old = JsonWebToken::readUnverified(oldCredential);
    if (!old) {
        SecureMemory::wipe(privateKeyPem);
        newCredentialRefused({tr("The token stored now does not say which user it stands for, so a new one cannot "
                                 "be made from it."),
                              tr("Run the wizard again for this server to make a new token.")});
        return;
    }
    QString problem;
    if (!m_keyMaker)
        m_keyMaker = SigningKeyLoader::load(&problem);
    if (!m_keyMaker) {
        SecureMemory::wipe(privateKeyPem);
        newCredentialRefused({tr("The program cannot sign a new token."), problem});
        return;
    }
    JwtClaims claims = *old;
    claims.issuedAt = Clock::currentDateTimeUtc();
    claims.expiresAt = claims.issuedAt.addDays(validityDays);
    claims.jti = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString why;
    QByteArray token = JsonWebToken::sign(claims, privateKeyPem, *m_keyMaker, &why);
    SecureMemory::wipe(privateKeyPem);
    if (token.isEmpty()) {
        newCredentialRefused({tr("The new token could not be signed."), why});
        return;
    }
    newCredentialMade(token, claims.jti, claims.expiresAt);
    SecureMemory::wipe(token);
}

void EnterpriseTokenRenewal::retireOldCredential(const SavedConnection &old, const QByteArray &, const QByteArray &)
{
    const QString where =
        tr("Qlik Sense cannot revoke a single token: the old one (id %1) stays valid until it expires. %2 To end it "
           "sooner, run the wizard again for this server, which puts a new certificate on the virtual proxy.")
            .arg(old.keyId.isEmpty() ? tr("unknown") : old.keyId,
                 ExpiryText::sentence(old.keyExpiry, Clock::currentDateTimeUtc()));
    QTimer::singleShot(0, this, [this, where] { oldCredentialRetired(true, {}, where); });
}

void EnterpriseTokenRenewal::discardNewCredential(const SavedConnection &, const QByteArray &, const QString &)
{
    // A token that was never handed out is gone with this object's memory.
    QTimer::singleShot(0, this, [this] { newCredentialDiscarded(true, {}); });
}

} // namespace Dawiso
