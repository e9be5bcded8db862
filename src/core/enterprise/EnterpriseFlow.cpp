#include "enterprise/EnterpriseFlow.h"

#include "common/Clock.h"
#include "enterprise/AdminReview.h"
#include "enterprise/EnterpriseConnectionCheck.h"
#include "enterprise/EnterpriseHostProbe.h"
#include "enterprise/EnterpriseTokenRenewal.h"
#include "enterprise/ServiceUserLookup.h"
#include "enterprise/VirtualProxySetup.h"
#include "qrs/CertificateBundleLoader.h"
#include "qrs/ProxySignIn.h"
#include "qrs/ProxySignInResult.h"
#include "qrs/QrsClient.h"
#include "secrets/SecretEntryName.h"
#include "setup/SetupContext.h"
#include "signing/JsonWebToken.h"
#include "signing/SigningKeyLoader.h"
#include "signing/SigningKeyMaker.h"
#include "token/SecureMemory.h"

#include <QFileInfo>
#include <QThread>
#include <QTimer>
#include <QUuid>

namespace Dawiso {

namespace {

bool isPkcs12(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == u"pfx" || suffix == u"p12";
}

// The certificate only carries the public key the proxy checks signatures with; each token has its own expiry, and
// replacing the certificate is how every token is revoked at once.
constexpr int kCertificateValidityDays = 3650;

} // namespace

EnterpriseFlow::EnterpriseFlow(SetupContext *context, QObject *parent)
    : DeploymentFlow(context, parent)
{ }

EnterpriseFlow::~EnterpriseFlow()
{
    if (m_keyThread) {
        // The key maker must outlive the thread that uses it; a key takes at most a second or two. The handler of
        // its end, which would have deleted the thread, goes with this flow.
        m_keyThread->wait();
        delete m_keyThread;
    }
    SecureMemory::wipe(m_signingKey.privateKeyPem);
    SecureMemory::wipe(m_token);
}

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

ServiceUserLookup *EnterpriseFlow::serviceUserLookup()
{
    ensureServices();
    if (!m_userLookup)
        m_userLookup = new ServiceUserLookup(m_qrs, this);
    return m_userLookup;
}

VirtualProxySetup *EnterpriseFlow::virtualProxySetup()
{
    ensureServices();
    if (!m_proxySetup)
        m_proxySetup = new VirtualProxySetup(m_qrs, this);
    return m_proxySetup;
}

void EnterpriseFlow::setServiceUser(const ServiceUser &user, ContentCoverage coverage)
{
    const bool otherUser = user.account().compare(m_serviceUser.account(), Qt::CaseInsensitive) != 0;
    m_serviceUser = user;
    m_coverage = coverage;
    if (otherUser)
        forgetCredential();
}

VirtualProxySettings EnterpriseFlow::virtualProxySettings() const
{
    VirtualProxySettings settings;
    settings.prefix = m_prefix;
    const ParsedHost host = context()->confirmedHost();
    settings.allowedHostNames = QStringList {host.host()};
    settings.loadBalancingNodeId = m_access.centralNodeId;
    settings.loadBalancingNodeName = m_access.centralNodeHostName;
    settings.certificatePem = m_signingKey.certificatePem;
    return settings;
}

void EnterpriseFlow::setVirtualProxyPrefix(const QString &prefix)
{
    if (prefix == m_prefix)
        return;
    m_prefix = prefix;
    m_proxyReady = false;
    forgetCredential();
}

void EnterpriseFlow::prepareSigningKey()
{
    if (m_keyThread)
        return;
    if (hasSigningKey()) {
        QTimer::singleShot(0, this, [this] { emit signingKeyReady({}); });
        return;
    }
    QString problem;
    if (!m_keyMaker)
        m_keyMaker = SigningKeyLoader::load(&problem);
    if (!m_keyMaker) {
        QTimer::singleShot(0, this, [this, problem] {
            emit signingKeyReady({tr("The wizard cannot make the key that signs Dawiso's token."), problem});
        });
        return;
    }
    struct Made
    {
        std::optional<SigningKeyPair> pair;
        QString problem;
    };
    auto made = std::make_shared<Made>();
    SigningKeyMaker *maker = m_keyMaker.get();
    const QString commonName = tr("Dawiso token signing for %1").arg(context()->confirmedHost().host());
    m_keyThread = QThread::create([maker, made, commonName] {
        made->pair = maker->makeKeyPair(commonName, kCertificateValidityDays, &made->problem);
    });
    connect(m_keyThread, &QThread::finished, this, [this, made] {
        m_keyThread->deleteLater();
        m_keyThread = nullptr;
        if (!made->pair) {
            emit signingKeyReady({tr("The key that signs Dawiso's token could not be made."), made->problem});
            return;
        }
        SecureMemory::wipe(m_signingKey.privateKeyPem);
        m_signingKey = *made->pair;
        SecureMemory::wipe(made->pair->privateKeyPem);
        m_proxyReady = false;
        forgetCredential();
        emit signingKeyReady({});
    });
    m_keyThread->start();
}

void EnterpriseFlow::newSigningKey()
{
    if (m_keyThread)
        return;
    SecureMemory::wipe(m_signingKey.privateKeyPem);
    m_signingKey = SigningKeyPair();
    prepareSigningKey();
}

bool EnterpriseFlow::issueToken(int validityDays, UserMessage *problem)
{
    if (!hasSigningKey() || !m_keyMaker || !m_serviceUser.isValid()) {
        *problem = {tr("There is no signing key or service user yet."), tr("Go Back to the Virtual proxy page.")};
        return false;
    }
    JwtClaims claims;
    const VirtualProxySettings settings = virtualProxySettings();
    claims.userIdClaim = settings.userIdClaim;
    claims.userDirectoryClaim = settings.userDirectoryClaim;
    claims.userId = m_serviceUser.userId;
    claims.userDirectory = m_serviceUser.userDirectory;
    claims.name = m_serviceUser.name;
    claims.issuedAt = Clock::currentDateTimeUtc();
    claims.expiresAt = claims.issuedAt.addDays(validityDays);
    claims.jti = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString why;
    QByteArray token = JsonWebToken::sign(claims, m_signingKey.privateKeyPem, *m_keyMaker, &why);
    if (token.isEmpty()) {
        *problem = {tr("The token could not be signed."), why};
        return false;
    }
    SecureMemory::wipe(m_token);
    m_token = token;
    SecureMemory::wipe(token);
    m_tokenExpiry = claims.expiresAt;
    m_tokenId = claims.jti;
    emit credentialChanged();
    return true;
}

SavedConnection EnterpriseFlow::savedConnection() const
{
    SavedConnection saved;
    saved.kind = DeploymentKind::QlikSenseEnterprise;
    saved.hostAndPort = context()->confirmedHost().hostAndPort();
    saved.virtualProxyPrefix = m_prefix;
    saved.userName = m_serviceUser.account();
    saved.userId = m_serviceUser.qrsId;
    saved.keyId = m_tokenId;
    saved.keyExpiry = m_tokenExpiry;
    return saved;
}

QList<CredentialSaver::SecretEntry> EnterpriseFlow::companionSecrets() const
{
    if (!hasSigningKey())
        return {};
    return {
        {SecretEntryName::forSigningKey(DeploymentKind::QlikSenseEnterprise, context()->confirmedHost().hostAndPort()),
         m_signingKey.privateKeyPem}};
}

void EnterpriseFlow::credentialSaved()
{
    // Both are in the keychain now, read back and compared: this run keeps no copy.
    SecureMemory::wipe(m_token);
    SecureMemory::wipe(m_signingKey.privateKeyPem);
}

void EnterpriseFlow::forgetCredential()
{
    if (m_token.isEmpty())
        return;
    SecureMemory::wipe(m_token);
    m_token.clear();
    m_tokenExpiry = QDateTime();
    m_tokenId.clear();
    emit credentialChanged();
}

QStringList EnterpriseFlow::reminders() const
{
    if (m_tokenExpiry.isNull())
        return {};
    return {
        tr("The token cannot be revoked on its own: to stop it before it expires, replace the certificate of the "
           "virtual proxy /%1 (QMC ▸ Virtual proxies), or make %2 inactive (QMC ▸ Users).")
            .arg(m_prefix, m_serviceUser.account()),
        tr("Keep the virtual proxy /%1 linked to the central proxy and its host allow list as it is.").arg(m_prefix)};
}

QList<CheckResult> EnterpriseFlow::plannedChecks() const
{
    return EnterpriseConnectionCheck::plan();
}

ConnectionCheck *EnterpriseFlow::createConnectionCheck(const ParsedHost &, QObject *parent)
{
    auto *check = new EnterpriseConnectionCheck(context()->network(), context()->trust(), parent);
    check->setVirtualProxyPrefix(m_prefix);
    check->setServiceUser(m_serviceUser.userDirectory, m_serviceUser.userId);
    return check;
}

ConnectionCheck *EnterpriseFlow::createSavedConnectionCheck(const SavedConnection &saved, QObject *parent)
{
    auto *check = new EnterpriseConnectionCheck(context()->network(), context()->trust(), parent);
    check->setVirtualProxyPrefix(saved.virtualProxyPrefix);
    // Saved as "DIRECTORY\userid": the token must stand for that user.
    const qsizetype slash = saved.userName.indexOf(QLatin1Char('\\'));
    if (slash > 0)
        check->setServiceUser(saved.userName.left(slash), saved.userName.mid(slash + 1));
    return check;
}

CredentialRotation *EnterpriseFlow::createRotation(SecretStore *store, ConnectionIndex *index, QObject *parent)
{
    return new EnterpriseTokenRenewal(this, store, index, parent);
}

QStringList EnterpriseFlow::companionEntryNames(const SavedConnection &saved) const
{
    return {SecretEntryName::forSigningKey(saved.kind, saved.hostAndPort)};
}

} // namespace Dawiso
