#pragma once

#include "pages/SetupPage.h"

#include <memory>

namespace Ui {
class TokenPage;
}

namespace Dawiso {

class EnterpriseFlow;

// Qlik Sense Enterprise's Token page: how long Dawiso's token is valid (90 days unless the admin picks otherwise), how
// to stop it early (there is no revoking one token: replace the virtual proxy's certificate, or make the user
// inactive), and, on Next, the token signed for the service user. The shared Save and check page stores it.
class TokenPage : public SetupPage
{
    Q_OBJECT

public:
    TokenPage(SetupController *controller, EnterpriseFlow *flow, QWidget *parent = nullptr);
    ~TokenPage() override;

    void initializePage() override;
    bool validatePage() override;

private:
    void updateExpiry();

    std::unique_ptr<Ui::TokenPage> m_ui;
    EnterpriseFlow *m_flow;
};

} // namespace Dawiso
