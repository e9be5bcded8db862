#include "practice/PracticeSignInDialog.h"

#include "practice/PracticeSignIn.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace Dawiso {

PracticeSignInDialog::PracticeSignInDialog(PracticeServer *server, const QUrl &authorizationUrl,
                                           const QString &password, QWidget *parent)
    : QDialog(parent)
    , m_signIn(new PracticeSignIn(server, this))
    , m_authorizationUrl(authorizationUrl)
    , m_email(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("practiceSignInDialog"));
    setWindowTitle(tr("Practice tenant — sign in"));
    auto *intro = new QLabel(tr("<b>Practice run.</b> In a real run, Qlik's sign-in page opens in your browser here. "
                                "The practice tenant's people all use the password shown."),
                             this);
    intro->setWordWrap(true);
    m_email->setObjectName(QStringLiteral("emailEdit"));
    m_email->setText(QUrlQuery(authorizationUrl).queryItemValue(QStringLiteral("login_hint"), QUrl::FullyDecoded));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setText(password);
    m_problem->setObjectName(QStringLiteral("problemLabel"));
    m_problem->setWordWrap(true);
    m_problem->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_signInButton = buttons->addButton(tr("&Sign in"), QDialogButtonBox::AcceptRole);
    m_signInButton->setObjectName(QStringLiteral("signInButton"));
    m_signInButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &PracticeSignInDialog::signIn);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_signIn, &PracticeSignIn::finished, this, &PracticeSignInDialog::onSignedIn);

    auto *form = new QFormLayout;
    form->addRow(tr("E-mail:"), m_email);
    form->addRow(tr("Password:"), m_password);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    resize(440, sizeHint().height());
}

void PracticeSignInDialog::signIn()
{
    m_signInButton->setEnabled(false);
    m_problem->hide();
    m_signIn->signIn(m_authorizationUrl, m_email->text().trimmed(), m_password->text());
}

void PracticeSignInDialog::onSignedIn(const QString &problem)
{
    if (problem.isEmpty()) {
        accept();
        return;
    }
    m_problem->setText(problem);
    m_problem->show();
    m_signInButton->setEnabled(true);
}

} // namespace Dawiso
