#pragma once

#include "enterprise/ServiceUser.h"
#include "pages/SetupPage.h"

#include <memory>

namespace Ui {
class ServiceUserPage;
}

namespace Dawiso {

class EnterpriseFlow;
struct UserMessage;

// Qlik Sense Enterprise's Service user page: the admin picks an existing user (a QRS search) or names a new one in a
// user directory, learns what RootAdmin gives a service user and what it does not (the QMC context only), and chooses
// between Dawiso's read rule and published-only coverage. The chosen user's access allocation and roles are checked
// as soon as it is chosen. Without the admin's sign-in (the Guide me way) the user is typed in and nothing is looked
// up.
class ServiceUserPage : public SetupPage
{
    Q_OBJECT

public:
    ServiceUserPage(SetupController *controller, EnterpriseFlow *flow, QWidget *parent = nullptr);
    ~ServiceUserPage() override;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    bool canLookUp() const;
    void choiceChanged();
    void search();
    void showSearchResult(const QList<ServiceUser> &users, const QStringList &directories, const UserMessage &problem);
    void userPicked();
    void newUserEdited();
    void showLookUp(const ServiceUser &user, const UserMessage &problem);
    void showRule();
    ServiceUser typedUser() const;
    ContentCoverage coverage() const;

    std::unique_ptr<Ui::ServiceUserPage> m_ui;
    EnterpriseFlow *m_flow;
    QList<ServiceUser> m_found;
    ServiceUser m_user; // the user looked up (or typed, without a sign-in)
    bool m_lookedUp = false;
};

} // namespace Dawiso
