#pragma once

#include <QLoggingCategory>

namespace Dawiso {

// Non-secret diagnostics of the signing code ("dawiso.signing"): where the plugin was looked for, why it did not load.
// Never a key or a token.
Q_DECLARE_LOGGING_CATEGORY(lcSigning)

} // namespace Dawiso
