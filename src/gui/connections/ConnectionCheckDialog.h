#pragma once

#include "check/ConnectionReport.h"
#include "secrets/SavedConnection.h"

#include <QDialog>

#include <memory>

class QPushButton;

namespace Ui {
class ConnectionCheckDialog;
}

namespace Dawiso {

class ConnectionIndex;
class DeploymentFlow;
class SavedConnectionCheck;
class SecretStore;

// "Check again" for a saved connection: the same checklist and verdict as the wizard's last page, with the credential
// the keychain holds; Stop while it runs, the report saved as HTML and JSON once it ends.
class ConnectionCheckDialog : public QDialog
{
    Q_OBJECT

public:
    ConnectionCheckDialog(const SavedConnection &connection, DeploymentFlow *flow, SecretStore *store,
                          ConnectionIndex *index, QWidget *parent = nullptr);
    ~ConnectionCheckDialog() override;

    void start();
    bool isChecking() const;
    ConnectionReport report() const { return m_report; }

    void reject() override;

signals:
    void checked(const Dawiso::ConnectionReport &report);

private:
    void onFinished(const ConnectionReport &report);
    void saveReport();

    std::unique_ptr<Ui::ConnectionCheckDialog> m_ui;
    SavedConnection m_connection;
    SavedConnectionCheck *m_check;
    QPushButton *m_saveReportButton;
    QPushButton *m_againButton;
    ConnectionReport m_report;
};

} // namespace Dawiso
