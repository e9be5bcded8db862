// The API key people paste (cleaned, its shape checked, its claims read unverified) and a Qlik Sense JWT read the
// same way to show its expiry.

#include "signing/JsonWebToken.h"
#include "token/ApiKeyToken.h"

#include <QDateTime>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    Dawiso::ApiKeyToken token = Dawiso::ApiKeyToken::fromPastedText(QString::fromUtf8(bytes));
    token.problem();
    token.notAnApiKeyReason();
    token.looksLikeQlikApiKey();
    token.isExpired(QDateTime::currentDateTimeUtc());
    token.wipe();
    Dawiso::JsonWebToken::readUnverified(bytes);
    return 0;
}
