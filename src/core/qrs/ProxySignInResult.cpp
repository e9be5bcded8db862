#include "qrs/ProxySignInResult.h"

#include "token/SecureMemory.h"

namespace Dawiso {

ProxySignInResult::~ProxySignInResult()
{
    // Copies share one buffer; only the last one to go zeroes it (SecureMemory).
    SecureMemory::wipe(cookieValue);
}

} // namespace Dawiso
