#pragma once

#include <QLoggingCategory>

namespace Dawiso {

// Non-secret diagnostics of the keychain code ("dawiso.secrets"): operations, entry names, backend errors.
// Never a secret.
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)

} // namespace Dawiso
