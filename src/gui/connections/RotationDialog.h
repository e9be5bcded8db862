#pragma once

#include "connections/CredentialRotation.h"
#include "secrets/SavedConnection.h"

#include <QDialog>

#include <memory>

class QPushButton;

namespace Ui {
class RotationDialog;
}

namespace Dawiso {

class DeploymentFlow;
class SetupController;
class StoredSecretCopier;

// "Renew": a new key (Qlik Cloud) or token (Qlik Sense Enterprise) for the same user, checked and stored in place of
// the old one. The old key keeps working until the admin has given Dawiso the new one and revokes it here; a failure
// at any step leaves the old one stored and says what is where.
class RotationDialog : public QDialog
{
    Q_OBJECT

public:
    RotationDialog(const SavedConnection &connection, DeploymentFlow *flow, SetupController *controller,
                   QWidget *parent = nullptr);
    ~RotationDialog() override;

    void reject() override;

signals:
    // The saved connection changed (a new credential, or the old one revoked).
    void connectionChanged();

private:
    void startRotation();
    void onStep(CredentialRotation::Step step, const QString &message);
    void onFinished(const CredentialRotation::Result &result);
    void onRetired(const CredentialRotation::Result &result);
    void updateChoice();
    QString noun() const;
    QString whereText(const CredentialRotation::Result &result) const;

    std::unique_ptr<Ui::RotationDialog> m_ui;
    SavedConnection m_connection;
    SetupController *m_controller;
    CredentialRotation *m_rotation;
    StoredSecretCopier *m_copier;
    QPushButton *m_renewButton;
    QPushButton *m_copyButton;
    QPushButton *m_revokeButton;
    bool m_cloud;
    bool m_closeWhenDone = false;
    QString m_oldKeyId; // once renewed: the id of the key stored before
};

} // namespace Dawiso
