// "Add a reminder to my calendar" on the Finish page, on real widgets in a practice run: the click writes the
// reminder into the application's data folder (test mode, so never into the real home) and hands its file URL to the
// system. The calendar app is a receiver set with QDesktopServices::setUrlHandler("file", …), which openUrl() asks
// before the platform; without it the offscreen platform opens nothing, as a computer without a calendar app would.
#include "AppTranslations.h"
#include "FakeSecretStore.h"
#include "WizardDriver.h"
#include "WizardFixture.h"
#include "connections/CalendarReminder.h"
#include "reminders/CalendarReminderLauncher.h"
#include "simulator/cloud/QlikSimulator.h"

#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>
#include <QUrl>

using namespace Dawiso;

// Stands in for the calendar app: QDesktopServices hands it the files the wizard opens.
class CalendarCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> urls;

public slots:
    void open(const QUrl &url) { urls << url; }
};

class TestFinishPageReminder : public QObject, protected Test::WizardFixture<FakeSecretStore>
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void theButtonPutsTheReminderInTheCalendar();
    void withoutACalendarAppTheFileIsNamed();
    void theLauncherSaysWhyThereIsNoFile();

private:
    void walkToFinish();
    QByteArray m_key;
};

void TestFinishPageReminder::initTestCase()
{
    AppTranslations::install(*QCoreApplication::instance());
    QStandardPaths::setTestModeEnabled(true);
}

void TestFinishPageReminder::init()
{
    QVERIFY(QDir(CalendarReminderLauncher::directory()).removeRecursively());
    createWizard();
    QVERIFY(m_wizard->startPracticeRun());
    QVERIFY(showWizard());
}

void TestFinishPageReminder::cleanup()
{
    destroyWizard();
    QDir(CalendarReminderLauncher::directory()).removeRecursively();
}

void TestFinishPageReminder::walkToFinish()
{
    m_key = m_practice->simulator()->sampleToken(Simulator::SampleKey::Healthy);
    QVERIFY(m_driver->walkTo(DeploymentKind::QlikCloud, SetupWizard::FinishPageId, {}, m_key));
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::FinishPageId));
}

void TestFinishPageReminder::theButtonPutsTheReminderInTheCalendar()
{
    walkToFinish();
    const SavedConnection saved = m_controller->savedConnection();
    QVERIFY(saved.keyExpiry.isValid());
    auto *button = m_driver->find<QPushButton>("reminderButton");
    QVERIFY(button->isVisible());
    QVERIFY(button->isEnabled());
    QVERIFY(!button->toolTip().isEmpty());
    // The sentence under the expiry date points at the button.
    QVERIFY(m_driver->find<QLabel>("expiryLabel")->text().contains(QLatin1String("with the button below")));

    CalendarCatcher calendar;
    QDesktopServices::setUrlHandler(QStringLiteral("file"), &calendar, "open");
    QTest::mouseClick(button, Qt::LeftButton);
    QDesktopServices::unsetUrlHandler(QStringLiteral("file"));

    // One file opened: the reminder, in the test's own data folder.
    QCOMPARE(calendar.urls.size(), 1);
    const QUrl opened = calendar.urls.first();
    QVERIFY(opened.isLocalFile());
    const QString dataFolder = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    QVERIFY2(dataFolder.contains(QLatin1String(".qttest")), qPrintable(dataFolder));
    QCOMPARE(opened.toLocalFile(),
             QDir(dataFolder).filePath(QStringLiteral("reminders/") + CalendarReminder::fileName(saved)));
    QFile file(opened.toLocalFile());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();

    // It parses as one event 14 days before the expiry, 09:00 local time, for this host, with an alarm.
    QVERIFY(content.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    QVERIFY(content.endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n"));
    QByteArray joined = content;
    joined.replace("\r\n ", "");
    const QList<QByteArray> lines = joined.split('\n');
    auto valueOf = [&lines](const QByteArray &name) {
        for (const QByteArray &line : lines) {
            if (line.startsWith(QByteArray(name + ':')))
                return line.mid(name.size() + 1).trimmed();
        }
        return QByteArray();
    };
    const QString host = m_practice->simulator()->hostAndPort();
    QCOMPARE(valueOf("SUMMARY"), QByteArray("Renew Dawiso's Qlik key for " + host.toUtf8()));
    const QDateTime start(saved.keyExpiry.toLocalTime().date().addDays(-14), QTime(9, 0), Qt::LocalTime);
    QCOMPARE(valueOf("DTSTART"), start.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1());
    QCOMPARE(valueOf("ACTION"), QByteArray("DISPLAY"));
    QVERIFY(valueOf("DESCRIPTION").contains("choose Rotate"));
    QVERIFY2(!content.contains(m_key.left(24)) && !content.contains("eyJ"), "the reminder must never hold the key");

    // The page says so, and where the file is.
    QCOMPARE(m_driver->panel()->kind(), MessagePanel::Kind::Success);
    QVERIFY(m_driver->panel()->message().contains(QLatin1String("calendar app")));
    QVERIFY2(m_driver->panel()->advice().contains(QDir::toNativeSeparators(opened.toLocalFile()).toHtmlEscaped()),
             qPrintable(m_driver->panel()->advice()));
    m_driver->screenshot(QStringLiteral("finish-reminder"));
}

void TestFinishPageReminder::withoutACalendarAppTheFileIsNamed()
{
    if (QGuiApplication::platformName() != QLatin1String("offscreen"))
        QSKIP("Only the offscreen platform is sure to have no app for the file.");
    walkToFinish();
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("does not support .*openDocument")));
    QTest::mouseClick(m_driver->find<QPushButton>("reminderButton"), Qt::LeftButton);
    const QString path = QDir(CalendarReminderLauncher::directory())
                             .filePath(CalendarReminder::fileName(m_controller->savedConnection()));
    QVERIFY(QFile::exists(path));
    QCOMPARE(m_driver->panel()->kind(), MessagePanel::Kind::Warning);
    QVERIFY(m_driver->panel()->message().contains(QLatin1String("No calendar app")));
    QVERIFY2(m_driver->panel()->advice().contains(QDir::toNativeSeparators(path).toHtmlEscaped()),
             qPrintable(m_driver->panel()->advice()));
    QVERIFY(m_driver->panel()->advice().contains(QLatin1String("by hand")));
    m_driver->screenshot(QStringLiteral("finish-reminder-no-calendar"));
}

void TestFinishPageReminder::theLauncherSaysWhyThereIsNoFile()
{
    SavedConnection connection;
    connection.hostAndPort = QStringLiteral("acme.eu.qlikcloud.com");
    CalendarCatcher calendar;
    QDesktopServices::setUrlHandler(QStringLiteral("file"), &calendar, "open");

    // No expiry, no date: nothing written, nothing opened.
    CalendarReminderLauncher::Outcome outcome = CalendarReminderLauncher::launch(connection);
    QCOMPARE(outcome.result, CalendarReminderLauncher::Result::NotWritten);
    QCOMPARE(outcome.kind, MessagePanel::Kind::Error);
    QVERIFY(outcome.filePath.isEmpty());
    QCOMPARE(outcome.said.advice, CalendarReminder::unavailableReason(DeploymentKind::QlikCloud).toHtmlEscaped());

    // A file where the reminders' folder should be: the folder cannot be made.
    connection.keyExpiry = QDateTime::currentDateTimeUtc().addDays(60);
    QVERIFY(QDir().mkpath(QFileInfo(CalendarReminderLauncher::directory()).path()));
    QFile blocker(CalendarReminderLauncher::directory());
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    outcome = CalendarReminderLauncher::launch(connection);
    QCOMPARE(outcome.result, CalendarReminderLauncher::Result::NotWritten);
    QCOMPARE(outcome.kind, MessagePanel::Kind::Error);
    QVERIFY(outcome.said.message.contains(QLatin1String("could not be saved")));
    QVERIFY2(outcome.said.advice.contains(QLatin1String("try again")), qPrintable(outcome.said.advice));
    QVERIFY(blocker.remove());

    // Once the folder can be made: written and opened.
    outcome = CalendarReminderLauncher::launch(connection);
    QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
    QCOMPARE(outcome.result, CalendarReminderLauncher::Result::Opened);
    QVERIFY(QFile::exists(outcome.filePath));
    QCOMPARE(calendar.urls, QList<QUrl> {QUrl::fromLocalFile(outcome.filePath)});
}

QTEST_MAIN(TestFinishPageReminder)
#include "tst_finishpagereminder.moc"
