#pragma once

#include <QDialog>
#include <QUrl>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Dawiso {

class PracticeServer;
class PracticeSignIn;

// Stands in for Qlik's sign-in page during a practice run: a form with the e-mail (pre-filled from the sign-in's
// login hint) and the password. Sign in hands them to PracticeSignIn, which plays the browser, so everything after
// it runs exactly as with real Qlik.
class PracticeSignInDialog : public QDialog
{
    Q_OBJECT

public:
    PracticeSignInDialog(PracticeServer *server, const QUrl &authorizationUrl, const QString &password,
                         QWidget *parent = nullptr);

private:
    void signIn();
    void onSignedIn(const QString &problem);

    PracticeSignIn *m_signIn;
    QUrl m_authorizationUrl;
    QLineEdit *m_email;
    QLineEdit *m_password;
    QLabel *m_problem;
    QPushButton *m_signInButton;
};

} // namespace Dawiso
