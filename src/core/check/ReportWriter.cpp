#include "check/ReportWriter.h"

#include "common/Clock.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStringList>

#include <algorithm>
#include <memory>
#include <utility>
#include <vector>

namespace Dawiso {

namespace {

// Dates in reports are read by support across time zones: always UTC, always year-month-day.
QString utcDateTime(const QDateTime &when)
{
    return when.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

QString utcDate(const QDateTime &when)
{
    return when.toUTC().toString(QStringLiteral("yyyy-MM-dd"));
}

QString notKnown()
{
    return ReportWriter::tr("not known");
}

QString userLine(const ConnectionReport &report)
{
    if (report.userId.isEmpty() && report.userName.isEmpty())
        return notKnown();
    QString line = report.userName.isEmpty() ? report.userId : report.userName;
    if (!report.userEmail.isEmpty())
        line += QStringLiteral(" <") + report.userEmail + QLatin1Char('>');
    if (!report.userId.isEmpty() && !report.userName.isEmpty())
        line += QLatin1Char(' ') + ReportWriter::tr("(id %1)").arg(report.userId);
    return line;
}

QString keyLine(const ConnectionReport &report)
{
    const QString id =
        report.keyId.isEmpty() ? ReportWriter::tr("id not known") : ReportWriter::tr("id %1").arg(report.keyId);
    if (!report.keyExpiry.isValid())
        return ReportWriter::tr("%1, expiry not known").arg(id);
    // Counted from the moment of the check, so that a saved report reads the same later.
    const QDateTime reference = report.checkedAt.isValid() ? report.checkedAt : Clock::currentDateTimeUtc();
    const qint64 seconds = reference.secsTo(report.keyExpiry);
    const int days = int(seconds / (qint64(24) * 3600));
    if (seconds <= 0)
        return ReportWriter::tr("%1, expired on %2").arg(id, utcDate(report.keyExpiry));
    return ReportWriter::tr("%1, expires on %2 (in %n day(s))", nullptr, days).arg(id, utcDate(report.keyExpiry));
}

QString statusSummary(const ConnectionReport &report)
{
    return ReportWriter::tr("%1 passed, %2 with a warning, %3 failed, %4 not checked.")
        .arg(report.countWithStatus(CheckStatus::Pass))
        .arg(report.countWithStatus(CheckStatus::Warn))
        .arg(report.countWithStatus(CheckStatus::Fail))
        .arg(report.checks.size() - report.countWithStatus(CheckStatus::Pass)
             - report.countWithStatus(CheckStatus::Warn) - report.countWithStatus(CheckStatus::Fail));
}

QString requestsLine(const ConnectionReport &report)
{
    return ReportWriter::tr("%n request(s) to Qlik", nullptr, report.counts.requests) + QStringLiteral(", ")
        + ReportWriter::tr("%n list page(s) read.", nullptr, report.counts.pagesRead);
}

// The facts at the top of both formats, in order: (label, value); the deployment's own come after the user.
QList<std::pair<QString, QString>> headerFacts(const ConnectionReport &report)
{
    QList<std::pair<QString, QString>> facts {
        {ReportWriter::tr("Host"), report.host},
        {ReportWriter::tr("Checked"), report.checkedAt.isValid() ? utcDateTime(report.checkedAt) : notKnown()},
        {ReportWriter::tr("User"), userLine(report)},
    };
    for (const ReportFact &fact : report.factsIn(ReportFact::Section::About)) {
        if (!fact.label.isEmpty())
            facts.append({fact.label, fact.text});
    }
    facts.append({ReportWriter::tr("API key"), keyLine(report)});
    return facts;
}

// What the credential sees (the deployment's facts), then the checks and requests counted.
QList<std::pair<QString, QString>> countFacts(const ConnectionReport &report)
{
    QList<std::pair<QString, QString>> facts;
    for (const ReportFact &fact : report.factsIn(ReportFact::Section::Sees)) {
        if (!fact.label.isEmpty())
            facts.append({fact.label, fact.text});
    }
    facts.append({ReportWriter::tr("Checks"), statusSummary(report)});
    facts.append({ReportWriter::tr("Requests"), requestsLine(report)});
    return facts;
}

void appendFacts(QString &text, const QList<std::pair<QString, QString>> &facts)
{
    int width = 0;
    for (const auto &fact : facts)
        width = std::max(width, int(fact.first.size()));
    for (const auto &fact : facts)
        text += QString(fact.first + QLatin1Char(':')).leftJustified(width + 2) + fact.second + QLatin1Char('\n');
}

QString indented(const QString &text, const QString &indent)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &line : lines)
        line.prepend(indent);
    return lines.join(QLatin1Char('\n'));
}

QString statusWord(CheckStatus status)
{
    switch (status) {
    case CheckStatus::Pass:
        return ReportWriter::tr("Passed");
    case CheckStatus::Warn:
        return ReportWriter::tr("Warning");
    case CheckStatus::Fail:
        return ReportWriter::tr("Failed");
    case CheckStatus::Skipped:
        return ReportWriter::tr("Not checked");
    case CheckStatus::Pending:
    case CheckStatus::Running:
        break;
    }
    return ReportWriter::tr("Unfinished");
}

QString verdictClass(ConnectionReport::Verdict verdict)
{
    switch (verdict) {
    case ConnectionReport::Verdict::Usable:
        return QStringLiteral("usable");
    case ConnectionReport::Verdict::Blocked:
        return QStringLiteral("blocked");
    case ConnectionReport::Verdict::Unreachable:
        return QStringLiteral("unreachable");
    case ConnectionReport::Verdict::Cancelled:
        break;
    }
    return QStringLiteral("cancelled");
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

// Printable on paper and readable on screen; no external fonts or images, so the page shows the same offline.
const char *const styleSheet = R"css(
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2330; margin: 2em auto;
       max-width: 52em; padding: 0 1em; line-height: 1.45; }
h1 { font-size: 1.5em; margin-bottom: 0.2em; }
h2 { font-size: 1.15em; margin-top: 1.6em; border-bottom: 1px solid #d5d9e0; padding-bottom: 0.2em; }
table { border-collapse: collapse; }
th { text-align: left; padding: 0.2em 1.2em 0.2em 0; vertical-align: top; white-space: nowrap; }
td { padding: 0.2em 0; vertical-align: top; overflow-wrap: anywhere; }
.verdict { font-weight: 600; padding: 0.6em 0.8em; border-radius: 4px; border-left: 6px solid; }
.verdict.usable { background: #e8f5ec; border-color: #2e8540; }
.verdict.blocked, .verdict.unreachable { background: #fdecea; border-color: #c62828; }
.verdict.cancelled { background: #f1f2f4; border-color: #7a8291; }
ol.checks { list-style: none; padding: 0; }
ol.checks li { margin: 0 0 0.8em 0; padding: 0.4em 0.6em; border-left: 4px solid #b8bec9; break-inside: avoid; }
ol.checks li.pass { border-color: #2e8540; }
ol.checks li.warn { border-color: #d98c00; }
ol.checks li.fail { border-color: #c62828; }
.tag { display: inline-block; min-width: 6.5em; font-weight: 600; }
li.pass .tag { color: #2e8540; }
li.warn .tag { color: #9a6300; }
li.fail .tag { color: #c62828; }
.id { color: #5f6775; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.9em; }
.message, .fix { margin: 0.25em 0 0 0; }
.fix { font-style: italic; }
footer { margin-top: 2em; color: #5f6775; font-size: 0.9em; }
@media print { body { margin: 0; max-width: none; } .verdict, ol.checks li { -webkit-print-color-adjust: exact;
               print-color-adjust: exact; } }
)css";

void appendFactRows(QString &html, const QList<std::pair<QString, QString>> &facts)
{
    html += QStringLiteral("<table>\n");
    for (const auto &fact : facts) {
        html += QStringLiteral("<tr><th scope=\"row\">") + escaped(fact.first) + QStringLiteral("</th><td>")
            + escaped(fact.second) + QStringLiteral("</td></tr>\n");
    }
    html += QStringLiteral("</table>\n");
}

QString stripReportSuffix(const QString &basePath)
{
    for (const QLatin1String suffix : {QLatin1String(".html"), QLatin1String(".json")}) {
        if (basePath.endsWith(suffix, Qt::CaseInsensitive))
            return basePath.left(basePath.size() - suffix.size());
    }
    return basePath;
}

} // namespace

QString ReportWriter::statusTag(CheckStatus status)
{
    switch (status) {
    case CheckStatus::Pass:
        return QStringLiteral("[pass]");
    case CheckStatus::Warn:
        return QStringLiteral("[warn]");
    case CheckStatus::Fail:
        // Upper case, so that a failure stands out in a long terminal scroll-back.
        return QStringLiteral("[FAIL]");
    case CheckStatus::Skipped:
        return QStringLiteral("[skip]");
    case CheckStatus::Pending:
    case CheckStatus::Running:
        break;
    }
    return QStringLiteral("[ .. ]");
}

QString ReportWriter::toText(const ConnectionReport &report)
{
    QString text = tr("Dawiso Qlik Setup: connection check") + QStringLiteral("\n\n");
    appendFacts(text, headerFacts(report));
    text += QLatin1Char('\n');

    int idWidth = 0;
    for (const CheckResult &result : report.checks)
        idWidth = std::max(idWidth, int(result.id.size()));
    const QString fixIndent(statusTag(CheckStatus::Pass).size() + 1 + idWidth + 2, QLatin1Char(' '));
    for (const CheckResult &result : report.checks) {
        text += statusTag(result.status) + QLatin1Char(' ') + result.id.leftJustified(idWidth + 2) + result.message
            + QLatin1Char('\n');
        if (!result.advice.isEmpty())
            text += indented(tr("Fix: %1").arg(result.advice), fixIndent) + QLatin1Char('\n');
    }
    text += QLatin1Char('\n');
    if (!report.reminders.isEmpty()) {
        text += tr("Keep in mind:") + QLatin1Char('\n');
        for (const QString &reminder : report.reminders)
            text += indented(QStringLiteral("- ") + reminder, QStringLiteral("  ")) + QLatin1Char('\n');
        text += QLatin1Char('\n');
    }
    appendFacts(text, countFacts(report));
    text += QLatin1Char('\n');
    text += report.verdictText() + QLatin1Char('\n');
    return text;
}

QString ReportWriter::toHtml(const ConnectionReport &report)
{
    QString html;
    html += QStringLiteral("<!DOCTYPE html>\n<html lang=\"")
        + escaped(tr("en", "The language code of this translation, for the HTML report"))
        + QStringLiteral("\">\n<head>\n<meta charset=\"utf-8\">\n");
    // The page needs nothing from anywhere: forbid scripts and every external load outright.
    html += QStringLiteral("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                           "style-src 'unsafe-inline'\">\n");
    html += QStringLiteral("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    html += QStringLiteral("<title>") + escaped(tr("Connection check of %1").arg(report.host))
        + QStringLiteral("</title>\n<style>") + QString::fromUtf8(styleSheet) + QStringLiteral("</style>\n</head>\n");
    html +=
        QStringLiteral("<body>\n<h1>") + escaped(tr("Dawiso Qlik Setup: connection check")) + QStringLiteral("</h1>\n");
    html += QStringLiteral("<p class=\"verdict ") + verdictClass(report.verdict) + QStringLiteral("\">")
        + escaped(report.verdictText()) + QStringLiteral("</p>\n");
    appendFactRows(html, headerFacts(report));

    html += QStringLiteral("<h2>") + escaped(tr("Checks")) + QStringLiteral("</h2>\n<ol class=\"checks\">\n");
    for (const CheckResult &result : report.checks) {
        html += QStringLiteral("<li class=\"") + escaped(checkStatusName(result.status)) + QStringLiteral("\">");
        html +=
            QStringLiteral("<span class=\"tag\">") + escaped(statusWord(result.status)) + QStringLiteral("</span> ");
        html += QStringLiteral("<strong>") + escaped(result.title) + QStringLiteral("</strong> <span class=\"id\">")
            + escaped(result.id) + QStringLiteral("</span>");
        html += QStringLiteral("<p class=\"message\">") + escaped(result.message) + QStringLiteral("</p>");
        if (!result.advice.isEmpty())
            html += QStringLiteral("<p class=\"fix\">") + escaped(tr("Fix: %1").arg(result.advice))
                + QStringLiteral("</p>");
        html += QStringLiteral("</li>\n");
    }
    html += QStringLiteral("</ol>\n");

    if (!report.reminders.isEmpty()) {
        html += QStringLiteral("<h2>") + escaped(tr("Keep in mind")) + QStringLiteral("</h2>\n<ul>\n");
        for (const QString &reminder : report.reminders)
            html += QStringLiteral("<li>") + escaped(reminder) + QStringLiteral("</li>\n");
        html += QStringLiteral("</ul>\n");
    }
    html += QStringLiteral("<h2>") + escaped(tr("What the key sees")) + QStringLiteral("</h2>\n");
    appendFactRows(html, countFacts(report));

    html += QStringLiteral("<footer>")
        + escaped(tr("Written by %1 %2. This report contains no API key.")
                      .arg(QStringLiteral(DQS_APP_NAME), QStringLiteral(DQS_VERSION)))
        + QStringLiteral("</footer>\n</body>\n</html>\n");
    return html;
}

QByteArray ReportWriter::toJson(const ConnectionReport &report)
{
    return QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented);
}

QString ReportWriter::writeFiles(const ConnectionReport &report, const QString &basePath)
{
    const QString base = stripReportSuffix(basePath.trimmed());
    if (base.isEmpty() || QFileInfo(base).fileName().isEmpty())
        return tr("The report needs a file name. Choose where to save it and give it a name.");

    const QList<std::pair<QString, QByteArray>> outputs {
        {base + QStringLiteral(".html"), toHtml(report).toUtf8()},
        {base + QStringLiteral(".json"), toJson(report)},
    };
    // Both files are written before either is committed, so a full disk or a refused folder replaces neither.
    std::vector<std::unique_ptr<QSaveFile>> files;
    for (const auto &[path, content] : outputs) {
        auto file = std::make_unique<QSaveFile>(path);
        if (!file->open(QIODevice::WriteOnly) || file->write(content) != content.size()) {
            return tr("The report could not be saved as %1: %2. Choose another folder, for example your Documents "
                      "folder, and try again.")
                .arg(QDir::toNativeSeparators(path), file->errorString());
        }
        files.push_back(std::move(file));
    }
    for (const std::unique_ptr<QSaveFile> &file : files) {
        if (!file->commit()) {
            return tr("The report could not be saved as %1: %2. Choose another folder, for example your Documents "
                      "folder, and try again.")
                .arg(QDir::toNativeSeparators(file->fileName()), file->errorString());
        }
    }
    return {};
}

} // namespace Dawiso
