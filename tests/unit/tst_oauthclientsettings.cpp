// The remembered OAuth client ids per tenant host and the redirect port: kept in QSettings, never a secret.
#include "oauth/AuthorizationRequest.h"
#include "oauth/OAuthClientSettings.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Dawiso;
using namespace Qt::StringLiterals;

class TestOAuthClientSettings : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void clientIdIsRememberedPerHost();
    void hostsAreNormalised_data();
    void hostsAreNormalised();
    void emptyIdForgetsTheHost();
    void survivesARestart();
    void redirectPortDefaultsAndChanges();
    void storesOnlyWhatItIsGiven();
    void redirectUriIsTheLoopbackLiteral();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    QString path() const { return m_dir->filePath(QStringLiteral("settings.ini")); }
};

void TestOAuthClientSettings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(path(), QSettings::IniFormat);
}

void TestOAuthClientSettings::cleanup()
{
    m_settings.reset();
    m_dir.reset();
}

void TestOAuthClientSettings::clientIdIsRememberedPerHost()
{
    OAuthClientSettings settings(m_settings.get());
    QVERIFY(settings.clientId(QStringLiteral("acme.eu.qlikcloud.com")).isEmpty());
    settings.setClientId(QStringLiteral("acme.eu.qlikcloud.com"), QStringLiteral("  0123456789abcdef  "));
    settings.setClientId(QStringLiteral("other.us.qlikcloud.com"), QStringLiteral("fedcba"));
    QCOMPARE(settings.clientId(QStringLiteral("acme.eu.qlikcloud.com")), QStringLiteral("0123456789abcdef"));
    QCOMPARE(settings.clientId(QStringLiteral("other.us.qlikcloud.com")), QStringLiteral("fedcba"));
    QCOMPARE(m_settings->value(QStringLiteral("OAuthClients/acme.eu.qlikcloud.com")).toString(),
             QStringLiteral("0123456789abcdef"));
}

void TestOAuthClientSettings::hostsAreNormalised_data()
{
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QString>("asked");
    QTest::newRow("case") << u"Acme.EU.QlikCloud.com"_s << u"acme.eu.qlikcloud.com"_s;
    QTest::newRow("spaces") << u" acme.eu.qlikcloud.com "_s << u"acme.eu.qlikcloud.com"_s;
    QTest::newRow("default port") << u"acme.eu.qlikcloud.com:443"_s << u"acme.eu.qlikcloud.com"_s;
    QTest::newRow("other port") << u"localhost:8443"_s << u"LOCALHOST:8443"_s;
}

void TestOAuthClientSettings::hostsAreNormalised()
{
    QFETCH(QString, stored);
    QFETCH(QString, asked);
    OAuthClientSettings settings(m_settings.get());
    settings.setClientId(stored, QStringLiteral("client-1"));
    QCOMPARE(settings.clientId(asked), QStringLiteral("client-1"));
}

void TestOAuthClientSettings::emptyIdForgetsTheHost()
{
    OAuthClientSettings settings(m_settings.get());
    settings.setClientId(QStringLiteral("acme.eu.qlikcloud.com"), QStringLiteral("client-1"));
    settings.setClientId(QStringLiteral("acme.eu.qlikcloud.com"), QStringLiteral("   "));
    QVERIFY(settings.clientId(QStringLiteral("acme.eu.qlikcloud.com")).isEmpty());
    settings.setClientId(QStringLiteral("acme.eu.qlikcloud.com"), QStringLiteral("client-2"));
    settings.forgetClientId(QStringLiteral("ACME.eu.qlikcloud.com"));
    QVERIFY(settings.clientId(QStringLiteral("acme.eu.qlikcloud.com")).isEmpty());
    QVERIFY(!m_settings->contains(QStringLiteral("OAuthClients/acme.eu.qlikcloud.com")));
    // No host, nothing stored.
    settings.setClientId(QString(), QStringLiteral("client-3"));
    m_settings->beginGroup(QStringLiteral("OAuthClients"));
    QVERIFY(m_settings->childKeys().isEmpty());
    m_settings->endGroup();
}

void TestOAuthClientSettings::survivesARestart()
{
    {
        OAuthClientSettings settings(m_settings.get());
        settings.setClientId(QStringLiteral("acme.eu.qlikcloud.com"), QStringLiteral("client-1"));
        settings.setRedirectPort(51000);
        m_settings->sync();
    }
    m_settings = std::make_unique<QSettings>(path(), QSettings::IniFormat);
    const OAuthClientSettings settings(m_settings.get());
    QCOMPARE(settings.clientId(QStringLiteral("acme.eu.qlikcloud.com")), QStringLiteral("client-1"));
    QCOMPARE(settings.redirectPort(), quint16(51000));
}

void TestOAuthClientSettings::redirectPortDefaultsAndChanges()
{
    OAuthClientSettings settings(m_settings.get());
    QCOMPARE(settings.redirectPort(), AuthorizationRequest::DefaultRedirectPort);
    QCOMPARE(settings.redirectPort(), quint16(47824));
    settings.setRedirectPort(47900);
    QCOMPARE(settings.redirectPort(), quint16(47900));
    settings.setRedirectPort(0);
    QCOMPARE(settings.redirectPort(), quint16(47824));
    m_settings->setValue(QStringLiteral("OAuth/RedirectPort"), QStringLiteral("not a port"));
    QCOMPARE(settings.redirectPort(), quint16(47824));
    m_settings->setValue(QStringLiteral("OAuth/RedirectPort"), 70000);
    QCOMPARE(settings.redirectPort(), quint16(47824));
}

void TestOAuthClientSettings::storesOnlyWhatItIsGiven()
{
    OAuthClientSettings settings(m_settings.get());
    settings.setClientId(QStringLiteral("acme.eu.qlikcloud.com"), QStringLiteral("client-1"));
    settings.setRedirectPort(47900);
    m_settings->sync();
    QFile file(path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray contents = file.readAll();
    QVERIFY(contents.contains("client-1"));
    QVERIFY(!contents.contains("secret"));
    QVERIFY(!contents.contains("token"));
    QCOMPARE(m_settings->allKeys().size(), 2);
}

void TestOAuthClientSettings::redirectUriIsTheLoopbackLiteral()
{
    AuthorizationRequest request;
    QCOMPARE(request.redirectUri().toString(), QStringLiteral("http://127.0.0.1:47824/callback"));
    request.redirectPath = QStringLiteral("oauth/done");
    QCOMPARE(request.redirectUri(51000).toString(), QStringLiteral("http://127.0.0.1:51000/oauth/done"));
}

QTEST_GUILESS_MAIN(TestOAuthClientSettings)
#include "tst_oauthclientsettings.moc"
