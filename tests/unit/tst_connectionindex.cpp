#include "secrets/ConnectionIndex.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Dawiso;

namespace {

SavedConnection connection(DeploymentKind kind, const QString &host, const QString &userName = QString())
{
    SavedConnection c;
    c.kind = kind;
    c.hostAndPort = host;
    c.userName = userName;
    c.userId = QStringLiteral("user-id-") + host;
    c.keyId = QStringLiteral("key-id-") + host;
    c.keyExpiry = QDateTime(QDate(2031, 5, 17), QTime(8, 30, 15, 250), Qt::UTC);
    c.savedAt = QDateTime(QDate(2030, 5, 17), QTime(9, 0, 0, 5), Qt::UTC);
    return c;
}

QStringList hostsOf(const QList<SavedConnection> &connections)
{
    QStringList hosts;
    for (const SavedConnection &c : connections)
        hosts.append(c.hostAndPort);
    return hosts;
}

} // namespace

class TestConnectionIndex : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void emptyIndex();
    void upsertThenFindKeepsEveryField();
    void upsertReplacesSameKindAndHost();
    void hostsCompareCaseInsensitively();
    void sameHostOtherKindIsSeparate();
    void sortedByHostThenKind();
    void removeTakesOnlyThatEntry();
    void removeOfMissingEntryChangesNothing();
    void persistsAcrossInstances();
    void virtualProxyPrefixIsKept();
    void lastCheckIsRecordedForThatConnectionOnly();
    void lastCheckSurvivesAnUpsertThatCarriesIt();
    void unknownLastCheckReadsAsNone();
    void missingDatesStayInvalidAndSavedAtDefaultsToNow();
    void emptyHostIsIgnored();
    void unreadableEntriesAreSkipped();
    void sizeClaimingMoreThanTheFileHoldsReadsWhatIsThere();
    void noSecretLikeKeyIsEverWritten();

private:
    std::unique_ptr<QSettings> openSettings() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
};

std::unique_ptr<QSettings> TestConnectionIndex::openSettings() const
{
    return std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("index.ini")), QSettings::IniFormat);
}

void TestConnectionIndex::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = openSettings();
}

void TestConnectionIndex::cleanup()
{
    m_settings.reset();
    m_dir.reset();
}

void TestConnectionIndex::emptyIndex()
{
    const ConnectionIndex index(m_settings.get());
    QVERIFY(index.connections().isEmpty());
    QVERIFY(!index.find(DeploymentKind::QlikCloud, QStringLiteral("acme.eu.qlikcloud.com")).has_value());
}

void TestConnectionIndex::upsertThenFindKeepsEveryField()
{
    ConnectionIndex index(m_settings.get());
    const SavedConnection saved =
        connection(DeploymentKind::QlikSenseEnterprise, QStringLiteral("qlik.corp.example:4242"),
                   QStringLiteral("Integration User"));
    index.upsert(saved);

    const std::optional<SavedConnection> found =
        index.find(DeploymentKind::QlikSenseEnterprise, QStringLiteral("qlik.corp.example:4242"));
    QVERIFY(found.has_value());
    QCOMPARE(found->kind, saved.kind);
    QCOMPARE(found->hostAndPort, saved.hostAndPort);
    QCOMPARE(found->userName, saved.userName);
    QCOMPARE(found->userId, saved.userId);
    QCOMPARE(found->keyId, saved.keyId);
    QCOMPARE(found->keyExpiry, saved.keyExpiry);
    QCOMPARE(found->savedAt, saved.savedAt);
    QCOMPARE(index.connections().size(), 1);
}

void TestConnectionIndex::lastCheckIsRecordedForThatConnectionOnly()
{
    ConnectionIndex index(m_settings.get());
    index.upsert(connection(DeploymentKind::QlikCloud, QStringLiteral("acme.eu.qlikcloud.com")));
    index.upsert(connection(DeploymentKind::QlikSenseEnterprise, QStringLiteral("acme.eu.qlikcloud.com")));
    const QDateTime checkedAt(QDate(2030, 6, 1), QTime(7, 45, 0), Qt::UTC);
    index.recordCheck(DeploymentKind::QlikCloud, QStringLiteral("ACME.eu.qlikcloud.com"),
                      SavedConnection::LastCheck::Blocked, checkedAt);
    // Not saved: nothing is added.
    index.recordCheck(DeploymentKind::QlikCloud, QStringLiteral("other.eu.qlikcloud.com"),
                      SavedConnection::LastCheck::Usable, checkedAt);

    const std::unique_ptr<QSettings> settings = openSettings();
    ConnectionIndex reread(settings.get());
    QCOMPARE(reread.connections().size(), 2);
    const auto cloud = reread.find(DeploymentKind::QlikCloud, QStringLiteral("acme.eu.qlikcloud.com"));
    QVERIFY(cloud);
    QCOMPARE(cloud->lastCheck, SavedConnection::LastCheck::Blocked);
    QCOMPARE(cloud->lastCheckedAt, checkedAt);
    QCOMPARE(cloud->keyId, QStringLiteral("key-id-acme.eu.qlikcloud.com"));
    const auto enterprise = reread.find(DeploymentKind::QlikSenseEnterprise, QStringLiteral("acme.eu.qlikcloud.com"));
    QVERIFY(enterprise);
    QCOMPARE(enterprise->lastCheck, SavedConnection::LastCheck::None);
    QVERIFY(!enterprise->lastCheckedAt.isValid());
}

void TestConnectionIndex::lastCheckSurvivesAnUpsertThatCarriesIt()
{
    ConnectionIndex index(m_settings.get());
    SavedConnection saved = connection(DeploymentKind::QlikCloud, QStringLiteral("acme.eu.qlikcloud.com"));
    saved.lastCheck = SavedConnection::LastCheck::Unreachable;
    saved.lastCheckedAt = QDateTime(QDate(2030, 6, 2), QTime(8, 0, 0), Qt::UTC);
    index.upsert(saved);
    const auto found = index.find(DeploymentKind::QlikCloud, QStringLiteral("acme.eu.qlikcloud.com"));
    QVERIFY(found);
    QCOMPARE(found->lastCheck, SavedConnection::LastCheck::Unreachable);
    QCOMPARE(found->lastCheckedAt, saved.lastCheckedAt);

    index.recordCheck(saved.kind, saved.hostAndPort, SavedConnection::LastCheck::None, saved.lastCheckedAt);
    const auto cleared = index.find(DeploymentKind::QlikCloud, QStringLiteral("acme.eu.qlikcloud.com"));
    QCOMPARE(cleared->lastCheck, SavedConnection::LastCheck::None);
    QVERIFY(!cleared->lastCheckedAt.isValid());
}

void TestConnectionIndex::unknownLastCheckReadsAsNone()
{
    QCOMPARE(ConnectionIndex::lastCheckFromId(QStringLiteral("splendid")), SavedConnection::LastCheck::None);
    for (const auto result : {SavedConnection::LastCheck::Usable, SavedConnection::LastCheck::Blocked,
                              SavedConnection::LastCheck::Unreachable})
        QCOMPARE(ConnectionIndex::lastCheckFromId(ConnectionIndex::lastCheckId(result)), result);
}

void TestConnectionIndex::upsertReplacesSameKindAndHost()
{
    ConnectionIndex index(m_settings.get());
    index.upsert(connection(DeploymentKind::QlikCloud, QStringLiteral("acme.eu.qlikcloud.com"), QStringLiteral("A")));
    index.upsert(connection(DeploymentKind::QlikCloud, QStringLiteral("other.eu.qlikcloud.com"), QStringLiteral("O")));
    SavedConnection rotated =
        connection(DeploymentKind::QlikCloud, QStringLiteral("acme.eu.qlikcloud.com"), QStringLiteral("B"));
    rotated.keyId = QStringLiteral("new-key-id");
    index.upsert(rotated);

    const QList<SavedConnection> all = index.connections();
    QCOMPARE(all.size(), 2);
    const auto found = index.find(DeploymentKind::QlikCloud, QStringLiteral("acme.eu.qlikcloud.com"));
    QVERIFY(found.has_value());
    QCOMPARE(found->userName, QStringLiteral("B"));
    QCOMPARE(found->keyId, QStringLiteral("new-key-id"));
    QCOMPARE(index.find(DeploymentKind::QlikCloud, QStringLiteral("other.eu.qlikcloud.com"))->userName,
             QStringLiteral("O"));
}

void TestConnectionIndex::hostsCompareCaseInsensitively()
{
    ConnectionIndex index(m_settings.get());
    index.upsert(connection(DeploymentKind::QlikCloud, QStringLiteral(" ACME.eu.QlikCloud.com ")));
    index.upsert(connection(DeploymentKind::QlikCloud, QStringLiteral("acme.eu.qlikcloud.com"), QStringLiteral("X")));

    QCOMPARE(hostsOf(index.connections()), QStringList {QStringLiteral("acme.eu.qlikcloud.com")});
    const auto found = index.find(DeploymentKind::QlikCloud, QStringLiteral("Acme.EU.qlikcloud.com"));
    QVERIFY(found.has_value());
    QCOMPARE(found->userName, QStringLiteral("X"));
    index.remove(DeploymentKind::QlikCloud, QStringLiteral("ACME.EU.QLIKCLOUD.COM"));
    QVERIFY(index.connections().isEmpty());
}

void TestConnectionIndex::sameHostOtherKindIsSeparate()
{
    ConnectionIndex index(m_settings.get());
    index.upsert(connection(DeploymentKind::QlikCloud, QStringLiteral("qlik.example.com"), QStringLiteral("cloud")));
    index.upsert(
        connection(DeploymentKind::QlikSenseEnterprise, QStringLiteral("qlik.example.com"), QStringLiteral("sense")));

    QCOMPARE(index.connections().size(), 2);
    QCOMPARE(index.find(DeploymentKind::QlikCloud, QStringLiteral("qlik.example.com"))->userName,
             QStringLiteral("cloud"));
    QCOMPARE(index.find(DeploymentKind::QlikSenseEnterprise, QStringLiteral("qlik.example.com"))->userName,
             QStringLiteral("sense"));
    index.remove(DeploymentKind::QlikCloud, QStringLiteral("qlik.example.com"));
    QVERIFY(!index.find(DeploymentKind::QlikCloud, QStringLiteral("qlik.example.com")).has_value());
    QVERIFY(index.find(DeploymentKind::QlikSenseEnterprise, QStringLiteral("qlik.example.com")).has_value());
}

void TestConnectionIndex::sortedByHostThenKind()
{
    ConnectionIndex index(m_settings.get());
    index.upsert(connection(DeploymentKind::QlikSenseEnterprise, QStringLiteral("m.example.com")));
    index.upsert(connection(DeploymentKind::QlikCloud, QStringLiteral("z.eu.qlikcloud.com")));
    index.upsert(connection(DeploymentKind::QlikCloud, QStringLiteral("a.eu.qlikcloud.com")));
    index.upsert(connection(DeploymentKind::QlikCloud, QStringLiteral("m.example.com")));

    const QList<SavedConnection> all = index.connections();
    QCOMPARE(hostsOf(all),
             (QStringList {QStringLiteral("a.eu.qlikcloud.com"), QStringLiteral("m.example.com"),
                           QStringLiteral("m.example.com"), QStringLiteral("z.eu.qlikcloud.com")}));
    QCOMPARE(all.at(1).kind, DeploymentKind::QlikCloud);
    QCOMPARE(all.at(2).kind, DeploymentKind::QlikSenseEnterprise);
}

void TestConnectionIndex::removeTakesOnlyThatEntry()
{
    ConnectionIndex index(m_settings.get());
    for (const char *host : {"one.example.com", "two.example.com", "three.example.com"})
        index.upsert(connection(DeploymentKind::QlikCloud, QString::fromLatin1(host)));
    index.remove(DeploymentKind::QlikCloud, QStringLiteral("two.example.com"));

    QCOMPARE(hostsOf(index.connections()),
             (QStringList {QStringLiteral("one.example.com"), QStringLiteral("three.example.com")}));
    // The rewritten array has no stale third element.
    QCOMPARE(m_settings->value(QStringLiteral("savedConnections/size")).toInt(), 2);
    QVERIFY(!m_settings->contains(QStringLiteral("savedConnections/3/host")));
}

void TestConnectionIndex::removeOfMissingEntryChangesNothing()
{
    ConnectionIndex index(m_settings.get());
    index.upsert(connection(DeploymentKind::QlikCloud, QStringLiteral("kept.example.com")));
    index.remove(DeploymentKind::QlikCloud, QStringLiteral("missing.example.com"));
    index.remove(DeploymentKind::QlikSenseEnterprise, QStringLiteral("kept.example.com"));
    QCOMPARE(hostsOf(index.connections()), QStringList {QStringLiteral("kept.example.com")});
}

void TestConnectionIndex::persistsAcrossInstances()
{
    {
        ConnectionIndex index(m_settings.get());
        index.upsert(connection(DeploymentKind::QlikCloud, QStringLiteral("b.eu.qlikcloud.com"), QStringLiteral("B")));
        index.upsert(
            connection(DeploymentKind::QlikSenseEnterprise, QStringLiteral("a.corp:4242"), QStringLiteral("A")));
    }
    m_settings.reset(); // written to disk by upsert already; a new QSettings reads the file afresh

    const auto reopened = openSettings();
    const ConnectionIndex index(reopened.get());
    const QList<SavedConnection> all = index.connections();
    QCOMPARE(hostsOf(all), (QStringList {QStringLiteral("a.corp:4242"), QStringLiteral("b.eu.qlikcloud.com")}));
    QCOMPARE(all.at(0).kind, DeploymentKind::QlikSenseEnterprise);
    QCOMPARE(all.at(0).userName, QStringLiteral("A"));
    QCOMPARE(all.at(1).keyExpiry, QDateTime(QDate(2031, 5, 17), QTime(8, 30, 15, 250), Qt::UTC));
}

void TestConnectionIndex::virtualProxyPrefixIsKept()
{
    SavedConnection enterprise =
        connection(DeploymentKind::QlikSenseEnterprise, QStringLiteral("qlikserver1.corp.example"));
    enterprise.userName = QStringLiteral("CORP\\svc_dawiso");
    enterprise.virtualProxyPrefix = QStringLiteral("dawiso");
    ConnectionIndex(m_settings.get()).upsert(enterprise);
    ConnectionIndex(m_settings.get())
        .upsert(connection(DeploymentKind::QlikCloud, QStringLiteral("acme.eu.qlikcloud.com")));

    const auto reopened = openSettings();
    const ConnectionIndex index(reopened.get());
    const auto found = index.find(DeploymentKind::QlikSenseEnterprise, QStringLiteral("QLIKSERVER1.corp.example"));
    QVERIFY(found);
    QCOMPARE(found->virtualProxyPrefix, QStringLiteral("dawiso"));
    QCOMPARE(found->userName, QStringLiteral("CORP\\svc_dawiso"));
    const auto cloud = index.find(DeploymentKind::QlikCloud, QStringLiteral("acme.eu.qlikcloud.com"));
    QVERIFY(cloud);
    QVERIFY(cloud->virtualProxyPrefix.isEmpty());
}

void TestConnectionIndex::missingDatesStayInvalidAndSavedAtDefaultsToNow()
{
    ConnectionIndex index(m_settings.get());
    SavedConnection c = connection(DeploymentKind::QlikCloud, QStringLiteral("dates.example.com"));
    c.keyExpiry = QDateTime();
    c.savedAt = QDateTime();
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    index.upsert(c);
    const QDateTime after = QDateTime::currentDateTimeUtc().addSecs(1);

    const auto found = index.find(DeploymentKind::QlikCloud, QStringLiteral("dates.example.com"));
    QVERIFY(found.has_value());
    QVERIFY(!found->keyExpiry.isValid());
    QVERIFY(found->savedAt.isValid());
    QVERIFY(found->savedAt >= before && found->savedAt <= after);
}

void TestConnectionIndex::emptyHostIsIgnored()
{
    ConnectionIndex index(m_settings.get());
    index.upsert(connection(DeploymentKind::QlikCloud, QStringLiteral("   ")));
    QVERIFY(index.connections().isEmpty());
    QVERIFY(m_settings->allKeys().isEmpty());
}

void TestConnectionIndex::unreadableEntriesAreSkipped()
{
    m_settings->beginWriteArray(QStringLiteral("savedConnections"), 3);
    m_settings->setArrayIndex(0);
    m_settings->setValue(QStringLiteral("kind"), QStringLiteral("qlik-view")); // unknown kind
    m_settings->setValue(QStringLiteral("host"), QStringLiteral("future.example.com"));
    m_settings->setArrayIndex(1);
    m_settings->setValue(QStringLiteral("kind"), QStringLiteral("qlik-cloud")); // no host
    m_settings->setArrayIndex(2);
    m_settings->setValue(QStringLiteral("kind"), QStringLiteral("qlik-cloud"));
    m_settings->setValue(QStringLiteral("host"), QStringLiteral("good.example.com"));
    m_settings->setValue(QStringLiteral("keyExpiry"), QStringLiteral("not a date"));
    m_settings->endArray();

    const ConnectionIndex index(m_settings.get());
    const QList<SavedConnection> all = index.connections();
    QCOMPARE(hostsOf(all), QStringList {QStringLiteral("good.example.com")});
    QVERIFY(!all.first().keyExpiry.isValid());
}

void TestConnectionIndex::sizeClaimingMoreThanTheFileHoldsReadsWhatIsThere()
{
    // A damaged or hand-edited file: two entries, one beyond the size, and a size of two billion.
    m_settings.reset();
    QFile file(m_dir->filePath(QStringLiteral("index.ini")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[savedConnections]\n"
               "1\\kind=qlik-cloud\n1\\host=first.example.com\n"
               "7\\kind=qlik-sense\n7\\host=seventh.example.com\n"
               "x\\kind=qlik-cloud\nx\\host=not-an-index.example.com\n"
               "size=2000000000\n");
    file.close();
    m_settings = openSettings();

    QElapsedTimer timer;
    timer.start();
    const QList<SavedConnection> all = ConnectionIndex(m_settings.get()).connections();
    QVERIFY2(timer.elapsed() < 5000, "reading the index must not walk the claimed size");
    QCOMPARE(hostsOf(all), (QStringList {QStringLiteral("first.example.com"), QStringLiteral("seventh.example.com")}));
}

void TestConnectionIndex::noSecretLikeKeyIsEverWritten()
{
    ConnectionIndex index(m_settings.get());
    index.upsert(connection(DeploymentKind::QlikCloud, QStringLiteral("a.eu.qlikcloud.com"), QStringLiteral("A")));
    index.upsert(connection(DeploymentKind::QlikSenseEnterprise, QStringLiteral("b.corp:4242"), QStringLiteral("B")));
    index.upsert(connection(DeploymentKind::QlikCloud, QStringLiteral("a.eu.qlikcloud.com"), QStringLiteral("A2")));
    index.remove(DeploymentKind::QlikSenseEnterprise, QStringLiteral("b.corp:4242"));
    index.upsert(connection(DeploymentKind::QlikCloud, QStringLiteral("c.eu.qlikcloud.com"), QStringLiteral("C")));
    m_settings->sync();

    static const QRegularExpression secretLike(
        QStringLiteral("token|secret|password|passwd|apikey|api_key|api-key|bearer|"
                       "authorization|credential|jwt|private"),
        QRegularExpression::CaseInsensitiveOption);
    const auto reopened = openSettings();
    const QStringList keys = reopened->allKeys();
    QVERIFY(!keys.isEmpty());
    for (const QString &key : keys)
        QVERIFY2(!secretLike.match(key).hasMatch(), qPrintable(key));

    // The same on the raw file, which also covers group names.
    QFile file(reopened->fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY(text.contains(QLatin1String("c.eu.qlikcloud.com")));
    QVERIFY2(!secretLike.match(text).hasMatch(), qPrintable(text));
}

QTEST_GUILESS_MAIN(TestConnectionIndex)
#include "tst_connectionindex.moc"
