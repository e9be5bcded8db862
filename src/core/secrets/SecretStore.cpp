#include "secrets/SecretStore.h"

namespace Dawiso {

SecretStore::~SecretStore() = default;

} // namespace Dawiso
