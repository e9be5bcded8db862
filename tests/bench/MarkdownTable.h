#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class QTextStream;

namespace Dawiso::Bench {

// The benchmarks' tables: Markdown with fixed column widths, readable in a terminal and pasteable into the README.
class MarkdownTable
{
public:
    explicit MarkdownTable(const QList<int> &widths);

    static QString row(const QStringList &cells, const QList<int> &widths);
    static QString rule(const QList<int> &widths);

    // Writes the header row and the rule under it.
    void header(QTextStream &out, const QStringList &cells) const;
    void line(QTextStream &out, const QStringList &cells) const;

    static QString number(double value, int decimals = 1);
    static QString yesNo(bool value); // "yes" / "NO", so that a miss stands out

private:
    QList<int> m_widths;
};

} // namespace Dawiso::Bench
