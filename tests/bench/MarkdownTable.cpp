#include "MarkdownTable.h"

#include <QTextStream>

namespace Dawiso::Bench {

MarkdownTable::MarkdownTable(const QList<int> &widths)
    : m_widths(widths)
{ }

QString MarkdownTable::row(const QStringList &cells, const QList<int> &widths)
{
    QString line = QStringLiteral("|");
    for (int i = 0; i < cells.size(); ++i)
        line += QLatin1Char(' ') + cells.at(i).leftJustified(widths.value(i)) + QStringLiteral(" |");
    return line;
}

QString MarkdownTable::rule(const QList<int> &widths)
{
    QString line = QStringLiteral("|");
    for (const int width : widths)
        line += QString(width + 2, QLatin1Char('-')) + QLatin1Char('|');
    return line;
}

void MarkdownTable::header(QTextStream &out, const QStringList &cells) const
{
    out << row(cells, m_widths) << '\n' << rule(m_widths) << '\n';
}

void MarkdownTable::line(QTextStream &out, const QStringList &cells) const
{
    out << row(cells, m_widths) << '\n';
}

QString MarkdownTable::number(double value, int decimals)
{
    return QString::number(value, 'f', decimals);
}

QString MarkdownTable::yesNo(bool value)
{
    return value ? QStringLiteral("yes") : QStringLiteral("NO");
}

} // namespace Dawiso::Bench
