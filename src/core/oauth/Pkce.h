#pragma once

#include <QByteArray>

namespace Dawiso {

// The one-time secrets of one authorization-code sign-in: the PKCE code verifier and its S256 challenge (RFC 7636)
// and the `state` that ties Qlik's answer to this very sign-in (RFC 6749 §10.12). Every sign-in generates its own
// from the operating system's random source; nothing is reused. The verifier goes only into the token request and
// is zeroed on wipe() and on destruction, as is the state.
class Pkce
{
public:
    // 64 characters of 66 possible ones: about 386 bits, well above RFC 7636's minimum of 256.
    static constexpr qsizetype VerifierLength = 64;
    // 32 random bytes (256 bits) in base64url: 43 characters.
    static constexpr qsizetype StateBytes = 32;

    // A fresh verifier, its challenge and a fresh state.
    static Pkce generate();
    // BASE64URL(SHA-256(verifier)) without padding (RFC 7636 §4.2, method S256).
    static QByteArray challengeFor(const QByteArray &verifier);
    // 43 to 128 characters from the unreserved set [A-Z a-z 0-9 - . _ ~] (RFC 7636 §4.1).
    static bool isValidVerifier(const QByteArray &verifier);

    Pkce() = default;
    Pkce(const Pkce &) = delete;
    Pkce &operator=(const Pkce &) = delete;
    // A moved-from Pkce is empty.
    Pkce(Pkce &&other) noexcept;
    Pkce &operator=(Pkce &&other) noexcept;
    ~Pkce();

    bool isEmpty() const { return m_verifier.isEmpty(); }
    QByteArray verifier() const { return m_verifier; }
    QByteArray challenge() const { return m_challenge; }
    QByteArray state() const { return m_state; }
    // Compares in time independent of where the first difference is, so the answer reveals nothing of the state.
    bool stateMatches(const QByteArray &candidate) const;

    // Zeroes the verifier and the state and forgets the challenge.
    void wipe();

private:
    QByteArray m_verifier;
    QByteArray m_challenge;
    QByteArray m_state;
};

} // namespace Dawiso
