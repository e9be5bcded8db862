#pragma once

#include "check/ConnectionReport.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace Dawiso {

// Turns a ConnectionReport into what people and scripts read: terminal text, a printable HTML page and JSON.
// A report holds no token, so nothing written here can reveal one.
class ReportWriter
{
    Q_DECLARE_TR_FUNCTIONS(ReportWriter)

public:
    // For a terminal: a header (host, user, tenant, key id and expiry), one line per check with a status tag
    // ("[pass]", "[warn]", "[FAIL]", "[skip]"), the message and, indented, the fix; the counts; and the one-line
    // verdict as the very last line.
    static QString toText(const ConnectionReport &report);
    // A self-contained, printable page (inline CSS, no scripts, no external resources) with the same content as
    // toText(); every value is HTML-escaped.
    static QString toHtml(const ConnectionReport &report);
    // The report's JSON object, indented, UTF-8.
    static QByteArray toJson(const ConnectionReport &report);

    // Writes <basePath>.html and <basePath>.json, each atomically (QSaveFile). A basePath already ending in ".html"
    // or ".json" loses that suffix first, so the name a save dialog returns can be passed as it is. Returns a
    // sentence saying what went wrong, or an empty string when both files were written.
    static QString writeFiles(const ConnectionReport &report, const QString &basePath);

    // "[pass]", "[warn]", "[FAIL]", "[skip]", and for unfinished checks "[ .. ]".
    static QString statusTag(CheckStatus status);
};

} // namespace Dawiso
