#pragma once

#include "secrets/SecretStoreError.h"

#include <QCoreApplication>
#include <QString>

#include <chrono>

namespace Dawiso {

// The sentences a SecretStoreJob reports: what happened and what to do next, for people who are not developers.
// Shared by the real keychain store and the test fake, so that GUI tests see the real texts.
class SecretStoreMessages
{
    Q_DECLARE_TR_FUNCTIONS(SecretStoreMessages)

public:
    // Empty for SecretStoreError::None.
    static QString forError(SecretStoreError error, SecretStoreOperation operation);
    static QString timedOut(std::chrono::milliseconds timeout);
    static QString tooLarge(qsizetype size, qsizetype limit);
    static QString emptySecret();
    static QString invalidEntryName();

private:
    static QString unavailable();
    static QString accessDenied();
    static QString failed(SecretStoreOperation operation);
    static QString notSavedElsewhere();
};

} // namespace Dawiso
