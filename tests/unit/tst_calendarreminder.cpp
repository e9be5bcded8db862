// The calendar reminder of a saved connection as RFC 5545 wants it: the exact lines, CRLF, TEXT escaping, folding at
// 75 octets that never splits a UTF-8 sequence, a stable UID, the date 14 days before the expiry at 09:00 local time
// (or the next day when that is past), none without an expiry, and never a secret. The test runs in Europe/Prague
// (see CMakeLists.txt) so that local time is not UTC and a daylight saving change lies between some dates.
#include "connections/CalendarReminder.h"

#include <QDir>
#include <QFile>
#include <QLocale>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTest>

using namespace Dawiso;

namespace {

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC();
}

SavedConnection cloudConnection()
{
    SavedConnection connection;
    connection.kind = DeploymentKind::QlikCloud;
    connection.hostAndPort = QStringLiteral("acme.eu.qlikcloud.com");
    connection.userName = QStringLiteral("Dawiso Integration");
    connection.userId = QStringLiteral("64f0c4a1e3b2");
    connection.keyId = QStringLiteral("k-1");
    connection.keyExpiry = utc("2027-03-12T14:00:00Z");
    connection.savedAt = utc("2026-12-07T15:00:00Z");
    return connection;
}

SavedConnection enterpriseConnection()
{
    SavedConnection connection;
    connection.kind = DeploymentKind::QlikSenseEnterprise;
    connection.hostAndPort = QStringLiteral("qlik.corp.example:4242");
    connection.userName = QStringLiteral("CORP\\svc-dawiso");
    connection.keyId = QStringLiteral("0b6f1c2e-jti");
    connection.keyExpiry = utc("2027-03-12T14:00:00Z");
    connection.virtualProxyPrefix = QStringLiteral("dawiso");
    return connection;
}

const QDateTime now = utc("2026-12-07T15:00:00Z");

// The logical lines: continuation lines (CRLF then one space) joined, split at CRLF.
QList<QByteArray> unfolded(const QByteArray &ics)
{
    QByteArray joined = ics;
    joined.replace("\r\n ", "");
    QList<QByteArray> lines = joined.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    for (QByteArray &line : lines)
        line.chop(1); // the CR (crlfOnly() checks every line has one)
    return lines;
}

// The value of the first line named name inside the given component ("VEVENT" or "VALARM").
QByteArray valueIn(const QByteArray &ics, const QByteArray &component, const QByteArray &name)
{
    bool inside = false;
    for (const QByteArray &line : unfolded(ics)) {
        if (line == QByteArray("BEGIN:" + component))
            inside = true;
        else if (line == QByteArray("END:" + component))
            inside = false;
        else if (inside && line.startsWith(QByteArray(name + ':')))
            return line.mid(name.size() + 1);
    }
    return {};
}

QByteArray stamp(const QDateTime &moment)
{
    return moment.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

} // namespace

class TestCalendarReminder : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void exactLines();
    void crlfOnly();
    void longLinesAreFoldedAt75Octets();
    void foldingKeepsUtf8SequencesWhole_data();
    void foldingKeepsUtf8SequencesWhole();
    void foldedCalendarIsValidUtf8();
    void textIsEscaped();
    void reminderIs14DaysBeforeAtNineLocal_data();
    void reminderIs14DaysBeforeAtNineLocal();
    void tooLateForTwoWeeksMeansTheNextDay_data();
    void tooLateForTwoWeeksMeansTheNextDay();
    void unknownExpiryMeansNoReminder();
    void enterpriseSpeaksOfAToken();
    void uidIsStableForOneConnectionAndExpiry();
    void fileNameAndWrite();
    void writeFailureSaysWhatToDo();
    void noSecretInTheReminder();
};

void TestCalendarReminder::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    // The zone the test relies on: CET in winter, CEST in summer.
    QCOMPARE(QDateTime(QDate(2027, 1, 10), QTime(12, 0), Qt::LocalTime).offsetFromUtc(), 3600);
    QCOMPARE(QDateTime(QDate(2027, 7, 10), QTime(12, 0), Qt::LocalTime).offsetFromUtc(), 7200);
}

void TestCalendarReminder::exactLines()
{
    const QByteArray ics = CalendarReminder::toICalendar(cloudConnection(), now);
    QList<QByteArray> lines = unfolded(ics);
    QCOMPARE(lines.size(), 20);
    const QByteArray uid = lines.at(6);
    static const QRegularExpression uidLine(QStringLiteral("^UID:[0-9a-f]{32}@dawiso-qlik-setup$"));
    QVERIFY2(uidLine.match(QString::fromLatin1(uid)).hasMatch(), uid.constData());
    const QList<QByteArray> expected {
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Dawiso//Dawiso Qlik Setup " DQS_VERSION "//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        uid,
        "DTSTAMP:20261207T150000Z",
        // 26 February 2027, 09:00 in Prague (CET)
        "DTSTART:20270226T080000Z",
        "DTEND:20270226T083000Z",
        "SUMMARY:Renew Dawiso's Qlik key for acme.eu.qlikcloud.com",
        "DESCRIPTION:Dawiso stops reading Qlik on Friday\\, 12 March 2027\\, when its API key for the Qlik Cloud "
        "tenant acme.eu.qlikcloud.com expires.\\n\\nTo renew it: run Dawiso Qlik Setup again\\, open the saved "
        "connection for acme.eu.qlikcloud.com and choose Rotate\\, or run the wizard again for this tenant. Then "
        "enter the new key in Dawiso.\\n\\nUser: Dawiso Integration. Key id: k-1.",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "DESCRIPTION:Renew Dawiso's Qlik key for acme.eu.qlikcloud.com",
        "TRIGGER:PT0S",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    };
    for (int i = 0; i < expected.size(); ++i)
        QCOMPARE(lines.at(i), expected.at(i));
}

void TestCalendarReminder::crlfOnly()
{
    const QByteArray ics = CalendarReminder::toICalendar(cloudConnection(), now);
    QVERIFY(ics.endsWith("END:VCALENDAR\r\n"));
    QCOMPARE(ics.count('\n'), ics.count("\r\n"));
    QCOMPARE(ics.count('\r'), ics.count("\r\n"));
}

void TestCalendarReminder::longLinesAreFoldedAt75Octets()
{
    SavedConnection connection = cloudConnection();
    connection.hostAndPort = QStringLiteral("a-very-long-tenant-name-that-someone-chose-for-reasons.eu.qlikcloud.com");
    const QByteArray ics = CalendarReminder::toICalendar(connection, now);
    const QList<QByteArray> physical = ics.split('\n');
    int continuations = 0;
    for (QByteArray line : physical) {
        line.chop(1);
        QVERIFY2(line.size() <= 75, line.constData());
        if (line.startsWith(' '))
            ++continuations;
    }
    QVERIFY(continuations >= 6);
    // Unfolding gives the summary back whole.
    QCOMPARE(valueIn(ics, "VEVENT", "SUMMARY"),
             QByteArray("Renew Dawiso's Qlik key for "
                        "a-very-long-tenant-name-that-someone-chose-for-reasons.eu.qlikcloud.com"));
    // A line of exactly 75 octets stays as it is; one more octet folds.
    const QByteArray exact(75, 'x');
    QCOMPARE(CalendarReminder::foldLine(exact), QByteArray(exact + "\r\n"));
    QCOMPARE(CalendarReminder::foldLine(QByteArray(exact + 'y')), QByteArray(exact + "\r\n y\r\n"));
    // Continuation lines hold 74 octets after their space.
    const QByteArray longer(75 + 74 + 3, 'z');
    QCOMPARE(CalendarReminder::foldLine(longer),
             QByteArray(QByteArray(75, 'z') + "\r\n " + QByteArray(74, 'z') + "\r\n " + QByteArray(3, 'z') + "\r\n"));
}

void TestCalendarReminder::foldingKeepsUtf8SequencesWhole_data()
{
    QTest::addColumn<QString>("character");
    QTest::newRow("two octets") << QStringLiteral("é");
    QTest::newRow("three octets") << QStringLiteral("€");
    QTest::newRow("four octets") << QString::fromUtf8("\xF0\x9F\x93\x85"); // calendar emoji
}

void TestCalendarReminder::foldingKeepsUtf8SequencesWhole()
{
    QFETCH(QString, character);
    const QByteArray encoded = character.toUtf8();
    // The character starts at octet 74 (0-based), so a split at 75 octets would cut it.
    const QByteArray line = QByteArray(74, 'a') + encoded + QByteArray("bc");
    QCOMPARE(CalendarReminder::foldLine(line), QByteArray(QByteArray(74, 'a') + "\r\n " + encoded + "bc\r\n"));
    // Ending exactly at the boundary, it stays on the first line.
    const QByteArray fits = QByteArray(75 - encoded.size(), 'a') + encoded + "bc";
    QCOMPARE(CalendarReminder::foldLine(fits),
             QByteArray(QByteArray(75 - encoded.size(), 'a') + encoded + "\r\n bc\r\n"));
}

void TestCalendarReminder::foldedCalendarIsValidUtf8()
{
    SavedConnection connection = cloudConnection();
    connection.userName = QString(40, QChar(0x0159)); // ř, two octets each: the folds fall all over them
    const QByteArray ics = CalendarReminder::toICalendar(connection, now);
    for (QByteArray line : ics.split('\n')) {
        line.chop(1);
        QVERIFY(line.size() <= 75);
        QStringDecoder decoder(QStringDecoder::Utf8);
        const QString text = decoder(line);
        QVERIFY2(!decoder.hasError(), line.constData());
        Q_UNUSED(text);
    }
    QVERIFY(valueIn(ics, "VEVENT", "DESCRIPTION").contains(QString(40, QChar(0x0159)).toUtf8()));
}

void TestCalendarReminder::textIsEscaped()
{
    QCOMPARE(CalendarReminder::escapeText(QStringLiteral("a\\b;c,d\ne\r\nf\tg\x01h")),
             QStringLiteral("a\\\\b\\;c\\,d\\ne\\nf\tgh"));
    SavedConnection connection = cloudConnection();
    connection.userName = QStringLiteral("Smith, John; C:\\Admins\nsecond line");
    const QByteArray description = valueIn(CalendarReminder::toICalendar(connection, now), "VEVENT", "DESCRIPTION");
    QVERIFY2(description.contains("User: Smith\\, John\\; C:\\\\Admins\\nsecond line."), description.constData());
}

void TestCalendarReminder::reminderIs14DaysBeforeAtNineLocal_data()
{
    QTest::addColumn<QDateTime>("expiry");
    QTest::addColumn<QDateTime>("start");
    // Prague: CET (UTC+1) until 28 March 2027, CEST (UTC+2) after.
    QTest::newRow("winter") << utc("2027-03-12T14:00:00Z") << utc("2027-02-26T08:00:00Z");
    QTest::newRow("expiry in summer, reminder in winter") << utc("2027-04-05T10:00:00Z") << utc("2027-03-22T08:00:00Z");
    QTest::newRow("summer") << utc("2027-04-20T10:00:00Z") << utc("2027-04-06T07:00:00Z");
    // 23:30 UTC on 20 April is already 21 April in Prague: the local date counts.
    QTest::newRow("local date after UTC's") << utc("2027-04-20T23:30:00Z") << utc("2027-04-07T07:00:00Z");
}

void TestCalendarReminder::reminderIs14DaysBeforeAtNineLocal()
{
    QFETCH(QDateTime, expiry);
    QFETCH(QDateTime, start);
    SavedConnection connection = cloudConnection();
    connection.keyExpiry = expiry;
    QCOMPARE(CalendarReminder::reminderStart(connection, now), start);
    const QByteArray ics = CalendarReminder::toICalendar(connection, now);
    QCOMPARE(valueIn(ics, "VEVENT", "DTSTART"), stamp(start));
    QCOMPARE(valueIn(ics, "VEVENT", "DTEND"), stamp(start.addSecs(30 * 60)));
}

void TestCalendarReminder::tooLateForTwoWeeksMeansTheNextDay_data()
{
    QTest::addColumn<QDateTime>("checkedAt");
    QTest::addColumn<QDateTime>("expiry");
    QTest::addColumn<QDateTime>("start");
    // 7 December 2026, 16:00 in Prague.
    const QDateTime afternoon = utc("2026-12-07T15:00:00Z");
    QTest::newRow("expires in 3 days") << afternoon << utc("2026-12-10T12:00:00Z") << utc("2026-12-08T08:00:00Z");
    QTest::newRow("two weeks before was this morning")
        << afternoon << utc("2026-12-21T12:00:00Z") << utc("2026-12-08T08:00:00Z");
    QTest::newRow("already expired") << afternoon << utc("2026-12-01T12:00:00Z") << utc("2026-12-08T08:00:00Z");
    // 07:00 in Prague: 09:00 today is still ahead, so the reminder keeps its day.
    QTest::newRow("two weeks before is later today")
        << utc("2026-12-07T06:00:00Z") << utc("2026-12-21T12:00:00Z") << utc("2026-12-07T08:00:00Z");
    // 23:30 UTC is already the next day in Prague: the day after that.
    QTest::newRow("late evening UTC") << utc("2026-12-07T23:30:00Z") << utc("2026-12-10T12:00:00Z")
                                      << utc("2026-12-09T08:00:00Z");
}

void TestCalendarReminder::tooLateForTwoWeeksMeansTheNextDay()
{
    QFETCH(QDateTime, checkedAt);
    QFETCH(QDateTime, expiry);
    QFETCH(QDateTime, start);
    SavedConnection connection = cloudConnection();
    connection.keyExpiry = expiry;
    QCOMPARE(CalendarReminder::reminderStart(connection, checkedAt), start);
    QCOMPARE(valueIn(CalendarReminder::toICalendar(connection, checkedAt), "VEVENT", "DTSTART"), stamp(start));
}

void TestCalendarReminder::unknownExpiryMeansNoReminder()
{
    SavedConnection connection = cloudConnection();
    connection.keyExpiry = QDateTime();
    QVERIFY(!CalendarReminder::isPossible(connection));
    QVERIFY(!CalendarReminder::reminderStart(connection, now).isValid());
    QVERIFY(CalendarReminder::toICalendar(connection, now).isEmpty());
    QVERIFY(CalendarReminder::fileName(connection).isEmpty());
    QTemporaryDir dir;
    const CalendarReminder::WriteResult written = CalendarReminder::writeFile(connection, dir.path(), now);
    QVERIFY(!written.ok());
    QVERIFY(written.path.isEmpty());
    QCOMPARE(written.error, CalendarReminder::unavailableReason(DeploymentKind::QlikCloud));
    QVERIFY(written.error.contains(QLatin1String("did not say when this key expires")));
    QVERIFY(QDir(dir.path()).isEmpty());
    QVERIFY(CalendarReminder::isPossible(cloudConnection()));
}

void TestCalendarReminder::enterpriseSpeaksOfAToken()
{
    const QByteArray ics = CalendarReminder::toICalendar(enterpriseConnection(), now);
    QCOMPARE(valueIn(ics, "VEVENT", "SUMMARY"), QByteArray("Renew Dawiso's Qlik token for qlik.corp.example:4242"));
    QCOMPARE(valueIn(ics, "VALARM", "DESCRIPTION"), QByteArray("Renew Dawiso's Qlik token for qlik.corp.example:4242"));
    const QByteArray description = valueIn(ics, "VEVENT", "DESCRIPTION");
    QCOMPARE(
        description,
        QByteArray(
            "Dawiso stops reading Qlik on Friday\\, 12 March 2027\\, when its JWT token for the Qlik Sense "
            "Enterprise site qlik.corp.example:4242 expires.\\n\\nTo renew it: run Dawiso Qlik Setup again\\, open "
            "the saved connection for qlik.corp.example:4242 and choose Rotate\\, or run the wizard again for this "
            "site. Then enter the new token in Dawiso.\\n\\nUser: CORP\\\\svc-dawiso. Virtual proxy prefix: dawiso. "
            "Token id: 0b6f1c2e-jti."));
    QVERIFY(!ics.contains("API key"));
    QVERIFY(CalendarReminder::unavailableReason(DeploymentKind::QlikSenseEnterprise).contains(QLatin1String("token")));
}

void TestCalendarReminder::uidIsStableForOneConnectionAndExpiry()
{
    const SavedConnection connection = cloudConnection();
    const QString uid = CalendarReminder::uid(connection);
    QVERIFY(uid.endsWith(QLatin1String("@dawiso-qlik-setup")));
    // Later, and with the user renamed: still the same event.
    SavedConnection later = connection;
    later.userName = QStringLiteral("Renamed");
    later.savedAt = utc("2027-01-01T00:00:00Z");
    QCOMPARE(CalendarReminder::uid(later), uid);
    QCOMPARE(valueIn(CalendarReminder::toICalendar(connection, now), "VEVENT", "UID"),
             valueIn(CalendarReminder::toICalendar(later, utc("2027-01-02T10:00:00Z")), "VEVENT", "UID"));
    // Another key (another expiry), host or kind: another event.
    SavedConnection renewed = connection;
    renewed.keyExpiry = connection.keyExpiry.addDays(90);
    SavedConnection otherHost = connection;
    otherHost.hostAndPort = QStringLiteral("beta.eu.qlikcloud.com");
    SavedConnection otherKind = connection;
    otherKind.kind = DeploymentKind::QlikSenseEnterprise;
    for (const SavedConnection &other : {renewed, otherHost, otherKind})
        QVERIFY(CalendarReminder::uid(other) != uid);
}

void TestCalendarReminder::fileNameAndWrite()
{
    QCOMPARE(CalendarReminder::fileName(cloudConnection()),
             QStringLiteral("dawiso-qlik-acme.eu.qlikcloud.com-2027-03-12.ics"));
    QCOMPARE(CalendarReminder::fileName(enterpriseConnection()),
             QStringLiteral("dawiso-qlik-qlik.corp.example-4242-2027-03-12.ics"));
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("not/yet/there"));
    const CalendarReminder::WriteResult written = CalendarReminder::writeFile(enterpriseConnection(), folder, now);
    QVERIFY2(written.ok(), qPrintable(written.error));
    QCOMPARE(written.path, QDir(folder).filePath(QStringLiteral("dawiso-qlik-qlik.corp.example-4242-2027-03-12.ics")));
    QFile file(written.path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), CalendarReminder::toICalendar(enterpriseConnection(), now));
    // Written again (a second click): replaced, not duplicated.
    QVERIFY(CalendarReminder::writeFile(enterpriseConnection(), folder, now).ok());
    QCOMPARE(QDir(folder).entryList(QDir::Files).size(), 1);
}

void TestCalendarReminder::writeFailureSaysWhatToDo()
{
    QTemporaryDir dir;
    // A file where the folder should be.
    const QString blocker = dir.filePath(QStringLiteral("reminders"));
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const CalendarReminder::WriteResult written = CalendarReminder::writeFile(cloudConnection(), blocker, now);
    QVERIFY(!written.ok());
    QVERIFY(written.path.isEmpty());
    QVERIFY2(written.error.contains(QDir::toNativeSeparators(blocker)), qPrintable(written.error));
    QVERIFY2(written.error.contains(QLatin1String("try again")), qPrintable(written.error));
}

void TestCalendarReminder::noSecretInTheReminder()
{
    // A SavedConnection has no field for the key; whatever it holds must not produce anything shaped like a JWT.
    static const QRegularExpression jwtShaped(QStringLiteral("[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]+"));
    for (const SavedConnection &connection : {cloudConnection(), enterpriseConnection()}) {
        const QByteArray ics = CalendarReminder::toICalendar(connection, now);
        QVERIFY(!ics.isEmpty());
        QVERIFY(!ics.contains("eyJ"));
        QVERIFY(!jwtShaped.match(QString::fromUtf8(ics)).hasMatch());
        QVERIFY(!ics.contains("Bearer"));
    }
}

QTEST_GUILESS_MAIN(TestCalendarReminder)
#include "tst_calendarreminder.moc"
