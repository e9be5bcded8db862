#pragma once

#include "connections/CalendarReminder.h"
#include "secrets/SavedConnection.h"

#include <QList>
#include <QWidget>

#include <memory>
#include <optional>

class QTreeWidgetItem;

namespace Ui {
class SavedConnectionsPanel;
}

namespace Dawiso {

class SecretStoreJob;
class SetupController;
class StoredSecretCopier;

// Coming back later: the connections set up before on this computer, from the saved-connections index (nothing
// secret), each with its host, user, when its key expires and how its last check ended; expired and soon-expiring
// keys stand out, and so does a connection whose keychain entry has gone. Check again, Renew, Copy, Reminder and
// Forget act on the selected one.
class SavedConnectionsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit SavedConnectionsPanel(SetupController *controller, QWidget *parent = nullptr);
    ~SavedConnectionsPanel() override;

    // Reads the index again and looks whether each keychain entry is still there.
    void reload();
    int count() const { return int(m_connections.size()); }
    std::optional<SavedConnection> selected() const;
    void select(int row);

    // A key that expires within this many days stands out (and a reminder comes this long before).
    static constexpr int SoonDays = CalendarReminder::daysBeforeExpiry;

signals:
    void countChanged(int count);
    // Set up a new credential for this connection with the wizard: its keychain entry has gone.
    void setUpAgainRequested(const Dawiso::SavedConnection &connection);

private:
    void fill();
    void describe(QTreeWidgetItem *item, const SavedConnection &connection, bool missing) const;
    void updateButtons();
    void checkAgain();
    void renew();
    void copy();
    void addReminder();
    void forget();
    void onPresence(int generation, int row, SecretStoreJob *job);

    std::unique_ptr<Ui::SavedConnectionsPanel> m_ui;
    SetupController *m_controller;
    StoredSecretCopier *m_copier;
    QList<SavedConnection> m_connections;
    QList<bool> m_missing; // per row: the keychain has no entry for it
    int m_generation = 0;
};

} // namespace Dawiso
