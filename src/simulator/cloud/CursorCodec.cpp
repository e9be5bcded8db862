#include "simulator/cloud/CursorCodec.h"

#include "simulator/common/CryptoUtil.h"

namespace Dawiso::Simulator {

namespace {

constexpr int secretBytes = 32;
constexpr int macBytes = 16;

} // namespace

CursorCodec::CursorCodec()
    : m_secret(CryptoUtil::randomBytes(secretBytes))
{ }

CursorCodec::~CursorCodec()
{
    m_secret.fill('\0');
}

QByteArray CursorCodec::mac(const QByteArray &payload) const
{
    return CryptoUtil::hmacSha384(m_secret, payload).left(macBytes);
}

QString CursorCodec::encode(const QString &list, int offset) const
{
    const QByteArray payload = list.toUtf8() + ':' + QByteArray::number(offset);
    return QString::fromLatin1(CryptoUtil::base64UrlEncode(mac(payload) + payload));
}

std::optional<int> CursorCodec::decode(const QString &list, const QString &cursor) const
{
    const auto position = decode(cursor);
    if (!position || position->list != list)
        return std::nullopt;
    return position->offset;
}

std::optional<CursorCodec::Position> CursorCodec::decode(const QString &cursor) const
{
    const auto raw = CryptoUtil::base64UrlDecode(cursor.toLatin1());
    if (!raw || raw->size() <= macBytes)
        return std::nullopt;
    const QByteArray payload = raw->mid(macBytes);
    if (!CryptoUtil::equalConstantTime(raw->left(macBytes), mac(payload)))
        return std::nullopt;
    const qsizetype separator = payload.lastIndexOf(':');
    if (separator < 0)
        return std::nullopt;
    bool ok = false;
    const int offset = payload.mid(separator + 1).toInt(&ok);
    if (!ok || offset < 0)
        return std::nullopt;
    return Position {QString::fromUtf8(payload.left(separator)), offset};
}

} // namespace Dawiso::Simulator
