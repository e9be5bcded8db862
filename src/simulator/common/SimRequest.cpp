#include "simulator/common/SimRequest.h"

namespace Dawiso::Simulator {

QByteArray SimRequest::contentType() const
{
    const QByteArray value = header("Content-Type");
    const qsizetype semicolon = value.indexOf(';');
    return (semicolon < 0 ? value : value.left(semicolon)).trimmed().toLower();
}

void SimRequest::wipe()
{
    headers.wipe();
    body.fill('\0');
}

} // namespace Dawiso::Simulator
