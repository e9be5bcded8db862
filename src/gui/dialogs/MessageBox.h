#pragma once

#include <QMessageBox>

namespace Dawiso {

// The wizard's questions go through here, so that a test can answer the next one without a window (KeePassXC's
// MessageBox::setNextAnswer does the same).
class MessageBox
{
public:
    // Asks like QMessageBox::question, or returns the answer a test set, once.
    static QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
                                                QMessageBox::StandardButtons buttons,
                                                QMessageBox::StandardButton defaultButton);

    // For tests: the next question is answered with answer at once. NoButton: ask again.
    static void setNextAnswer(QMessageBox::StandardButton answer);
    // For tests: the title and text of the last question asked, answered by a test or by a person.
    static QString lastQuestion();
};

} // namespace Dawiso
