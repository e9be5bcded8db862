#pragma once

#include "secrets/SecretStoreError.h"

#include <QString>

namespace Dawiso {

// The outcome of storing a credential: where it went, or, when it could not be stored, what the keychain said and
// what to do. There is never a "saved somewhere else instead".
struct CredentialSaveResult
{
    bool saved = false;
    SecretStoreError error = SecretStoreError::None;
    QString entryName;
    QString message;
    QString backendDetail;
};

} // namespace Dawiso
