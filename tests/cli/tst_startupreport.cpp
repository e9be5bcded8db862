// The start-up probe that the start-up and memory benchmarks read (tests/bench, scripts/bench), in the real
// executable: it reports the first painted frame, and that frame loaded no image decoder.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <ctime>

class TestStartupReport : public QObject
{
    Q_OBJECT

private slots:
    void reportsTheFirstFrame_data();
    void reportsTheFirstFrame();

private:
    QProcessEnvironment environment(const QTemporaryDir &home) const;
};

QProcessEnvironment TestStartupReport::environment(const QTemporaryDir &home) const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("DQS_QUIT_AFTER_FIRST_PAINT"), QStringLiteral("1"));
    return environment;
}

void TestStartupReport::reportsTheFirstFrame_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("launchTimeGiven");
    QTest::newRow("guided") << QStringList() << false;
    QTest::newRow("practice run") << QStringList {QStringLiteral("--demo")} << false;
    QTest::newRow("guided, launch time given") << QStringList() << true;
}

void TestStartupReport::reportsTheFirstFrame()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, launchTimeGiven);
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString reportPath = home.filePath(QStringLiteral("report.json"));
    QProcessEnvironment env = environment(home);
    env.insert(QStringLiteral("DQS_STARTUP_REPORT"), reportPath);

#ifdef Q_OS_LINUX
    if (launchTimeGiven) {
        timespec now {};
        clock_gettime(CLOCK_BOOTTIME, &now);
        env.insert(QStringLiteral("DQS_STARTUP_LAUNCHED_NS"),
                   QString::number(qlonglong(now.tv_sec) * 1'000'000'000 + now.tv_nsec));
    }
#else
    if (launchTimeGiven)
        QSKIP("A launch time is read on Linux only.");
#endif
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(DQS_EXECUTABLE_PATH), arguments);
    QVERIFY2(process.waitForFinished(60000), "the wizard did not quit after its first frame");
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);

    QFile file(reportPath);
    QVERIFY2(file.open(QIODevice::ReadOnly), "no start-up report was written");
    const QJsonObject report = QJsonDocument::fromJson(file.readAll()).object();
    QVERIFY(report.value(QLatin1String("painted")).toBool());
    const double fromMain = report.value(QLatin1String("firstFrameFromMainMs")).toDouble();
    const double firstFrame = report.value(QLatin1String("firstFrameMs")).toDouble();
    QVERIFY2(fromMain > 0, qPrintable(QString::number(fromMain)));
    QVERIFY2(firstFrame > 0, qPrintable(QString::number(firstFrame)));
    QVERIFY(report.value(QLatin1String("peakRssKiB")).toDouble() > 1024);
#ifdef Q_OS_LINUX
    QCOMPARE(report.value(QLatin1String("clock")).toString(),
             launchTimeGiven ? QStringLiteral("launch") : QStringLiteral("process"));
    // Either clock starts before main() does; the kernel's start time may be short by half a clock tick of rounding.
    const double tolerance = launchTimeGiven ? 0 : 5;
    QVERIFY2(firstFrame + tolerance >= fromMain, qPrintable(QStringLiteral("%1 < %2").arg(firstFrame).arg(fromMain)));
    // The first frame decodes no image: the logo and the practice icon are compiled-in pixels (PixelIcon) and
    // command links get no default icon (AppStyle). Decoding any image would load these plugins first.
    const QJsonArray plugins = report.value(QLatin1String("plugins")).toArray();
    QVERIFY2(!plugins.isEmpty(), "the platform plugin should be listed");
    for (const QJsonValue &plugin : plugins) {
        const QString name = plugin.toString();
        QVERIFY2(!name.startsWith(QLatin1String("imageformats/")) && !name.startsWith(QLatin1String("iconengines/")),
                 qPrintable(name));
    }
#endif
}

QTEST_GUILESS_MAIN(TestStartupReport)
#include "tst_startupreport.moc"
