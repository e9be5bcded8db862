// The layering the README's "How it is built" promises, read from the sources themselves: the folders of src/core
// depend on each other without a cycle, src/core uses no Widgets, and src/gui does no network or keychain I/O of its
// own (it goes through core).
#include "SourceLines.h"

#include <QDir>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace {

const QString sourceDir = QStringLiteral(DQS_SOURCE_DIR);

struct Include
{
    QString file; // relative to src/
    int line = 0;
    QString target; // as written between the quotes or angle brackets
};

QList<Include> includesUnder(const QString &folder)
{
    static const QRegularExpression include(QStringLiteral("^\\s*#\\s*include\\s*[<\"]([^>\"]+)[>\"]"));
    QList<Include> found;
    const QDir src(sourceDir);
    Dawiso::Test::forEachSourceLine(src.filePath(folder), {QStringLiteral("*.h"), QStringLiteral("*.cpp")},
                                    [&](const QString &path, int number, const QString &line) {
                                        const QRegularExpressionMatch match = include.match(line);
                                        if (match.hasMatch())
                                            found.append({src.relativeFilePath(path), number, match.captured(1)});
                                    });
    return found;
}

// The folder of src/core a file or include target is in ("qlik" of "core/qlik/QlikUser.h" or "qlik/QlikUser.h").
QString coreFolderOf(const QString &path)
{
    const QStringList parts = path.split(QLatin1Char('/'));
    if (parts.size() >= 3 && parts.first() == QLatin1String("core"))
        return parts.at(1);
    return parts.size() >= 2 ? parts.first() : QString();
}

// A cycle through the dependency graph, as "a -> b -> a", or an empty string.
QString findCycle(const QHash<QString, QSet<QString>> &graph)
{
    QHash<QString, int> state; // 0 unseen, 1 on the path, 2 done
    QStringList path;
    std::function<QString(const QString &)> visit = [&](const QString &node) -> QString {
        state[node] = 1;
        path << node;
        // One copy of the set: iterators of two temporary copies would not make a range.
        const auto targets = graph.value(node);
        QStringList next(targets.cbegin(), targets.cend());
        next.sort();
        for (const QString &to : std::as_const(next)) {
            if (state.value(to) == 1)
                return (path.mid(path.indexOf(to)) << to).join(QStringLiteral(" -> "));
            if (state.value(to) == 0) {
                const QString cycle = visit(to);
                if (!cycle.isEmpty())
                    return cycle;
            }
        }
        path.removeLast();
        state[node] = 2;
        return {};
    };
    QStringList nodes = graph.keys();
    nodes.sort();
    for (const QString &node : std::as_const(nodes)) {
        if (state.value(node) == 0) {
            const QString cycle = visit(node);
            if (!cycle.isEmpty())
                return cycle;
        }
    }
    return {};
}

} // namespace

class TestLayering : public QObject
{
    Q_OBJECT

private slots:
    void sourcesAreFound();
    void coreFoldersHaveNoCycle();
    void coreUsesNoWidgets();
    void guiDoesNoNetworkOrKeychainIo();
    void theCycleFinderFindsCycles();
};

void TestLayering::sourcesAreFound()
{
    // Guards the other tests against passing on an empty tree.
    QVERIFY2(includesUnder(QStringLiteral("core")).size() > 200, qPrintable(sourceDir));
    QVERIFY(includesUnder(QStringLiteral("gui")).size() > 100);
}

void TestLayering::coreFoldersHaveNoCycle()
{
    const QSet<QString> folders = [] {
        QSet<QString> names;
        for (const QString &name :
             QDir(sourceDir + QStringLiteral("/core")).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            names.insert(name);
        return names;
    }();
    QHash<QString, QSet<QString>> graph;
    for (const Include &include : includesUnder(QStringLiteral("core"))) {
        const QString from = coreFolderOf(include.file);
        const QString to = coreFolderOf(include.target);
        if (folders.contains(to) && to != from)
            graph[from].insert(to);
    }
    QVERIFY(graph.size() > 5);
    const QString cycle = findCycle(graph);
    QVERIFY2(cycle.isEmpty(), qPrintable(QStringLiteral("src/core folders depend on each other in a cycle: ") + cycle));
}

void TestLayering::coreUsesNoWidgets()
{
    static const QRegularExpression widgets(
        QStringLiteral("^(QtWidgets/|QApplication$|QWidget$|QDialog$|QMessageBox$|QWizard|ui_)"));
    for (const Include &include : includesUnder(QStringLiteral("core"))) {
        QVERIFY2(
            !widgets.match(include.target).hasMatch(),
            qPrintable(QStringLiteral("%1:%2 includes %3").arg(include.file).arg(include.line).arg(include.target)));
    }
}

void TestLayering::guiDoesNoNetworkOrKeychainIo()
{
    // The pages show state and forward choices; requests and the keychain are core's (SetupController and the
    // deployment flows). Certificates and keychain job results may be shown, so their types are allowed.
    static const QRegularExpression io(QStringLiteral(
        "^(QNetworkAccessManager|QNetworkReply|QNetworkRequest|QTcpSocket|QTcpServer|QSslSocket|QUdpSocket|"
        "QLocalSocket|qt6keychain/.*|keychain\\.h|qlik/QlikRequest\\.h|qlik/QlikClient\\.h|qlik/QlikPager\\.h|"
        "secrets/SecretStore\\.h|secrets/KeychainSecretStore\\.h|secrets/KeychainSecretJob\\.h)$"));
    QStringList offenders;
    for (const Include &include : includesUnder(QStringLiteral("gui"))) {
        if (io.match(include.target).hasMatch())
            offenders << QStringLiteral("%1:%2 includes %3").arg(include.file).arg(include.line).arg(include.target);
    }
    QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(QLatin1Char('\n'))));
}

void TestLayering::theCycleFinderFindsCycles()
{
    QHash<QString, QSet<QString>> graph {{QStringLiteral("a"), {QStringLiteral("b")}},
                                         {QStringLiteral("b"), {QStringLiteral("c")}},
                                         {QStringLiteral("c"), {}}};
    QCOMPARE(findCycle(graph), QString());
    graph[QStringLiteral("c")].insert(QStringLiteral("a"));
    QCOMPARE(findCycle(graph), QStringLiteral("a -> b -> c -> a"));
}

QTEST_GUILESS_MAIN(TestLayering)
#include "tst_layering.moc"
