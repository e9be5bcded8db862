#include "dialogs/ReportSaving.h"

#include "check/ConnectionReport.h"
#include "check/ReportWriter.h"
#include "dialogs/FileDialog.h"
#include "widgets/MessagePanel.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace Dawiso {

void ReportSaving::ask(QWidget *parent, const ConnectionReport &report, MessagePanel *panel)
{
    const QString name = QStringLiteral("dawiso-qlik-check-%1-%2.html")
                             .arg(QString(report.host).replace(QLatin1Char(':'), QLatin1Char('-')),
                                  report.checkedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd")));
    const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).filePath(name);
    QString path =
        FileDialog::getSaveFileName(parent, tr("Save the check report"), suggested, tr("Report (*.html *.json)"));
    if (path.isEmpty())
        return;
    // One name for both files: report.html for people, report.json for machines.
    for (const QLatin1String suffix : {QLatin1String(".html"), QLatin1String(".json")}) {
        if (path.endsWith(suffix, Qt::CaseInsensitive))
            path.chop(suffix.size());
    }
    const QString error = ReportWriter::writeFiles(report, path);
    if (!error.isEmpty()) {
        panel->showMessage(MessagePanel::Kind::Error, tr("The report could not be saved."), error);
        return;
    }
    const QFileInfo chosen(path);
    const bool hasSuffix = chosen.suffix().compare(QLatin1String("html"), Qt::CaseInsensitive) == 0
        || chosen.suffix().compare(QLatin1String("json"), Qt::CaseInsensitive) == 0;
    const QString base = hasSuffix ? chosen.dir().filePath(chosen.completeBaseName()) : path;
    panel->showMessage(
        MessagePanel::Kind::Success, tr("The report was saved."),
        report.credentialIsToken
            ? tr("%1.html and %1.json. The token is not in them.").arg(QDir::toNativeSeparators(base).toHtmlEscaped())
            : tr("%1.html and %1.json. The key is not in them.").arg(QDir::toNativeSeparators(base).toHtmlEscaped()));
}

} // namespace Dawiso
