#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Dawiso {

// Rows of cells as a terminal shows them: each column as wide as its widest cell, two spaces between columns, the
// last column not padded, so that no line ends in spaces.
class TextTable
{
public:
    explicit TextTable(const QStringList &header);

    void addRow(const QStringList &cells);
    // The header, then the rows, each line ending with a line break.
    QString toText() const;

private:
    QList<QStringList> m_rows;
};

} // namespace Dawiso
