#include "secrets/SecretsLogging.h"

namespace Dawiso {

Q_LOGGING_CATEGORY(lcSecrets, "dawiso.secrets")

} // namespace Dawiso
