// The host field: whatever people paste, for either kind of Qlik. The first byte picks the kind.

#include "host/HostParser.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const auto kind = data[0] % 2 ? Dawiso::DeploymentKind::QlikSenseEnterprise : Dawiso::DeploymentKind::QlikCloud;
    const QString input = QString::fromUtf8(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const Dawiso::ParsedHost parsed = Dawiso::HostParser::parse(input, kind);
    // What the wizard shows and connects to, made from the parsed parts.
    if (parsed.isValid()) {
        parsed.hostAndPort();
        parsed.displayHostAndPort();
        parsed.baseUrl();
    }
    return 0;
}
