#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

// Small helpers for the simulator's ids, tokens and cursors (Qt has all of it; no libcrypto needed).
namespace Dawiso::Simulator::CryptoUtil {

QByteArray randomBytes(int count);
// A random lowercase hex id of byteCount bytes (24 hex characters for 12 bytes, like Qlik's object ids).
QString randomHexId(int byteCount = 12);
QByteArray hmacSha384(const QByteArray &key, const QByteArray &message);
QByteArray base64UrlEncode(const QByteArray &data);
// nullopt when the text is not strict unpadded base64url.
std::optional<QByteArray> base64UrlDecode(const QByteArray &text);
// Compares without stopping at the first difference, so timing says nothing about where two MACs differ.
bool equalConstantTime(const QByteArray &a, const QByteArray &b);

} // namespace Dawiso::Simulator::CryptoUtil
