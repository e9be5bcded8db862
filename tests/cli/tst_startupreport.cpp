// The start-up probe that the start-up and memory benchmarks read (tests/bench, scripts/bench), in the real
// executable: it reports the first painted frame, and that frame loaded no image decoder. Up to that frame no
// libcrypto is loaded either: only the practice and signing plugins link it, and they are loaded when needed.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <ctime>

class TestStartupReport : public QObject
{
    Q_OBJECT

private slots:
    void reportsTheFirstFrame_data();
    void reportsTheFirstFrame();
    void loadsNoLibcrypto_data();
    void loadsNoLibcrypto();

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

void TestStartupReport::loadsNoLibcrypto_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("guided") << QStringList();
    QTest::newRow("practice run") << QStringList {QStringLiteral("--demo")};
}

void TestStartupReport::loadsNoLibcrypto()
{
#ifndef Q_OS_LINUX
    QSKIP("The dynamic loader's list of what it loads (LD_DEBUG) is read on Linux only.");
#else
    QFETCH(QStringList, arguments);
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcessEnvironment env = environment(home);
    env.insert(QStringLiteral("DQS_STARTUP_REPORT"), home.filePath(QStringLiteral("report.json")));
    // glibc's loader names every library it loads on standard error, those loaded with dlopen included.
    env.insert(QStringLiteral("LD_DEBUG"), QStringLiteral("files"));
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(DQS_EXECUTABLE_PATH), arguments);
    QVERIFY2(process.waitForFinished(60000), "the wizard did not quit after its first frame");
    QCOMPARE(process.exitCode(), 0);
    const QList<QByteArray> loaded = [&] {
        QList<QByteArray> files;
        const QList<QByteArray> lines = process.readAllStandardError().split('\n');
        for (const QByteArray &line : lines) {
            const qsizetype at = line.indexOf("file=");
            if (at >= 0)
                files << line.mid(at + 5, line.indexOf(' ', at) - at - 5);
        }
        return files;
    }();
    // The list is real: it names the widgets library and the platform plugin loaded with dlopen.
    const auto named = [&](const QByteArray &part) {
        return std::any_of(loaded.cbegin(), loaded.cend(), [&](const QByteArray &file) { return file.contains(part); });
    };
    QVERIFY(named("libQt6Widgets.so"));
    QVERIFY(named("platforms/libqoffscreen.so"));
    for (const QByteArray &file : loaded)
        QVERIFY2(!file.contains("libcrypto.so") && !file.contains("libssl.so"), file.constData());
#endif
}

QTEST_GUILESS_MAIN(TestStartupReport)
#include "tst_startupreport.moc"
