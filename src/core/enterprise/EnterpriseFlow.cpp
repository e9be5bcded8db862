#include "enterprise/EnterpriseFlow.h"

#include "enterprise/AdminReview.h"
#include "enterprise/EnterpriseHostProbe.h"
#include "qrs/CertificateBundleLoader.h"
#include "qrs/ProxySignIn.h"
#include "qrs/ProxySignInResult.h"
#include "qrs/QrsClient.h"
#include "setup/SetupContext.h"
#include "token/SecureMemory.h"

#include <QFileInfo>

namespace Dawiso {

namespace {

bool isPkcs12(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == u"pfx" || suffix == u"p12";
}

} // namespace

EnterpriseFlow::EnterpriseFlow(SetupContext *context, QObject *parent)
    : DeploymentFlow(context, parent)
{ }

EnterpriseFlow::~EnterpriseFlow() = default;

void EnterpriseFlow::ensureServices()
{
    if (m_hostProbe)
        return;
    QNetworkAccessManager *network = context()->network();
    m_hostProbe = new EnterpriseHostProbe(network, context()->trust(), this);
    m_qrs = new QrsClient(network, context()->trust(), this);
    m_proxySignIn = new ProxySignIn(context()->trust(), this);
    m_review = new AdminReview(m_qrs, this);
    connect(m_hostProbe, &EnterpriseHostProbe::progress, this, &EnterpriseFlow::hostProbeProgress);
    connect(m_hostProbe, &EnterpriseHostProbe::finished, this, [this](const HostProbeResult &result) {
        m_siteRelease = result.isFound() ? result.release : QString();
        emit hostProbeFinished(result);
    });
    connect(m_proxySignIn, &ProxySignIn::finished, this, [this](const ProxySignInResult &result) {
        if (result.kind == ProxySignInResult::Kind::Cancelled)
            return; // the page that stopped it says so itself
        if (!result.ok()) {
            signInFailed(result.summary);
            return;
        }
        m_qrs->setBaseUrl(context()->confirmedHost().baseUrl());
        m_qrs->setSessionCookie(result.cookieName, result.cookieValue);
        AdminAccess signedIn;
        signedIn.method = AdminAccess::Method::WindowsAccount;
        signedIn.userDirectory = result.userDirectory;
        signedIn.userId = result.userId;
        signedIn.userName = result.userName;
        review(signedIn);
    });
    connect(m_review, &AdminReview::progress, this, &EnterpriseFlow::signInProgress);
    connect(m_review, &AdminReview::finished, this, [this](const AdminAccess &access) {
        m_access = access;
        emit signInFinished(m_access, {}, {});
    });
}

void EnterpriseFlow::probeHost(const ParsedHost &host)
{
    ensureServices();
    m_hostProbe->start(host);
}

void EnterpriseFlow::cancelHostProbe()
{
    if (m_hostProbe)
        m_hostProbe->cancel();
}

bool EnterpriseFlow::isProbingHost() const
{
    return m_hostProbe && m_hostProbe->isRunning();
}

void EnterpriseFlow::signInWithWindowsAccount(const QString &account, QByteArray password)
{
    ensureServices();
    forgetSignIns();
    emit signInProgress(
        tr("Signing in to %1 through its proxy as %2…").arg(context()->confirmedHost().displayHostAndPort(), account));
    m_proxySignIn->start(context()->confirmedHost().baseUrl(), account, std::move(password));
}

void EnterpriseFlow::signInWithCertificates(const CertificateBundleChoice &choice, QByteArray passphrase)
{
    ensureServices();
    forgetSignIns();
    const CertificateBundleLoader::Result loaded = isPkcs12(choice.certificatePath)
        ? CertificateBundleLoader::fromPkcs12(choice.certificatePath, passphrase, choice.rootPath)
        : CertificateBundleLoader::fromPem(choice.certificatePath, choice.keyPath, choice.rootPath, passphrase);
    SecureMemory::wipe(passphrase);
    if (!loaded.isValid()) {
        using Slot = CertificateBundleLoader::Slot;
        CertificateBundleProblems problems;
        problems.certificate = loaded.problem(Slot::Certificate);
        problems.key = loaded.problem(Slot::Key);
        problems.passphrase = loaded.problem(Slot::Passphrase);
        problems.root = loaded.problem(Slot::Root);
        // Queued like every other result, so that the page sees it after its own call returned.
        QMetaObject::invokeMethod(
            this, [this, problems] { signInFailed({}, problems); }, Qt::QueuedConnection);
        return;
    }
    // The QRS port of the same server: the bundle goes there and to no other origin.
    QUrl repository = context()->confirmedHost().baseUrl();
    repository.setPath(QString());
    repository.setPort(choice.repositoryPort == 443 ? -1 : choice.repositoryPort);
    m_qrs->setBaseUrl(repository);
    m_qrs->setCertificate(loaded.bundle, choice.userDirectory, choice.userId);
    AdminAccess signedIn;
    signedIn.method = AdminAccess::Method::CertificateBundle;
    signedIn.userDirectory = choice.userDirectory;
    signedIn.userId = choice.userId;
    review(signedIn);
}

void EnterpriseFlow::review(const AdminAccess &signedIn)
{
    m_review->start(signedIn, context()->confirmedHost().virtualProxyPrefix());
}

void EnterpriseFlow::signInFailed(const UserMessage &problem, const CertificateBundleProblems &bundleProblems)
{
    m_access = AdminAccess();
    if (m_qrs)
        m_qrs->clearIdentity();
    emit signInFinished(m_access, problem, bundleProblems);
}

void EnterpriseFlow::cancelSignIn()
{
    if (m_proxySignIn)
        m_proxySignIn->cancel();
    if (m_review)
        m_review->cancel();
}

bool EnterpriseFlow::isSigningIn() const
{
    return (m_proxySignIn && m_proxySignIn->isRunning()) || (m_review && m_review->isRunning());
}

void EnterpriseFlow::forgetSignIns()
{
    if (m_proxySignIn)
        m_proxySignIn->abandon();
    if (m_review)
        m_review->abandon();
    // The session cookie and the bundle's private key go with the identity.
    if (m_qrs)
        m_qrs->clearIdentity();
    m_access = AdminAccess();
}

SavedConnection EnterpriseFlow::savedConnection() const
{
    return {};
}

QStringList EnterpriseFlow::reminders() const
{
    return {};
}

QList<CheckResult> EnterpriseFlow::plannedChecks() const
{
    return {};
}

ConnectionCheck *EnterpriseFlow::createConnectionCheck(const ParsedHost &, QObject *)
{
    return nullptr; // no credential of its own yet: the run ends before the check (EnterprisePages)
}

} // namespace Dawiso
