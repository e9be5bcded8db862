#include "OpenApiSpecs.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QUrlQuery>

#include <numeric>

using Dawiso::Testing::OpenApiSpecs;

// Holds every answer the simulated Qlik Cloud tenant sent during the test suite to Qlik's published OpenAPI specs
// (tests/contract/qlik-specs). Every other test runs with DQS_SIMULATOR_EXCHANGE_LOG set, so each simulator records
// its answers (see ExchangeLog); ctest runs this test after all of them (a fixture clean-up) and it fails on any body
// that breaks its operation's response schema. Answers a test deliberately made wrong (injected faults) are counted
// apart and not held to the specs; the simulator may not excuse any answer of its own that way.
namespace {

// Where a spec contradicts itself, the answer follows the spec's words over its schema; each case is named here and
// counted in the tally. Returns why the finding is waived, or "" when it is a violation.
QString waiver(const QString &operation, const QUrlQuery &query, const Dawiso::Testing::SchemaViolation &problem)
{
    static const QRegularExpression missing(QStringLiteral("^the required property \"(.+)\" is missing$"));
    const QRegularExpressionMatch required = missing.match(problem.message);
    // items.json requires "actions" in an item and its meta, yet says noActions=true leaves them out.
    if (operation == u"GET /api/v1/items" && required.hasMatch() && required.captured(1) == u"actions"
        && query.queryItemValue(QStringLiteral("noActions")) == u"true")
        return QStringLiteral("GET /api/v1/items: noActions=true omits \"actions\"");
    // A "fields" parameter asks for some fields only; the users spec's schema still lists others as required.
    if (required.hasMatch() && query.hasQueryItem(QStringLiteral("fields"))
        && !query.queryItemValue(QStringLiteral("fields")).split(u',').contains(required.captured(1)))
        return QStringLiteral("fields=... returns only the fields asked for");
    // apps.json: publishTime is a date-time, "empty if unpublished".
    if (problem.path.endsWith(u".publishTime") && problem.message == u"\"\" is not a date-time")
        return QStringLiteral("publishTime is empty if unpublished");
    return {};
}

} // namespace

class TestSimulatorContract : public QObject
{
    Q_OBJECT

private slots:
    void everyAnswerMatchesItsSchema();
};

void TestSimulatorContract::everyAnswerMatchesItsSchema()
{
    const QString logDirectory = qEnvironmentVariable("DQS_SIMULATOR_EXCHANGE_LOG");
    if (logDirectory.isEmpty())
        QSKIP("DQS_SIMULATOR_EXCHANGE_LOG is not set: run the suite with ctest");

    OpenApiSpecs specs;
    QString error;
    QVERIFY2(specs.load(QStringLiteral(DQS_QLIK_SPECS_DIR), &error), qPrintable(error));

    int answers = 0;
    int validated = 0;
    int withoutBody = 0;
    QMap<QString, int> waived; // by reason, see waiver()
    QSet<QString> operationsSeen;
    QMap<QString, int> deviations;
    QMap<QString, int> notInSpecs;
    QMap<QString, int> undocumented;
    // Violations grouped by operation, status, JSON path (indices dropped) and message, with how many answers had
    // each and the first test and request path that showed it.
    QMap<QString, QPair<int, QString>> violations;
    int violationCount = 0;
    const auto violation = [&violations, &violationCount](const QJsonObject &entry, const QString &operation,
                                                          const QString &jsonPath, const QString &text) {
        static const QRegularExpression index(QStringLiteral("\\[\\d+\\]"));
        const QString key = QStringLiteral("%1 -> %2 at %3: %4")
                                .arg(operation)
                                .arg(entry.value(QStringLiteral("status")).toInt())
                                .arg(QString(jsonPath).replace(index, QStringLiteral("[]")), text);
        auto &group = violations[key];
        if (group.first++ == 0)
            group.second = QStringLiteral("%1, %2").arg(entry.value(QStringLiteral("test")).toString(),
                                                        entry.value(QStringLiteral("path")).toString());
        ++violationCount;
    };

    const QDir dir(logDirectory);
    const QStringList files = dir.entryList({QStringLiteral("*.jsonl")}, QDir::Files, QDir::Name);
    for (const QString &fileName : files) {
        QFile file(dir.filePath(fileName));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        while (!file.atEnd()) {
            const QByteArray line = file.readLine().trimmed();
            if (line.isEmpty())
                continue;
            const QJsonObject entry = QJsonDocument::fromJson(line).object();
            if (entry.isEmpty()) {
                violation(QJsonObject {{QStringLiteral("test"), fileName}}, QStringLiteral("?"), QStringLiteral("$"),
                          QStringLiteral("an unreadable line in the log"));
                continue;
            }
            ++answers;
            const QString method = entry.value(QStringLiteral("method")).toString();
            const QString path = entry.value(QStringLiteral("path")).toString();
            const int status = entry.value(QStringLiteral("status")).toInt();
            const QString deviation = entry.value(QStringLiteral("deviation")).toString();
            if (!deviation.isEmpty()) {
                if (deviation.startsWith(u"fault: "))
                    ++deviations[deviation];
                else
                    violation(entry, QStringLiteral("%1 %2").arg(method, path), QStringLiteral("$"),
                              QStringLiteral("the deviation \"%1\" is no injected fault").arg(deviation));
                continue;
            }
            const OpenApiSpecs::Answer spec = specs.answerFor(method, path, status);
            if (!spec.operationFound) {
                ++notInSpecs[QStringLiteral("%1 %2 -> %3").arg(method, path).arg(status)];
                continue;
            }
            const QString operation = QStringLiteral("%1 %2").arg(spec.operation).arg(status);
            operationsSeen.insert(operation);
            if (spec.statusSource.isEmpty()) {
                if (status < 400)
                    violation(entry, spec.operation, QStringLiteral("$"),
                              QStringLiteral("%1 does not list this status").arg(spec.specFile));
                else
                    ++undocumented[operation];
                continue;
            }
            const bool jsonBody = entry.contains(QStringLiteral("body"));
            if (entry.value(QStringLiteral("unparsableBody")).toBool()) {
                violation(entry, spec.operation, QStringLiteral("$"), QStringLiteral("the body is not JSON"));
                continue;
            }
            if (spec.hasJsonSchema) {
                if (!jsonBody) {
                    violation(entry, spec.operation, QStringLiteral("$"),
                              QStringLiteral("a JSON body was expected, the answer was %1")
                                  .arg(entry.value(QStringLiteral("contentType")).toString()));
                    continue;
                }
                const auto found = spec.validator->validate(entry.value(QStringLiteral("body")), spec.schema);
                ++validated;
                const QUrlQuery query(entry.value(QStringLiteral("query")).toString());
                for (const auto &problem : found) {
                    const QString reason = waiver(spec.operation, query, problem);
                    if (!reason.isEmpty())
                        ++waived[reason];
                    else
                        violation(entry, spec.operation, problem.path, problem.message);
                }
                continue;
            }
            if (jsonBody && !spec.contentTypes.contains(QStringLiteral("application/json")))
                violation(entry, spec.operation, QStringLiteral("$"),
                          QStringLiteral("the spec gives this status no JSON body"));
            else
                ++withoutBody;
        }
    }

    qInfo("Simulator answers against Qlik's OpenAPI specs (%d documents): %d answers from %lld log files, %lld "
          "operations (method, path, status) seen, %d bodies validated, %d answers with no JSON body to validate, %d "
          "injected faults, %d answers on paths outside the specs, %d with an error status the spec does not "
          "list, %d findings waived where the spec contradicts itself; %lld violations",
          specs.documentCount(), answers, static_cast<long long>(files.size()),
          static_cast<long long>(operationsSeen.size()), validated, withoutBody,
          static_cast<int>(std::accumulate(deviations.cbegin(), deviations.cend(), 0)),
          static_cast<int>(std::accumulate(notInSpecs.cbegin(), notInSpecs.cend(), 0)),
          static_cast<int>(std::accumulate(undocumented.cbegin(), undocumented.cend(), 0)),
          static_cast<int>(std::accumulate(waived.cbegin(), waived.cend(), 0)), static_cast<long long>(violationCount));
    for (auto it = waived.cbegin(); it != waived.cend(); ++it)
        qInfo("  waived (%s): %d", qUtf8Printable(it.key()), it.value());
    for (auto it = deviations.cbegin(); it != deviations.cend(); ++it)
        qInfo("  %s: %d", qUtf8Printable(it.key()), it.value());
    for (auto it = notInSpecs.cbegin(); it != notInSpecs.cend(); ++it)
        qInfo("  outside the specs %s: %d", qUtf8Printable(it.key()), it.value());
    for (auto it = undocumented.cbegin(); it != undocumented.cend(); ++it)
        qInfo("  status not in the spec %s: %d", qUtf8Printable(it.key()), it.value());

    // Every group on its own line (QVERIFY2 cuts long messages short).
    for (auto it = violations.cbegin(); it != violations.cend(); ++it)
        qWarning("VIOLATION %s (%d answers; first: %s)", qUtf8Printable(it.key()), it.value().first,
                 qUtf8Printable(it.value().second));
    QVERIFY2(violations.isEmpty(),
             qPrintable(QStringLiteral("%1 answers break their schema, in %2 ways (see VIOLATION above)")
                            .arg(violationCount)
                            .arg(violations.size())));
}

QTEST_GUILESS_MAIN(TestSimulatorContract)
#include "tst_simulatorcontract.moc"
