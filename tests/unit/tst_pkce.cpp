// PKCE (RFC 7636, S256) and the sign-in's state: fresh, well-formed, random, and wiped.
#include "oauth/Pkce.h"
#include "token/SecureMemory.h"

#include <QSet>
#include <QTest>

using namespace Dawiso;

class TestPkce : public QObject
{
    Q_OBJECT

private slots:
    void verifierHasLengthAndCharset();
    void challengeMatchesRfc7636AppendixB();
    void challengeIsOfTheGeneratedVerifier();
    void verifierValidity_data();
    void verifierValidity();
    void drawsAreAllDifferent();
    void stateHasAtLeast128Bits();
    void stateMatchesOnlyItself();
    void wipeEmptiesEverything();
    void moveLeavesSourceEmpty();
};

namespace {

bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
        || c == '_' || c == '~';
}

bool isBase64Url(const QByteArray &text)
{
    for (const char c : text) {
        const bool ok =
            (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

void TestPkce::verifierHasLengthAndCharset()
{
    for (int i = 0; i < 20; ++i) {
        const Pkce pkce = Pkce::generate();
        const QByteArray verifier = pkce.verifier();
        QCOMPARE(verifier.size(), Pkce::VerifierLength);
        QCOMPARE(verifier.size(), 64);
        QVERIFY(std::all_of(verifier.cbegin(), verifier.cend(), isUnreserved));
        QVERIFY(Pkce::isValidVerifier(verifier));
    }
}

void TestPkce::challengeMatchesRfc7636AppendixB()
{
    // RFC 7636 Appendix B: the verifier from the octets listed there, and its S256 challenge.
    const QByteArray verifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
    QCOMPARE(Pkce::challengeFor(verifier), QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
}

void TestPkce::challengeIsOfTheGeneratedVerifier()
{
    const Pkce pkce = Pkce::generate();
    QVERIFY(pkce.challenge() == Pkce::challengeFor(pkce.verifier()));
    // base64url of 32 bytes without padding.
    QCOMPARE(pkce.challenge().size(), 43);
    QVERIFY(isBase64Url(pkce.challenge()));
    QVERIFY(!pkce.challenge().contains('='));
}

void TestPkce::verifierValidity_data()
{
    QTest::addColumn<QByteArray>("verifier");
    QTest::addColumn<bool>("valid");
    QTest::newRow("42 characters") << QByteArray(42, 'a') << false;
    QTest::newRow("43 characters") << QByteArray(43, 'a') << true;
    QTest::newRow("128 characters") << QByteArray(128, '~') << true;
    QTest::newRow("129 characters") << QByteArray(129, 'a') << false;
    QTest::newRow("unreserved punctuation") << QByteArray("abc-._~").repeated(7) << true;
    QTest::newRow("plus") << (QByteArray(50, 'a') + '+') << false;
    QTest::newRow("slash") << (QByteArray(50, 'a') + '/') << false;
    QTest::newRow("equals") << (QByteArray(50, 'a') + '=') << false;
    QTest::newRow("space") << (QByteArray(50, 'a') + ' ') << false;
    QTest::newRow("non-ASCII") << (QByteArray(50, 'a') + "\xc3\xa9") << false;
}

void TestPkce::verifierValidity()
{
    QFETCH(QByteArray, verifier);
    QFETCH(bool, valid);
    QCOMPARE(Pkce::isValidVerifier(verifier), valid);
}

void TestPkce::drawsAreAllDifferent()
{
    QSet<QByteArray> verifiers;
    QSet<QByteArray> states;
    QSet<QByteArray> challenges;
    for (int i = 0; i < 100; ++i) {
        const Pkce pkce = Pkce::generate();
        verifiers.insert(pkce.verifier());
        states.insert(pkce.state());
        challenges.insert(pkce.challenge());
    }
    QCOMPARE(verifiers.size(), 100);
    QCOMPARE(states.size(), 100);
    QCOMPARE(challenges.size(), 100);
}

void TestPkce::stateHasAtLeast128Bits()
{
    const Pkce pkce = Pkce::generate();
    const QByteArray state = pkce.state();
    QVERIFY(isBase64Url(state));
    const QByteArray decoded = QByteArray::fromBase64(state, QByteArray::Base64UrlEncoding);
    QVERIFY(decoded.size() * 8 >= 128);
    QCOMPARE(decoded.size(), Pkce::StateBytes);

    // Every bit position takes both values over a few draws: no constant bytes in the state.
    QByteArray seenOnes(Pkce::StateBytes, '\0');
    QByteArray seenZeros(Pkce::StateBytes, '\0');
    for (int i = 0; i < 64; ++i) {
        const QByteArray bytes = QByteArray::fromBase64(Pkce::generate().state(), QByteArray::Base64UrlEncoding);
        for (qsizetype b = 0; b < bytes.size(); ++b) {
            seenOnes[b] = char(seenOnes.at(b) | bytes.at(b));
            seenZeros[b] = char(seenZeros.at(b) | ~bytes.at(b));
        }
    }
    QCOMPARE(seenOnes, QByteArray(Pkce::StateBytes, '\xff'));
    QCOMPARE(seenZeros, QByteArray(Pkce::StateBytes, '\xff'));
}

void TestPkce::stateMatchesOnlyItself()
{
    const Pkce pkce = Pkce::generate();
    QVERIFY(pkce.stateMatches(pkce.state()));
    QByteArray changed = pkce.state();
    changed[changed.size() - 1] = changed.at(changed.size() - 1) == 'A' ? 'B' : 'A';
    QVERIFY(!pkce.stateMatches(changed));
    QVERIFY(!pkce.stateMatches(pkce.state().left(10)));
    QVERIFY(!pkce.stateMatches(pkce.state() + 'x'));
    QVERIFY(!pkce.stateMatches(QByteArray()));
    QVERIFY(!Pkce().stateMatches(QByteArray()));
}

void TestPkce::wipeEmptiesEverything()
{
    Pkce pkce = Pkce::generate();
    QByteArray handedOut = pkce.verifier();
    const QByteArray original = handedOut;
    QVERIFY(!pkce.isEmpty());

    pkce.wipe();
    QVERIFY(pkce.isEmpty());
    QVERIFY(pkce.verifier().isEmpty());
    QVERIFY(pkce.challenge().isEmpty());
    QVERIFY(pkce.state().isEmpty());
    QVERIFY(!pkce.stateMatches(QByteArray()));
    // A copy handed out before stays intact; its owner wipes it.
    QVERIFY(handedOut == original);
    SecureMemory::wipe(handedOut);
    QVERIFY(handedOut.isEmpty());

    pkce.wipe(); // twice is harmless
    QVERIFY(pkce.isEmpty());
}

void TestPkce::moveLeavesSourceEmpty()
{
    Pkce source = Pkce::generate();
    const QByteArray verifier = source.verifier();
    Pkce moved = std::move(source);
    QVERIFY(moved.verifier() == verifier);
    QVERIFY(source.isEmpty()); // NOLINT(bugprone-use-after-move): its state after a move is part of the contract
    QVERIFY(source.state().isEmpty());

    Pkce other = Pkce::generate();
    other = std::move(moved);
    QVERIFY(other.verifier() == verifier);
    QVERIFY(moved.isEmpty()); // NOLINT(bugprone-use-after-move)
}

QTEST_GUILESS_MAIN(TestPkce)
#include "tst_pkce.moc"
