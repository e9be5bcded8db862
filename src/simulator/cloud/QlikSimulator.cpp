#include "simulator/cloud/QlikSimulator.h"

#include "simulator/cloud/DemoTenant.h"
#include "simulator/cloud/QlikError.h"
#include "simulator/cloud/WrongJsonTypes.h"
#include "simulator/common/CryptoUtil.h"

#include <QUrlQuery>

#include <algorithm>

namespace Dawiso::Simulator {

QlikSimulator::QlikSimulator(QObject *parent)
    : QlikSimulator(SimulatedTenant::demo(), parent)
{ }

QlikSimulator::QlikSimulator(SimulatedTenant tenant, QObject *parent)
    : SimulatorHost(parent)
    , m_tenant(std::move(tenant))
    , m_oauthTokens(m_clock)
    , m_oauth(m_tenant, m_oauthTokens, m_clock)
    , m_api(m_tenant, m_tokens, m_cursors, m_oauthTokens, [this] { return hostAndPort(); })
{
    for (const SampleKey key : DemoTenant::sampleKeys()) {
        if (const SimApiKey *record = m_tenant.apiKey(DemoTenant::sampleKeyId(key))) {
            m_sampleTokens.insert(key, m_tokens.sign(*record, m_tenant.id));
            m_sampleUsers.insert(key, record->sub);
        }
    }
    addHandler(QStringLiteral("/"), [this](const SimRequest &request) { return answerApi(request); });
    addHandler(QStringLiteral("/oauth/"), [this](const SimRequest &request) { return m_oauth.handle(request); });
}

QlikSimulator::~QlikSimulator()
{
    // Close the connections (and drop held-back answers) while everything the handlers use still exists.
    stop();
    for (QByteArray &token : m_sampleTokens)
        token.fill('\0');
}

QByteArray QlikSimulator::issueApiKey(const QString &userId, const QDateTime &expiry, const QString &description,
                                      const QString &status)
{
    const SimApiKey key {CryptoUtil::randomHexId(),       userId,         description, status,
                         QDateTime::currentDateTimeUtc(), expiry.toUTC(), userId};
    m_tenant.apiKeys.append(key);
    return m_tokens.sign(key, m_tenant.id);
}

QByteArray QlikSimulator::issueOAuthToken(const QString &userId, const QStringList &scopes)
{
    const SimOAuthClient *client = m_tenant.oauthClient(DemoTenant::nativeClientId());
    const OAuthGrant grant {userId, client ? client->clientId : QString(), scopes, {}, {}};
    return m_oauthTokens.issue(grant, false).accessToken;
}

QUrl QlikSimulator::completeSignIn(const QUrl &authorizationUrl, const QString &email, const QString &password,
                                   QString *problem)
{
    const QUrl origin = authorizationUrl.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment);
    if (!isListening() || origin != baseUrl() || authorizationUrl.path() != u"/oauth/authorize") {
        *problem = tr("This is not the address of the practice tenant's sign-in page.");
        return {};
    }
    return m_oauth.completeSignIn(QUrlQuery(authorizationUrl), email, password, problem);
}

QString QlikSimulator::sampleKeyId(SampleKey key) const
{
    return m_sampleTokens.contains(key) ? DemoTenant::sampleKeyId(key) : QString();
}

void QlikSimulator::setIssuerOverride(const QString &issuer)
{
    m_api.setIssuerOverride(issuer);
}

void QlikSimulator::setWrongJsonTypes(const QString &pathPrefix, bool wrongTypes)
{
    if (wrongTypes)
        m_wrongJsonTypes.insert(pathPrefix);
    else
        m_wrongJsonTypes.remove(pathPrefix);
}

void QlikSimulator::setUserPatchAppendRole(bool appendRole)
{
    m_api.setUserPatchAppendRole(appendRole);
}

void QlikSimulator::setKeyCreationBySignInRefused(bool refused)
{
    m_api.setKeyCreationBySignInRefused(refused);
}

void QlikSimulator::setAliasHost(const QString &host)
{
    m_api.setAliasHost(host);
}

void QlikSimulator::setUserPatchPartial(bool partial)
{
    m_api.setUserPatchPartial(partial);
}

void QlikSimulator::advanceOAuthClock(qint64 seconds)
{
    m_clock.advance(seconds);
}

SimResponse QlikSimulator::rateLimitedAnswer(int retryAfterSeconds) const
{
    return QlikError::rateLimited(retryAfterSeconds);
}

int QlikSimulator::redirectStatus(const QString &path) const
{
    // Qlik answers /users/me with 301 and its other redirects (such as /tenants/me) with 302.
    return path == u"/api/v1/users/me" ? 301 : 302;
}

SimResponse QlikSimulator::answerApi(const SimRequest &request)
{
    SimResponse response = m_api.handle(request);
    const bool wrongTypes = std::any_of(m_wrongJsonTypes.cbegin(), m_wrongJsonTypes.cend(),
                                        [&request](const QString &prefix) { return request.path.startsWith(prefix); });
    if (response.status == 200 && wrongTypes) {
        response = WrongJsonTypes::apply(response);
        response.deviation = QStringLiteral("fault: wrong JSON types");
    }
    return response;
}

} // namespace Dawiso::Simulator
