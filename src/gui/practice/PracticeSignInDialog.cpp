#include "practice/PracticeSignInDialog.h"

#include "qlik/QlikClient.h"
#include "qlik/QlikRequest.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QRegularExpression>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace Dawiso {

PracticeSignInDialog::PracticeSignInDialog(QlikClient *tenant, const QUrl &authorizationUrl, const QString &password,
                                           QWidget *parent)
    : QDialog(parent)
    , m_tenant(tenant)
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

void PracticeSignInDialog::showProblem(const QString &problem)
{
    m_problem->setText(problem);
    m_problem->show();
    m_signInButton->setEnabled(true);
}

void PracticeSignInDialog::signIn()
{
    m_signInButton->setEnabled(false);
    m_problem->hide();
    QlikRequestOptions options = m_tenant->defaultOptions();
    options.authenticated = false;
    QlikRequest *request = m_tenant->send(m_authorizationUrl, options);
    connect(request, &QlikRequest::finished, this, [this, request] { onSignInPage(request); });
    request->start();
}

void PracticeSignInDialog::onSignInPage(QlikRequest *request)
{
    // The simulated sign-in page carries its pending request in a hidden "transaction" field.
    static const QRegularExpression transactionField(QStringLiteral("name=\"transaction\" value=\"([^\"]+)\""));
    const QRegularExpressionMatch match = transactionField.match(QString::fromUtf8(request->body()));
    if (request->httpStatus() != 200 || !match.hasMatch()) {
        showProblem(tr("The practice tenant's sign-in page did not open (%1).")
                        .arg(request->failure().isFailure() ? request->failure().message()
                                                            : tr("HTTP status %1").arg(request->httpStatus())));
        return;
    }
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("transaction"), match.captured(1));
    form.addQueryItem(QStringLiteral("email"), m_email->text().trimmed());
    form.addQueryItem(QStringLiteral("password"), m_password->text());
    QlikRequestOptions options = m_tenant->defaultOptions();
    options.authenticated = false;
    options.method = QByteArrayLiteral("POST");
    options.contentType = QByteArrayLiteral("application/x-www-form-urlencoded");
    options.body = form.toString(QUrl::FullyEncoded).toUtf8();
    options.followRedirects = false; // the redirect goes to the wizard's loopback address, over plain http
    QlikRequest *login = m_tenant->send(m_tenant->urlFor(QStringLiteral("/oauth/authorize/login")), options);
    connect(login, &QlikRequest::finished, this, [this, login] { onLogin(login); });
    login->start();
}

void PracticeSignInDialog::onLogin(QlikRequest *request)
{
    const QUrl back = QUrl::fromEncoded(request->header("Location"));
    if (request->httpStatus() != 302 || back.host() != QLatin1String("127.0.0.1")) {
        showProblem(request->httpStatus() == 200
                        ? tr("The e-mail or password is not right for the practice tenant.")
                        : tr("The practice sign-in failed (HTTP %1).").arg(request->httpStatus()));
        return;
    }
    // What the browser does next: follow the redirect to the wizard's own listener, which finishes the sign-in.
    auto *network = new QNetworkAccessManager(this);
    QNetworkReply *reply = network->get(QNetworkRequest(back));
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        accept();
    });
}

} // namespace Dawiso
