#include "dialogs/MessageBox.h"

namespace Dawiso {

namespace {
QMessageBox::StandardButton nextAnswer = QMessageBox::NoButton;
QString lastAsked;
} // namespace

QMessageBox::StandardButton MessageBox::question(QWidget *parent, const QString &title, const QString &text,
                                                 QMessageBox::StandardButtons buttons,
                                                 QMessageBox::StandardButton defaultButton)
{
    lastAsked = title + QLatin1Char('\n') + text;
    if (nextAnswer != QMessageBox::NoButton)
        return std::exchange(nextAnswer, QMessageBox::NoButton);
    return QMessageBox::question(parent, title, text, buttons, defaultButton);
}

void MessageBox::setNextAnswer(QMessageBox::StandardButton answer)
{
    nextAnswer = answer;
}

QString MessageBox::lastQuestion()
{
    return lastAsked;
}

} // namespace Dawiso
