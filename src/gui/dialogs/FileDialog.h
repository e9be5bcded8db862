#pragma once

#include <QString>

class QWidget;

namespace Dawiso {

// The file dialogs the wizard opens, behind one seam so that GUI tests can answer them (KeePassXC's approach):
// a test sets the next answer, and the dialog returns it without opening.
class FileDialog
{
public:
    static QString getSaveFileName(QWidget *parent, const QString &caption, const QString &suggestedPath,
                                   const QString &filter);
    static QString getOpenFileName(QWidget *parent, const QString &caption, const QString &directory,
                                   const QString &filter);

    // Test seam: the next call returns this instead of opening a dialog (an empty string is "cancelled").
    static void setNextFileName(const QString &fileName);

private:
    static bool s_hasNextFileName;
    static QString s_nextFileName;
};

} // namespace Dawiso
