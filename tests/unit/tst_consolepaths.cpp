// The guided steps are every failure's fallback, so the Qlik Cloud pages they name must be the ones an admin sees
// today (https://qlik.dev/authenticate/api-key/generate-your-first-api-key/): roles are assigned under Manage users ›
// the user › Roles › Assign roles, and a user's keys are under Profile settings › API keys. Read from the sources of
// every sentence the wizard shows: src (without the simulator) and ui.
#include "SourceLines.h"

#include <QTest>

#include <algorithm>

namespace {

const QString projectDir = QStringLiteral(DQS_PROJECT_DIR);

struct Mention
{
    QString where;
    QString line;
};

QList<Mention> mentionsOf(const QString &phrase)
{
    QList<Mention> found;
    for (const QString &folder : {QStringLiteral("src"), QStringLiteral("ui")}) {
        Dawiso::Test::forEachSourceLine(
            projectDir + QLatin1Char('/') + folder,
            {QStringLiteral("*.cpp"), QStringLiteral("*.h"), QStringLiteral("*.ui")},
            [&](const QString &path, int number, const QString &line) {
                if (path.contains(QLatin1String("/src/simulator/")))
                    return; // the simulated tenant's own comments, never shown
                if (line.contains(phrase))
                    found.append(
                        {path.mid(projectDir.size() + 1) + QLatin1Char(':') + QString::number(number), line.trimmed()});
            });
    }
    return found;
}

} // namespace

class TestConsolePaths : public QObject
{
    Q_OBJECT

private slots:
    void noPageOfBefore_data();
    void noPageOfBefore();
    void theGuidedStepsNameTodaysPages();
};

void TestConsolePaths::noPageOfBefore_data()
{
    QTest::addColumn<QString>("phrase");
    // How the same pages were named before Qlik's Administration activity center and Profile settings.
    for (const char *phrase : {"Administration › Users", "Administration > Users", "Manage roles", "Profile › Settings",
                               "Profile > Settings"})
        QTest::newRow(phrase) << QString::fromUtf8(phrase);
}

void TestConsolePaths::noPageOfBefore()
{
    QFETCH(QString, phrase);
    QStringList places;
    for (const Mention &mention : mentionsOf(phrase))
        places << mention.where + QStringLiteral(": ") + mention.line;
    QVERIFY2(places.isEmpty(), qPrintable(places.join(QLatin1Char('\n'))));
    // The search itself reads the sources: today's name is found in both the code and the forms.
    const QList<Mention> today = mentionsOf(QStringLiteral("Profile settings › API keys"));
    QVERIFY(std::any_of(today.cbegin(), today.cend(), [](const Mention &m) { return m.where.startsWith(u"src/"); }));
    QVERIFY(std::any_of(today.cbegin(), today.cend(), [](const Mention &m) { return m.where.startsWith(u"ui/"); }));
}

void TestConsolePaths::theGuidedStepsNameTodaysPages()
{
    auto inForm = [](const QString &form, const QString &phrase) {
        for (const Mention &mention : mentionsOf(phrase)) {
            if (mention.where.startsWith(QStringLiteral("ui/") + form))
                return true;
        }
        return false;
    };
    QVERIFY(inForm(QStringLiteral("AccessPage.ui"), QStringLiteral("Administration › Manage users")));
    QVERIFY(inForm(QStringLiteral("AccessPage.ui"), QStringLiteral("Assign roles")));
    QVERIFY(inForm(QStringLiteral("KeyPage.ui"), QStringLiteral("Profile settings › API keys")));
}

QTEST_GUILESS_MAIN(TestConsolePaths)
#include "tst_consolepaths.moc"
