#pragma once

#include "check/ConnectionReport.h"
#include "pages/SetupPage.h"
#include "secrets/CredentialSaveResult.h"
#include "secrets/CredentialSaver.h"

#include <memory>

class QLabel;
class QPushButton;

namespace Ui {
class SaveAndCheckPage;
}

namespace Dawiso {

class SecretClipboard;

// Save and check, for every deployment: the credential goes into the OS keychain, is read back and compared, and the
// connection is remembered (without the secret); then the deployment's connection check runs with the stored
// credential and shows, live, what Dawiso will see. Starts by itself when the page opens; a keychain failure says
// what the keychain needs and offers to retry (there is no other place the credential could go); the check can be
// stopped and run again.
class SaveAndCheckPage : public SetupPage
{
    Q_OBJECT

public:
    explicit SaveAndCheckPage(SetupController *controller, QWidget *parent = nullptr);
    ~SaveAndCheckPage() override;

    void initializePage() override;
    bool isComplete() const override;

private:
    // Qlik Sense Enterprise's credential is a token (with its signing key), Qlik Cloud's an API key.
    bool isToken() const;
    void startSaving();
    void onStepStarted(CredentialSaver::Step step);
    void onStepFinished(CredentialSaver::Step step);
    void onFinished(const CredentialSaveResult &result);
    void startCheck();
    void onCheckProgress(const QString &message);
    void onCheckFinished(const ConnectionReport &report);
    // Shown instead of saving when there is no key to store any more (it was deleted in Qlik).
    void showNoKeyToStore();
    void setRecoveryButtonsVisible(bool visible);

    enum class StepState { Waiting, Done, Failed };
    QLabel *iconFor(CredentialSaver::Step step) const;
    // The picture and, for screen readers and tooltips, its word.
    void setStepState(QLabel *label, StepState state);

    std::unique_ptr<Ui::SaveAndCheckPage> m_ui;
    QPushButton *m_retryButton;
    QPushButton *m_checkAgainButton;
    QPushButton *m_copyKeyButton;
    QPushButton *m_revokeButton;
    SecretClipboard *m_clipboard;
    bool m_checked = false;
    CredentialSaver::Step m_currentStep = CredentialSaver::Step::Writing;
};

} // namespace Dawiso
