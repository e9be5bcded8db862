#pragma once

#include "SetupWizard.h"
#include "host/DeploymentKind.h"
#include "widgets/MessagePanel.h"

#include <QAbstractButton>
#include <QDir>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
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

    // Goes on from the current page to target the way a user does, for tests whose subject is a later page: chooses
    // deployment on the Deployment page, enters host on the Host page (keeps the address there when empty) and waits
    // until it is confirmed, ticks the Qlik Cloud access steps, enters key on the Qlik Cloud key page, signs in as the
    // simulated Qlik Sense site's RootAdmin, takes the service user the search finds and lets the wizard make the
    // virtual proxy, and waits on each page until Next may be clicked. A walk that ends on the Host page ends with the
    // host confirmed. True once target is shown; false, with a warning naming the page, when a page does not let the
    // walk on.
    [[nodiscard]] bool walkTo(DeploymentKind deployment, int target, const QString &host = {},
                              const QByteArray &key = {}) const
    {
        for (;;) {
            const int page = m_wizard->currentId();
            if (page == target && page != SetupWizard::HostPageId)
                return true;
            switch (page) {
            case SetupWizard::DeploymentPageId: {
                auto *radio =
                    find<QRadioButton>(deployment == DeploymentKind::QlikCloud ? "cloudRadio" : "onPremRadio");
                if (!radio || !radio->isEnabled())
                    return stuckOn(page, "the deployment cannot be chosen");
                QTest::mouseClick(radio, Qt::LeftButton, {}, QPoint(6, radio->height() / 2));
                break;
            }
            case SetupWizard::HostPageId:
                if (!host.isEmpty())
                    find<QLineEdit>("hostEdit")->setText(host); // as pasted: one change, one check
                break;
            case SetupWizard::CloudAccessPageId:
                for (const char *step : {"createRoleCheck", "assignRoleCheck", "shareSpacesCheck"})
                    tick(step);
                break;
            case SetupWizard::CloudKeyPageId:
                if (!key.isEmpty())
                    find<QLineEdit>("keyEdit")->setText(QString::fromLatin1(key));
                break;
            case SetupWizard::EnterpriseAdminPageId:
                // The simulated site's RootAdmin (SiteDirectory::demoAdminAccount()), unless the test signed in.
                if (!canGoNext()) {
                    find<QLineEdit>("accountEdit")->setText(QStringLiteral("CORP\\qlikadmin"));
                    find<QLineEdit>("passwordEdit")->setText(QStringLiteral("practice-password"));
                    QTest::mouseClick(find<QPushButton>("windowsSignInButton"), Qt::LeftButton);
                }
                break;
            case SetupWizard::EnterpriseVirtualProxyPageId:
                // Do it for me, once the signing key is made.
                if (!QTest::qWaitFor([this] { return find<QPushButton>("createButton")->isEnabled(); }, 30000))
                    return stuckOn(page, "the signing key was not made");
                if (!canGoNext())
                    QTest::mouseClick(find<QPushButton>("createButton"), Qt::LeftButton);
                break;
            default:
                break;
            }
            // Generous: the host check, the key check and the save each ask the server.
            if (!QTest::qWaitFor([this] { return canGoNext(); }, 30000))
                return stuckOn(page, "Next never became available");
            if (page == target)
                return true;
            clickNext();
            if (m_wizard->currentId() == page)
                return stuckOn(page, "Next did not leave the page");
        }
    }

    // On the Qlik Cloud Access step, signed in for "Do it for me": searches the user picker for search, chooses the
    // one user found and gives them the role. True once Next may be clicked.
    [[nodiscard]] bool assignRoleToTheOneFound(const QString &search) const
    {
        auto *automation = find<QWidget>("accessAutomation");
        auto *list = automation ? automation->findChild<QListWidget *>(QStringLiteral("userList")) : nullptr;
        if (!list)
            return stuckOn(m_wizard->currentId(), "there is no user picker");
        QTest::keyClicks(automation->findChild<QLineEdit *>(QStringLiteral("userSearchEdit")), search);
        if (!QTest::qWaitFor([list] { return list->count() == 1; }, 20000))
            return stuckOn(m_wizard->currentId(), "the search did not find exactly one user");
        list->setCurrentRow(0);
        QTest::mouseClick(automation->findChild<QPushButton *>(QStringLiteral("assignButton")), Qt::LeftButton);
        if (!QTest::qWaitFor([this] { return canGoNext(); }, 20000))
            return stuckOn(m_wizard->currentId(), "the role was not assigned");
        return true;
    }

private:
    bool stuckOn(int page, const char *why) const
    {
        const MessagePanel *shown = panel();
        qWarning("The walk stopped on page %d: %s. %s", page, why,
                 shown ? qPrintable(shown->message() + QLatin1Char(' ') + shown->advice()) : "");
        return false;
    }

    QWizard *m_wizard;
};

} // namespace Dawiso::Test
