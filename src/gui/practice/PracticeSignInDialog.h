#pragma once

#include <QDialog>
#include <QUrl>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Dawiso {

class QlikClient;
class QlikRequest;
class TlsTrust;

// Stands in for the browser during a practice run: a system browser would not trust the simulated tenant's
// certificate. It walks the same protocol a browser would (the tenant's sign-in page, its login form, the redirect
// back to the wizard's loopback address), so everything after it runs exactly as with real Qlik.
class PracticeSignInDialog : public QDialog
{
    Q_OBJECT

public:
    PracticeSignInDialog(QlikClient *tenant, const QUrl &authorizationUrl, const QString &password,
                         QWidget *parent = nullptr);

private:
    void signIn();
    void onSignInPage(QlikRequest *request);
    void onLogin(QlikRequest *request);
    void showProblem(const QString &problem);

    QlikClient *m_tenant;
    QUrl m_authorizationUrl;
    QLineEdit *m_email;
    QLineEdit *m_password;
    QLabel *m_problem;
    QPushButton *m_signInButton;
};

} // namespace Dawiso
