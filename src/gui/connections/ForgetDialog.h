#pragma once

#include "connections/SavedConnectionRemoval.h"
#include "secrets/SavedConnection.h"

#include <QDialog>

#include <memory>

class QPushButton;

namespace Ui {
class ForgetDialog;
}

namespace Dawiso {

class DeploymentFlow;
class SetupController;

// "Forget": says what Dawiso loses, offers to revoke the key in Qlik as well (Qlik Cloud), then removes the keychain
// entries and the connection from the list. When the revocation fails, nothing is removed.
class ForgetDialog : public QDialog
{
    Q_OBJECT

public:
    ForgetDialog(const SavedConnection &connection, DeploymentFlow *flow, SetupController *controller,
                 QWidget *parent = nullptr);
    ~ForgetDialog() override;

    void reject() override;

signals:
    void forgotten();

private:
    void forget();
    void onFinished(const SavedConnectionRemoval::Result &result);

    std::unique_ptr<Ui::ForgetDialog> m_ui;
    SavedConnection m_connection;
    SavedConnectionRemoval *m_removal;
    QPushButton *m_forgetButton;
};

} // namespace Dawiso
