#pragma once

#include "enterprise/CertificateBundleChoice.h"
#include "pages/SetupPage.h"

#include <memory>

namespace Ui {
class AdminPage;
}

class QLabel;
class QLineEdit;

namespace Dawiso {

class EnterpriseFlow;
struct AdminAccess;
struct UserMessage;

// Qlik Sense Enterprise's Administrator page: the admin signs in, by the way they choose (a Windows account through
// the site's proxy, or a certificate bundle exported from the QMC), and sees what the QRS says they may do: RootAdmin
// or exactly what is missing, the central node, the proxy and what the site holds. Guide me shows the same facts as
// QMC pages for admins who will not let a tool sign in.
class AdminPage : public SetupPage
{
    Q_OBJECT

public:
    AdminPage(SetupController *controller, EnterpriseFlow *flow, QWidget *parent = nullptr);
    ~AdminPage() override;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

private:
    enum class Method { WindowsAccount, CertificateBundle, Guide };

    Method method() const;
    void methodChanged();
    void signInWithWindowsAccount();
    void signInWithCertificates();
    void browse(QLineEdit *edit, const QString &caption, const QString &filter);
    void showSignInResult(const AdminAccess &access, const UserMessage &problem,
                          const CertificateBundleProblems &bundleProblems);
    void showBundleProblems(const CertificateBundleProblems &problems);
    void updateKeyRow();
    void setBusy(bool busy);

    std::unique_ptr<Ui::AdminPage> m_ui;
    EnterpriseFlow *m_flow;
};

} // namespace Dawiso
