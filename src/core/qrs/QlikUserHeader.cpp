#include "qrs/QlikUserHeader.h"

#include <QUrl>

namespace Dawiso {

QByteArray QlikUserHeader::value(const QString &directory, const QString &userId)
{
    return QByteArrayLiteral("UserDirectory=") + QUrl::toPercentEncoding(directory) + QByteArrayLiteral("; UserId=")
        + QUrl::toPercentEncoding(userId);
}

} // namespace Dawiso
