#pragma once

#include "pages/SetupPage.h"

#include <memory>

namespace Ui {
class AccessPage;
}

namespace Dawiso {

// Step 3, guided: the Qlik steps that give Dawiso's user the Manage API keys permission, as a checklist with a
// button to each page of the tenant.
class AccessPage : public SetupPage
{
    Q_OBJECT

public:
    explicit AccessPage(SetupController *controller, QWidget *parent = nullptr);
    ~AccessPage() override;

    static QString suggestedRoleName();

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

private:
    void copyRoleName();

    std::unique_ptr<Ui::AccessPage> m_ui;
};

} // namespace Dawiso
