// The request head a browser (or anything else on this computer) sends to the sign-in's loopback listener, read as
// the listener reads it: on the default redirect path and port.

#include "oauth/AuthorizationRequest.h"
#include "oauth/LoopbackRequest.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray head(reinterpret_cast<const char *>(data), qsizetype(size));
    Dawiso::LoopbackRequest::parse(head, Dawiso::AuthorizationRequest::defaultRedirectPath(),
                                   Dawiso::AuthorizationRequest::DefaultRedirectPort);
    return 0;
}
