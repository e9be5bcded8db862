#pragma once

#include "SetupWizard.h"
#include "widgets/MessagePanel.h"

#include <QAbstractButton>
#include <QDir>
#include <QTest>
#include <QWizard>

namespace Dawiso::Test {

// Small helpers for driving the wizard like a user: the buttons they see, the message they read.
class WizardDriver
{
public:
    explicit WizardDriver(QWizard *wizard)
        : m_wizard(wizard)
    { }

    QAbstractButton *nextButton() const
    {
        QAbstractButton *commit = m_wizard->button(QWizard::CommitButton);
        return commit->isVisible() ? commit : m_wizard->button(QWizard::NextButton);
    }
    bool canGoNext() const { return nextButton()->isVisible() && nextButton()->isEnabled(); }
    void clickNext() const { QTest::mouseClick(nextButton(), Qt::LeftButton); }

    // Where a person clicks a check box: on its box, not the empty middle of a stretched widget.
    void tick(const char *checkBoxName) const
    {
        QWidget *box = find<QWidget>(checkBoxName);
        QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(6, box->height() / 2));
    }

    template <typename T>
    T *find(const char *name) const
    {
        return m_wizard->currentPage()->findChild<T *>(QString::fromLatin1(name));
    }
    MessagePanel *panel() const { return find<MessagePanel>("statusPanel"); }

    // With DQS_SCREENSHOT_DIR set, saves what the user sees, for reviewing pages by eye.
    void screenshot(const QString &name) const
    {
        const QString dir = qEnvironmentVariable("DQS_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QTest::qWait(100); // let pending layout requests settle, as they would before the next paint
        m_wizard->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
    }

private:
    QWizard *m_wizard;
};

} // namespace Dawiso::Test
