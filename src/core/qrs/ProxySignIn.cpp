#include "qrs/ProxySignIn.h"

#include "net/TlsTrust.h"
#include "oauth/FormBody.h"
#include "qlik/QlikRequest.h"
#include "qrs/QrsProblem.h"
#include "qrs/SenseLoginPage.h"
#include "qrs/SignInForm.h"
#include "token/SecureMemory.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkCookie>
#include <QRegularExpression>

namespace Dawiso {

namespace {

// More hops than Qlik's sign-in takes (the target, the login page, the form's post, the ticket, the target again).
constexpr int maxHops = 10;

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

} // namespace

ProxySignIn::ProxySignIn(const TlsTrust *trust, QObject *parent)
    // The requests are made on the attempt's own network manager, not through a shared client.
    : QlikStep(nullptr, parent)
    , m_trust(trust)
{ }

ProxySignIn::~ProxySignIn()
{
    abandon();
}

QByteArray ProxySignIn::userAgent()
{
    return QByteArrayLiteral("DawisoQlikSetup/" DQS_VERSION " (Windows authentication)");
}

void ProxySignIn::start(const QUrl &proxyBaseUrl, const QString &user, QByteArray password)
{
    begin();
    releaseAttempt();
    m_password = std::move(password);
    m_user = user.trimmed();
    m_hops = 0;
    m_formPosted = false;

    static const QRegularExpression domainUser(QStringLiteral("^[^\\\\\\s]+\\\\[^\\\\]+$"));
    if (!domainUser.match(m_user).hasMatch()) {
        fail(ProxySignInResult::Kind::InvalidInput, tr("Enter the user as DOMAIN\\user."),
             tr("Qlik Sense Enterprise knows its users by their user directory and user id, e.g. CORP\\qlikadmin."));
        return;
    }
    if (m_password.isEmpty()) {
        fail(ProxySignInResult::Kind::InvalidInput, tr("Enter the password."), QString());
        return;
    }
    if (!proxyBaseUrl.isValid() || proxyBaseUrl.scheme() != QLatin1String("https") || proxyBaseUrl.host().isEmpty()) {
        fail(ProxySignInResult::Kind::InvalidInput, tr("The site's address is missing or not encrypted (https)."),
             tr("Go back to the site's address and check it again, then try again."));
        return;
    }
    m_base = proxyBaseUrl.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo
                                   | QUrl::StripTrailingSlash);
    m_network = new QNetworkAccessManager(this);
    m_target = m_base;
    m_target.setPath(m_base.path() + QStringLiteral("/qps/user"));
    ask(m_target, Hop::Follow);
}

void ProxySignIn::cancel()
{
    if (isRunning())
        conclude(ProxySignInResult());
}

void ProxySignIn::abandon()
{
    QlikStep::abandon();
    releaseAttempt();
}

void ProxySignIn::releaseAttempt()
{
    SecureMemory::wipe(m_password);
    SecureMemory::wipe(m_cookieValue);
    m_cookieName.clear();
    // Its replies are cancelled already; the manager takes Qt's cached Windows sign-in and connections with it.
    if (m_network)
        m_network->deleteLater();
    m_network = nullptr;
}

void ProxySignIn::ask(const QUrl &url, Hop hop, QByteArray method, QByteArray body)
{
    if (++m_hops > maxHops) {
        fail(ProxySignInResult::Kind::InvalidAnswer, tr("The Qlik proxy sent the sign-in round in circles."),
             tr("Check the address and the virtual proxy prefix, then try again. If it keeps happening, sign in once "
                "in a browser to see what the site asks for."));
        return;
    }
    QlikRequestOptions options;
    options.timeout = m_requestOptions.timeout;
    options.maxRateLimitRetries = m_requestOptions.maxRateLimitRetries;
    options.authenticated = false;
    options.followRedirects = false;
    options.manualCookies = true;
    options.method = std::move(method);
    options.body = std::move(body);
    options.contentType = QByteArrayLiteral("application/x-www-form-urlencoded");
    options.headers = {{QByteArrayLiteral("User-Agent"), userAgent()},
                       {QByteArrayLiteral("Accept"), QByteArrayLiteral("text/html, application/json")}};
    if (!m_cookieValue.isEmpty())
        options.headers.append({QByteArrayLiteral("Cookie"), m_cookieName + '=' + m_cookieValue, true});
    if (hop == Hop::WindowsLogin) {
        options.httpAuthenticationUser = m_user;
        options.httpAuthenticationPassword = m_password;
    }
    auto *sent = new QlikRequest(m_network, m_trust, url, QByteArray(), options, this);
    run(sent, [this, hop](QlikRequest *answered) { onAnswer(answered, hop); });
}

void ProxySignIn::onAnswer(QlikRequest *request, Hop hop)
{
    const RequestFailure failure = request->failure();
    if (failure.isFailure()) {
        ProxySignInResult result;
        result.kind = ProxySignInResult::Kind::Network;
        result.summary = {tr("Signing in failed: %1").arg(failure.message()), failure.advice(),
                          failure.technicalDetail()};
        result.requestFailure = failure;
        conclude(result);
        return;
    }
    keepSessionCookie(request);
    const int status = request->httpStatus();

    if (isRedirect(status)) {
        const QUrl location = request->finalUrl().resolved(QUrl::fromEncoded(request->header("Location")));
        if (!location.isValid() || !QlikRequest::sameOrigin(location, m_base)) {
            fail(ProxySignInResult::Kind::OtherSignIn,
                 tr("The site signs people in elsewhere, at %1, not with the proxy's Windows or form login.")
                     .arg(location.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery
                                                   | QUrl::RemoveFragment)),
                 tr("Its virtual proxy uses SAML or another identity provider, which the wizard cannot sign in to. "
                    "Use the address of a virtual proxy with Windows authentication, or the certificate export."));
            return;
        }
        if (SenseLoginPage::kindOf(location) == SenseLoginPage::Kind::Forms)
            ask(location, Hop::FormPage);
        else if (SenseLoginPage::kindOf(location) == SenseLoginPage::Kind::Windows)
            ask(location, Hop::WindowsLogin);
        else
            ask(location, Hop::Follow);
        return;
    }

    if (status == 401 && hop == Hop::WindowsLogin
        && !request->header("WWW-Authenticate").contains(QByteArrayLiteral("NTLM"))) {
        fail(ProxySignInResult::Kind::OtherSignIn,
             tr("The site's Windows login accepts only Kerberos (Negotiate), which needs this computer signed in to "
                "the domain."),
             tr("Use the address of a virtual proxy with form authentication, or the certificate export."),
             QString::fromLatin1(request->header("WWW-Authenticate")));
        return;
    }
    if (status == 401 && hop == Hop::WindowsLogin) {
        fail(ProxySignInResult::Kind::WrongCredentials,
             tr("Windows did not accept the user name or the password for %1.").arg(m_user),
             tr("Check the user name (DOMAIN\\user, as in CORP\\qlikadmin) and the password, then try again."),
             tr("HTTP 401 from the Windows login"));
        return;
    }
    if (status == 403 && request->body().contains("inactive")) {
        fail(ProxySignInResult::Kind::AccountInactive,
             tr("Qlik says the account %1 is inactive (\"Your account is inactive\").").arg(m_user),
             tr("A Qlik administrator can activate it in the QMC (Users), or sign in with another administrator "
                "account."),
             QString::fromUtf8(request->body().left(300)));
        return;
    }
    if (status == 200 && request->finalUrl().path() == m_target.path()) {
        readUser(request);
        return;
    }
    if (status == 200 && (hop == Hop::FormPage || hop == Hop::FormPost)) {
        postForm(request);
        return;
    }
    if (status == 200) {
        // Somewhere on the proxy's origin that is not the user it was asked for: the site's own start page of a
        // sign-in the wizard does not know.
        fail(
            ProxySignInResult::Kind::OtherSignIn,
            tr("The site asked for a kind of sign-in the wizard does not know, at %1.").arg(request->finalUrl().path()),
            tr("Sign in once in a browser to see what the site asks for, or use the address of a virtual proxy with "
               "Windows authentication."));
        return;
    }
    const UserMessage problem = QrsProblem::describe(request, tr("Signing in"), QrsClient::Identity::None);
    fail(ProxySignInResult::Kind::Refused, problem.message, problem.advice, problem.detail);
}

void ProxySignIn::keepSessionCookie(const QlikRequest *request)
{
    const QByteArray header = request->header("Set-Cookie");
    if (header.isEmpty())
        return;
    const bool ticketed = QUrlQuery(request->finalUrl()).hasQueryItem(QStringLiteral("qlikTicket"));
    for (const QNetworkCookie &cookie : QNetworkCookie::parseCookies(header)) {
        // Qlik's session cookie by its default name, or the one the proxy sets when it takes the ticket (a virtual
        // proxy may name its cookie otherwise).
        const bool qlikSession = cookie.name().startsWith("X-Qlik-Session");
        if ((qlikSession || (ticketed && m_cookieValue.isEmpty())) && !cookie.value().isEmpty()) {
            SecureMemory::wipe(m_cookieValue);
            m_cookieName = cookie.name();
            m_cookieValue = cookie.value();
            if (qlikSession)
                break;
        }
    }
}

void ProxySignIn::postForm(QlikRequest *request)
{
    const SignInForm form = SignInForm::parse(request->body(), request->finalUrl());
    if (m_formPosted) {
        fail(ProxySignInResult::Kind::WrongCredentials,
             tr("Qlik did not accept the user name or the password for %1.").arg(m_user),
             tr("Check the user name (DOMAIN\\user, as in CORP\\qlikadmin) and the password, then try again."),
             form.errorText());
        return;
    }
    if (!form.isValid() || !QlikRequest::sameOrigin(form.action(), m_base)) {
        fail(ProxySignInResult::Kind::InvalidAnswer,
             tr("The Qlik proxy's login page is not one the wizard can fill in."),
             tr("Sign in once in a browser to see what the site asks for, or use the address of a virtual proxy with "
                "Windows authentication."));
        return;
    }
    m_formPosted = true;
    FormBody body;
    body.add(QUrl::toPercentEncoding(form.userField()).constData(), m_user);
    body.add(QUrl::toPercentEncoding(form.passwordField()).constData(), m_password);
    ask(form.action(), Hop::FormPost, QByteArrayLiteral("POST"), body.take());
}

void ProxySignIn::readUser(QlikRequest *request)
{
    const QJsonObject user = request->json().object();
    const QString userId = user.value(QStringLiteral("userId")).toString();
    if (userId.isEmpty()) {
        fail(ProxySignInResult::Kind::InvalidAnswer, tr("The Qlik proxy did not say whom it signed in."),
             tr("Check that the address is the site's proxy and its virtual proxy prefix, then try again."));
        return;
    }
    if (m_cookieValue.isEmpty()) {
        fail(ProxySignInResult::Kind::InvalidAnswer, tr("The Qlik proxy signed in without giving a session."),
             tr("The wizard needs the proxy's session cookie to go on. Check that the virtual proxy uses Windows "
                "or form authentication, then try again."));
        return;
    }
    ProxySignInResult result;
    result.kind = ProxySignInResult::Kind::SignedIn;
    result.cookieName = m_cookieName;
    result.cookieValue = m_cookieValue;
    result.userDirectory = user.value(QStringLiteral("userDirectory")).toString();
    result.userId = userId;
    result.userName = user.value(QStringLiteral("userName")).toString();
    conclude(result);
}

void ProxySignIn::fail(ProxySignInResult::Kind kind, const QString &message, const QString &advice,
                       const QString &detail)
{
    ProxySignInResult result;
    result.kind = kind;
    result.summary = {message, advice, detail};
    conclude(result);
}

void ProxySignIn::conclude(ProxySignInResult result)
{
    if (result.kind == ProxySignInResult::Kind::Cancelled && result.summary.isEmpty())
        result.summary = {tr("Signing in was cancelled."), QString()};
    releaseAttempt();
    finish([this, result] { emit finished(result); });
}

} // namespace Dawiso
