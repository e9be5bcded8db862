// What a Qlik Cloud tenant's OAuth server sends: the first byte picks the answer.
//   even: the token endpoint's answer, with the HTTP status from the second byte (200, 400, 401 or 500)
//   odd:  the authorization server metadata at /.well-known/oauth-authorization-server

#include "oauth/TokenResponse.h"
#include "qlik/AuthorizationServerMetadata.h"

#include <QJsonDocument>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const QByteArray body(reinterpret_cast<const char *>(data + 2), qsizetype(size - 2));
    if (data[0] % 2 == 0) {
        static const int statuses[] = {200, 400, 401, 500};
        const QDateTime receivedAt = QDateTime::fromSecsSinceEpoch(1'800'000'000, Qt::UTC);
        const Dawiso::TokenResponse response =
            Dawiso::TokenResponse::fromAnswer(statuses[data[1] % 4], body, receivedAt);
        response.token.isExpired(receivedAt);
        Dawiso::TokenResponse::shortenedDescription(response.errorDescription);
    } else {
        QStringList problems;
        QString refusal;
        Dawiso::AuthorizationServerMetadata::fromJson(QJsonDocument::fromJson(body).object(), &problems, &refusal);
    }
    return 0;
}
