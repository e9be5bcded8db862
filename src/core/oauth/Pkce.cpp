#include "oauth/Pkce.h"

#include "token/SecureMemory.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <algorithm>
#include <limits>
#include <utility>

namespace Dawiso {

namespace {

constexpr char kUnreserved[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
constexpr quint32 kUnreservedCount = sizeof(kUnreserved) - 1;

bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
        || c == '_' || c == '~';
}

// Uniform over the 66 characters: values from the top, incomplete round of 66 are drawn again instead of folded
// onto the first characters.
char randomUnreservedCharacter(QRandomGenerator *random)
{
    constexpr quint32 limit =
        std::numeric_limits<quint32>::max() - std::numeric_limits<quint32>::max() % kUnreservedCount;
    quint32 value = random->generate();
    while (value >= limit)
        value = random->generate();
    return kUnreserved[value % kUnreservedCount];
}

} // namespace

Pkce Pkce::generate()
{
    QRandomGenerator *random = QRandomGenerator::system();
    Pkce pkce;
    // Reserved up front so that appending never reallocates and leaves a stray copy behind.
    pkce.m_verifier.reserve(VerifierLength);
    for (qsizetype i = 0; i < VerifierLength; ++i)
        pkce.m_verifier.append(randomUnreservedCharacter(random));
    pkce.m_challenge = challengeFor(pkce.m_verifier);

    QByteArray stateBytes(StateBytes, Qt::Uninitialized);
    random->fillRange(reinterpret_cast<quint32 *>(stateBytes.data()), StateBytes / qsizetype(sizeof(quint32)));
    pkce.m_state = stateBytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    SecureMemory::wipe(stateBytes);
    return pkce;
}

QByteArray Pkce::challengeFor(const QByteArray &verifier)
{
    return QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool Pkce::isValidVerifier(const QByteArray &verifier)
{
    if (verifier.size() < 43 || verifier.size() > 128)
        return false;
    return std::all_of(verifier.cbegin(), verifier.cend(), isUnreserved);
}

Pkce::Pkce(Pkce &&other) noexcept
    : m_verifier(std::move(other.m_verifier))
    , m_challenge(std::move(other.m_challenge))
    , m_state(std::move(other.m_state))
{ }

Pkce &Pkce::operator=(Pkce &&other) noexcept
{
    if (this != &other) {
        wipe();
        m_verifier = std::move(other.m_verifier);
        m_challenge = std::move(other.m_challenge);
        m_state = std::move(other.m_state);
    }
    return *this;
}

Pkce::~Pkce()
{
    wipe();
}

bool Pkce::stateMatches(const QByteArray &candidate) const
{
    if (m_state.isEmpty() || candidate.size() != m_state.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < m_state.size(); ++i)
        difference |= static_cast<unsigned char>(m_state.at(i) ^ candidate.at(i));
    return difference == 0;
}

void Pkce::wipe()
{
    SecureMemory::wipe(m_verifier);
    SecureMemory::wipe(m_state);
    m_challenge.clear();
}

} // namespace Dawiso
