#include "simulator/onprem/NtlmVerifier.h"

#include "simulator/common/CryptoUtil.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QMessageAuthenticationCode>
#include <QtEndian>

#include <iterator>

namespace Dawiso::Simulator {

namespace {

const QByteArray signature("NTLMSSP\0", 8);
constexpr qint64 challengeLifetimeMs = qint64(2) * 60 * 1000;
constexpr int maximumOutstandingChallenges = 256;

// MS-NLMP 2.2.2.5.
constexpr quint32 negotiateUnicode = 0x00000001;
constexpr quint32 requestTarget = 0x00000004;
constexpr quint32 negotiateNtlm = 0x00000200;
constexpr quint32 targetTypeDomain = 0x00010000;
constexpr quint32 negotiateExtendedSessionSecurity = 0x00080000;
constexpr quint32 negotiateTargetInfo = 0x00800000;

// MS-NLMP 2.2.2.1: AV pair ids.
constexpr quint16 avEol = 0;
constexpr quint16 avNbComputerName = 1;
constexpr quint16 avNbDomainName = 2;
constexpr quint16 avDnsComputerName = 3;
constexpr quint16 avDnsDomainName = 4;
constexpr quint16 avTimestamp = 7;

// Where an NTLMv2 response's blob starts: after the 16-byte NTProofStr. Shorter responses are NTLMv1 (24 bytes).
constexpr qsizetype proofSize = 16;
constexpr qsizetype minimumV2ResponseSize = proofSize + 28;

// 100-nanosecond intervals between 1601-01-01 and the Unix epoch.
constexpr quint64 fileTimeEpochOffset = 116444736000000000ULL;

QByteArray utf16le(const QString &text)
{
    QByteArray bytes;
    bytes.reserve(text.size() * 2);
    for (const QChar c : text) {
        bytes.append(static_cast<char>(c.unicode() & 0xff));
        bytes.append(static_cast<char>(c.unicode() >> 8));
    }
    return bytes;
}

QString fromUtf16le(const QByteArray &bytes)
{
    QString text;
    for (qsizetype i = 0; i + 1 < bytes.size(); i += 2)
        text.append(QChar(qFromLittleEndian<quint16>(bytes.constData() + i)));
    return text;
}

void appendLe16(QByteArray *out, quint16 value)
{
    char bytes[2];
    qToLittleEndian(value, bytes);
    out->append(bytes, 2);
}

void appendLe32(QByteArray *out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out->append(bytes, 4);
}

void appendAvPair(QByteArray *out, quint16 id, const QByteArray &value)
{
    appendLe16(out, id);
    appendLe16(out, static_cast<quint16>(value.size()));
    out->append(value);
}

// A security buffer (length, allocated length, offset) pointing at payload bytes at `offset`.
void appendSecurityBuffer(QByteArray *out, qsizetype length, qsizetype offset)
{
    appendLe16(out, static_cast<quint16>(length));
    appendLe16(out, static_cast<quint16>(length));
    appendLe32(out, static_cast<quint32>(offset));
}

// The bytes a security buffer at `at` in the message points to; nullopt when it points outside.
std::optional<QByteArray> securityBuffer(const QByteArray &message, qsizetype at)
{
    if (message.size() < at + 8)
        return std::nullopt;
    const quint16 length = qFromLittleEndian<quint16>(message.constData() + at);
    const quint32 offset = qFromLittleEndian<quint32>(message.constData() + at + 4);
    if (static_cast<qsizetype>(offset) + length > message.size())
        return std::nullopt;
    return message.mid(offset, length);
}

QByteArray hmacMd5(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Md5);
}

// MS-NLMP 3.3.2: NTOWFv2 = HMAC-MD5(MD4(UTF-16LE(password)), UTF-16LE(UPPER(user) + domain)).
QByteArray ntowfv2(const QString &password, const QString &user, const QString &domain)
{
    QByteArray passwordBytes = utf16le(password);
    const QByteArray passwordHash = QCryptographicHash::hash(passwordBytes, QCryptographicHash::Md4);
    passwordBytes.fill('\0');
    return hmacMd5(passwordHash, utf16le(user.toUpper() + domain));
}

} // namespace

NtlmVerifier::NtlmVerifier(const QString &domain, const QString &server, const QString &dnsDomain)
    : m_domain(domain)
    , m_server(server)
    , m_dnsDomain(dnsDomain)
{ }

int NtlmVerifier::messageType(const QByteArray &message)
{
    if (message.size() < 12 || !message.startsWith(signature))
        return 0;
    const quint32 type = qFromLittleEndian<quint32>(message.constData() + 8);
    return type >= 1 && type <= 3 ? static_cast<int>(type) : 0;
}

QByteArray NtlmVerifier::challenge()
{
    forgetExpired();
    const QByteArray serverChallenge = CryptoUtil::randomBytes(8);
    m_challenges.insert(serverChallenge, QDateTime::currentMSecsSinceEpoch() + challengeLifetimeMs);

    const QByteArray targetName = utf16le(m_domain);
    QByteArray targetInfo;
    appendAvPair(&targetInfo, avNbDomainName, targetName);
    appendAvPair(&targetInfo, avNbComputerName, utf16le(m_server));
    appendAvPair(&targetInfo, avDnsDomainName, utf16le(m_dnsDomain));
    appendAvPair(&targetInfo, avDnsComputerName, utf16le(m_server + u'.' + m_dnsDomain));
    QByteArray timestamp(8, '\0');
    qToLittleEndian(static_cast<quint64>(QDateTime::currentMSecsSinceEpoch()) * 10000 + fileTimeEpochOffset,
                    timestamp.data());
    appendAvPair(&targetInfo, avTimestamp, timestamp);
    appendAvPair(&targetInfo, avEol, {});

    // MS-NLMP 2.2.1.2, without the optional version: a 48-byte header, then the target name and the target info.
    constexpr qsizetype headerSize = 48;
    QByteArray message = signature;
    appendLe32(&message, 2);
    appendSecurityBuffer(&message, targetName.size(), headerSize);
    appendLe32(&message,
               negotiateUnicode | requestTarget | negotiateNtlm | targetTypeDomain | negotiateExtendedSessionSecurity
                   | negotiateTargetInfo);
    message.append(serverChallenge);
    message.append(QByteArray(8, '\0')); // reserved
    appendSecurityBuffer(&message, targetInfo.size(), headerSize + targetName.size());
    message.append(targetName);
    message.append(targetInfo);
    return message;
}

std::optional<NtlmVerifier::Identity> NtlmVerifier::verify(const QByteArray &authenticate,
                                                           const PasswordLookup &passwordOf)
{
    // MS-NLMP 2.2.1.3: LM response, NT response, domain, user, workstation, session key, flags.
    constexpr qsizetype flagsAt = 60;
    if (messageType(authenticate) != 3 || authenticate.size() < flagsAt + 4)
        return std::nullopt;
    const std::optional<QByteArray> ntResponse = securityBuffer(authenticate, 20);
    const std::optional<QByteArray> domainBytes = securityBuffer(authenticate, 28);
    const std::optional<QByteArray> userBytes = securityBuffer(authenticate, 36);
    if (!ntResponse || !domainBytes || !userBytes || ntResponse->size() < minimumV2ResponseSize)
        return std::nullopt;
    const bool unicode = qFromLittleEndian<quint32>(authenticate.constData() + flagsAt) & negotiateUnicode;
    const Identity identity {unicode ? fromUtf16le(*domainBytes) : QString::fromLatin1(*domainBytes),
                             unicode ? fromUtf16le(*userBytes) : QString::fromLatin1(*userBytes)};
    if (identity.user.isEmpty())
        return std::nullopt;
    const std::optional<QString> password = passwordOf(identity.domain, identity.user);
    if (!password)
        return std::nullopt;

    forgetExpired();
    const QByteArray responseKey = ntowfv2(*password, identity.user, identity.domain);
    const QByteArray proof = ntResponse->left(proofSize);
    const QByteArray blob = ntResponse->mid(proofSize);
    for (auto it = m_challenges.cbegin(); it != m_challenges.cend(); ++it) {
        if (CryptoUtil::equalConstantTime(hmacMd5(responseKey, it.key() + blob), proof)) {
            m_challenges.erase(it);
            return identity;
        }
    }
    return std::nullopt;
}

void NtlmVerifier::forgetExpired()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_challenges.removeIf([now](const auto &challenge) { return challenge.value() < now; });
    // A client that only ever negotiates must not grow the list without end.
    if (m_challenges.size() > maximumOutstandingChallenges)
        m_challenges.clear();
}

} // namespace Dawiso::Simulator
