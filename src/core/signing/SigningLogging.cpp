#include "signing/SigningLogging.h"

namespace Dawiso {

Q_LOGGING_CATEGORY(lcSigning, "dawiso.signing")

} // namespace Dawiso
