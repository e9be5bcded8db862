// The small pieces every QRS request is made of: the xrfkey, the filter clause and the X-Qlik-User header; and the
// proxy's login pages, which a request may be sent to instead.
#include "qrs/QlikUserHeader.h"
#include "qrs/QrsFilter.h"
#include "qrs/SenseLoginPage.h"
#include "qrs/Xrfkey.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Dawiso;

class TestQrsBasics : public QObject
{
    Q_OBJECT

private slots:
    void xrfkeyHasSixteenAllowedCharacters();
    void xrfkeyIsFreshEachTime();
    void xrfkeyUsesTheWholeAlphabet();
    void xrfkeyWellFormedness_data();
    void xrfkeyWellFormedness();
    void filterJoinsClausesWithAnd();
    void filterDoublesSingleQuotes();
    void filterOfNothingIsEmpty();
    void searchFilterJoinsSubstringClausesWithOr();
    void userHeaderPercentEncodesBothParts_data();
    void userHeaderPercentEncodesBothParts();
    void loginPagesAndTheirVirtualProxy_data();
    void loginPagesAndTheirVirtualProxy();
};

void TestQrsBasics::xrfkeyHasSixteenAllowedCharacters()
{
    static const QRegularExpression allowed(QStringLiteral("^[0-9a-zA-Z]{16}$"));
    for (int i = 0; i < 200; ++i) {
        const QByteArray key = Xrfkey::generate();
        QVERIFY2(allowed.match(QString::fromLatin1(key)).hasMatch(), key.constData());
        QVERIFY(Xrfkey::isWellFormed(key));
    }
}

void TestQrsBasics::xrfkeyIsFreshEachTime()
{
    QSet<QByteArray> seen;
    for (int i = 0; i < 1000; ++i)
        seen.insert(Xrfkey::generate());
    QCOMPARE(seen.size(), 1000);
}

void TestQrsBasics::xrfkeyUsesTheWholeAlphabet()
{
    // 62 characters in 16000 draws: each should turn up; a generator stuck on digits or lowercase would not.
    QSet<char> characters;
    for (int i = 0; i < 1000; ++i) {
        const QByteArray key = Xrfkey::generate();
        for (const char character : key)
            characters.insert(character);
    }
    QCOMPARE(characters.size(), 62);
}

void TestQrsBasics::xrfkeyWellFormedness_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("wellFormed");
    QTest::newRow("Qlik's sample") << QByteArrayLiteral("abcdefghijklmnop") << true;
    QTest::newRow("mixed") << QByteArrayLiteral("0123456789abcDEF") << true;
    QTest::newRow("fifteen") << QByteArrayLiteral("0123456789abcde") << false;
    QTest::newRow("seventeen") << QByteArrayLiteral("0123456789abcdefg") << false;
    QTest::newRow("dash") << QByteArrayLiteral("0123456789abcde-") << false;
    QTest::newRow("empty") << QByteArray() << false;
}

void TestQrsBasics::xrfkeyWellFormedness()
{
    QFETCH(QByteArray, value);
    QFETCH(bool, wellFormed);
    QCOMPARE(Xrfkey::isWellFormed(value), wellFormed);
}

void TestQrsBasics::filterJoinsClausesWithAnd()
{
    QCOMPARE(QrsFilter::allEqual({{QStringLiteral("userId"), QStringLiteral("qlikadmin")},
                                  {QStringLiteral("userDirectory"), QStringLiteral("CORP")}}),
             QStringLiteral("userId eq 'qlikadmin' and userDirectory eq 'CORP'"));
    QCOMPARE(QrsFilter::allEqual({{QStringLiteral("prefix"), QStringLiteral("sso")}}),
             QStringLiteral("prefix eq 'sso'"));
}

void TestQrsBasics::filterDoublesSingleQuotes()
{
    QCOMPARE(QrsFilter::allEqual({{QStringLiteral("name"), QStringLiteral("O'Brien's app")}}),
             QStringLiteral("name eq 'O''Brien''s app'"));
    // A value cannot end its clause and add one of its own.
    QCOMPARE(QrsFilter::allEqual({{QStringLiteral("userId"), QStringLiteral("x' or userId eq 'y")}}),
             QStringLiteral("userId eq 'x'' or userId eq ''y'"));
}

void TestQrsBasics::filterOfNothingIsEmpty()
{
    QCOMPARE(QrsFilter::allEqual({}), QString());
}

void TestQrsBasics::searchFilterJoinsSubstringClausesWithOr()
{
    QCOMPARE(QrsFilter::anyContains({QStringLiteral("userId"), QStringLiteral("name")}, QStringLiteral("d'a")),
             QStringLiteral("userId so 'd''a' or name so 'd''a'"));
    QCOMPARE(QrsFilter::query(QStringLiteral("prefix eq 'dawiso'")).queryItemValue(QStringLiteral("filter")),
             QStringLiteral("prefix eq 'dawiso'"));
}

void TestQrsBasics::userHeaderPercentEncodesBothParts_data()
{
    QTest::addColumn<QString>("directory");
    QTest::addColumn<QString>("userId");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << QStringLiteral("INTERNAL") << QStringLiteral("sa_repository")
                           << QByteArrayLiteral("UserDirectory=INTERNAL; UserId=sa_repository");
    QTest::newRow("separators") << QStringLiteral("CORP; UserId=root") << QStringLiteral("a b=c")
                                << QByteArrayLiteral("UserDirectory=CORP%3B%20UserId%3Droot; UserId=a%20b%3Dc");
    QTest::newRow("UTF-8") << QStringLiteral("CORP") << QStringLiteral("jürgen")
                           << QByteArrayLiteral("UserDirectory=CORP; UserId=j%C3%BCrgen");
    QTest::newRow("backslash and percent")
        << QStringLiteral("A\\B") << QStringLiteral("100%") << QByteArrayLiteral("UserDirectory=A%5CB; UserId=100%25");
}

void TestQrsBasics::userHeaderPercentEncodesBothParts()
{
    QFETCH(QString, directory);
    QFETCH(QString, userId);
    QFETCH(QByteArray, expected);
    QCOMPARE(QlikUserHeader::value(directory, userId), expected);
    QCOMPARE(QByteArray(QlikUserHeader::name), QByteArrayLiteral("X-Qlik-User"));
}

void TestQrsBasics::loginPagesAndTheirVirtualProxy_data()
{
    using Kind = SenseLoginPage::Kind;
    QTest::addColumn<QString>("url");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("prefix");
    QTest::newRow("forms") << "https://q.example/internal_forms_authentication/?targetId=1" << Kind::Forms << "";
    QTest::newRow("windows, sso") << "https://q.example/sso/internal_windows_authentication/" << Kind::Windows << "sso";
    QTest::newRow("case") << "https://q.example/SSO/Internal_Forms_Authentication" << Kind::Forms << "sso";
    QTest::newRow("hub") << "https://q.example/sso/hub/" << Kind::None << "";
    QTest::newRow("only a part of a segment")
        << "https://q.example/x_internal_forms_authentication" << Kind::None << "";
}

void TestQrsBasics::loginPagesAndTheirVirtualProxy()
{
    QFETCH(QString, url);
    QFETCH(SenseLoginPage::Kind, kind);
    QFETCH(QString, prefix);
    QCOMPARE(SenseLoginPage::kindOf(QUrl(url)), kind);
    QCOMPARE(SenseLoginPage::prefixOf(QUrl(url)), prefix);
}

QTEST_GUILESS_MAIN(TestQrsBasics)
#include "tst_qrsbasics.moc"
