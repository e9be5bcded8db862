#include "simulator/cloud/QlikError.h"

#include "simulator/common/CryptoUtil.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Dawiso::Simulator {

SimResponse QlikError::response(int status, const QString &code, const QString &title, ErrorStatusStyle style,
                                const QString &detail)
{
    QJsonObject item {{QStringLiteral("code"), code}, {QStringLiteral("title"), title}};
    if (!detail.isEmpty())
        item.insert(QStringLiteral("detail"), detail);
    if (style == ErrorStatusStyle::Integer)
        item.insert(QStringLiteral("status"), status);
    else if (style == ErrorStatusStyle::String)
        item.insert(QStringLiteral("status"), QString::number(status));
    return SimResponse::json(status,
                             QJsonObject {{QStringLiteral("errors"), QJsonArray {item}},
                                          {QStringLiteral("traceId"), CryptoUtil::randomHexId(16)}});
}

SimResponse QlikError::rateLimited(int retryAfterSeconds)
{
    QJsonObject item {
        {QStringLiteral("code"), QStringLiteral("HTTP-429")},
        {QStringLiteral("title"), QStringLiteral("API rate limit reached.")},
    };
    if (retryAfterSeconds >= 0)
        item.insert(QStringLiteral("detail"),
                    QStringLiteral("You need to wait %1 seconds until limit is lifted.").arg(retryAfterSeconds));
    SimResponse response = SimResponse::json(429, QJsonObject {{QStringLiteral("errors"), QJsonArray {item}}});
    if (retryAfterSeconds >= 0)
        response.headers.append({QByteArrayLiteral("retry-after"), QByteArray::number(retryAfterSeconds)});
    else
        response.deviation = QStringLiteral("fault: 429 without retry-after");
    return response;
}

} // namespace Dawiso::Simulator
