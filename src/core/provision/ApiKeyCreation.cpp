#include "provision/ApiKeyCreation.h"

#include "provision/IsoDuration.h"
#include "qlik/QlikClient.h"
#include "qlik/QlikRequest.h"
#include "qlik/RequestProblem.h"
#include "token/SecureMemory.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

namespace Dawiso {

namespace {

// Sent, and then no answer that says what happened: Qlik may have created the key all the same, with nobody holding
// it. A refusal before the request arrived (name, TLS, a redirect, a rate limit) created nothing.
bool mayHaveCreated(const QlikRequest *request)
{
    switch (request->failure().kind()) {
    case RequestFailure::Kind::None:
        return request->httpStatus() >= 500;
    case RequestFailure::Kind::TimedOut:
    case RequestFailure::Kind::ConnectionClosed:
    case RequestFailure::Kind::InvalidResponse:
    case RequestFailure::Kind::Network:
        return true;
    default:
        return false;
    }
}

} // namespace

QString ApiKeyCreation::descriptionFor(const QDate &date)
{
    // Shown in Qlik's API key lists, where an admin decides what may be revoked: say who uses it and since when.
    return QStringLiteral("Dawiso data catalog integration (created by Dawiso Qlik Setup on %1)")
        .arg(date.toString(Qt::ISODate));
}

ApiKeyCreation::~ApiKeyCreation()
{
    SecureMemory::wipe(m_result.token);
}

void ApiKeyCreation::conclude(Outcome outcome, const UserMessage &problem, int httpStatus)
{
    m_result.outcome = outcome;
    m_result.problem = problem;
    m_result.httpStatus = httpStatus;
    finish([this] {
        emit finished(m_result);
        // Handed over: a receiver that keeps the key has taken its own copy by now.
        SecureMemory::wipe(m_result.token);
    });
}

void ApiKeyCreation::start(int expiryDays, const ApiKeyPolicy &policy)
{
    if (!isCancellable())
        return; // a key is being created; its answer comes first
    begin();
    m_expiryDays = expiryDays;
    m_policy = policy;
    SecureMemory::wipe(m_result.token);
    m_result = Result();
    if (expiryDays > 0 && !policy.allowsDays(expiryDays)) {
        conclude(Outcome::ExpiryNotAllowed,
                 {tr("Keys on this tenant may last at most %1; %n day(s) is longer.", nullptr, expiryDays)
                      .arg(policy.maxExpiryText()),
                  tr("Choose a shorter expiry, or ask a tenant admin to raise the maximum in Administration › "
                     "Settings › API keys.")});
        return;
    }
    emit progress(tr("Checking who signed in…"));
    run(client()->get(QStringLiteral("/api/v1/users/me")), [this](QlikRequest *request) { onUser(request); });
}

void ApiKeyCreation::onUser(QlikRequest *request)
{
    const auto read = QlikUser::fromRequest(request, tr("Reading who signed in"),
                                            {tr("Qlik's answer about who signed in could not be read.")});
    if (const auto *problem = std::get_if<UserMessage>(&read)) {
        conclude(Outcome::Failed, *problem, request->httpStatus());
        return;
    }
    const QlikUser &user = std::get<QlikUser>(read);
    m_result.user = user;
    emit progress(tr("Counting %1's active API keys…").arg(user.displayName()));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("sub"), user.id);
    query.addQueryItem(QStringLiteral("status"), QStringLiteral("active"));
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
    run(client()->get(QStringLiteral("/api/v1/api-keys"), query), [this](QlikRequest *keys) { onActiveKeys(keys); });
}

void ApiKeyCreation::onActiveKeys(QlikRequest *request)
{
    // A tenant that does not let users list their own keys still lets them create one; Qlik enforces the limit.
    if (request->isSuccess()) {
        m_result.activeKeys = int(request->json().object().value(QLatin1String("data")).toArray().size());
        if (m_policy.known && m_result.activeKeys >= m_policy.maxKeysPerUser) {
            conclude(Outcome::LimitReached,
                     {tr("%1 already has %n active API key(s), the most this tenant allows per user.", nullptr,
                         m_result.activeKeys)
                          .arg(m_result.user.displayName()),
                      tr("Delete a key they no longer need under Profile settings › API keys (signed in as "
                         "them), or ask a tenant admin to raise the limit in Administration › Settings › API "
                         "keys. Then try again.")});
            return;
        }
    }
    QJsonObject body {{QStringLiteral("description"), descriptionFor(QDate::currentDate())}};
    if (m_expiryDays > 0)
        body.insert(QStringLiteral("expiry"), IsoDuration::fromDays(m_expiryDays));
    // Once sent, Qlik may create the key whether or not its answer is awaited: Stop waits for it (see
    // QlikStep::Completion).
    run(
        client()->post(QStringLiteral("/api/v1/api-keys"), QJsonDocument(body)),
        [this](QlikRequest *created) { onCreated(created); }, Completion::MustFinish);
    emit progress(tr("Creating the API key…"));
}

void ApiKeyCreation::onCreated(QlikRequest *request)
{
    const int status = request->httpStatus();
    const QStringList &scopes = m_result.user.scopes;
    const bool lacksPermission = !scopes.isEmpty() && !scopes.contains(QLatin1String("api-keys"));
    if (status == 401 || (status == 403 && !lacksPermission)) {
        const QString who = m_result.user.displayName();
        conclude(Outcome::SignInNotAccepted,
                 {tr("Qlik did not accept %1's sign-in for creating an API key.").arg(who),
                  tr("Qlik may not let a sign-in create API keys: that it does is not confirmed on live tenants. "
                     "Generate the key in Qlik instead: signed in as %1, open Profile settings › API keys and "
                     "click Generate new key, then paste it here. The role assignment and everything else done so "
                     "far stays as it is.")
                      .arg(who),
                  request->qlikError().summary()},
                 status);
        return;
    }
    if (status == 403) {
        conclude(Outcome::NotAllowed,
                 {tr("Qlik did not let %1 create an API key.").arg(m_result.user.displayName()),
                  tr("The user needs a role with Manage API keys (the previous step). If it was just assigned, "
                     "sign out of Qlik in the browser and sign in again here."),
                  request->qlikError().summary()},
                 status);
        return;
    }
    if (status == 400) {
        // Qlik documents no error codes for these two refusals (unconfirmed against a live tenant); its detail says
        // which it is, and is shown either way.
        UserMessage problem = RequestProblem::describe(request, tr("Creating the API key"));
        const QString said = problem.detail.toLower();
        if (said.contains(QLatin1String("expir"))) {
            problem.advice =
                tr("Choose a shorter lifetime: the tenant allows at most %1.").arg(m_policy.maxExpiryText());
            conclude(Outcome::ExpiryNotAllowed, problem, status);
        } else if (said.contains(QLatin1String("active")) || said.contains(QLatin1String("limit"))
                   || said.contains(QLatin1String("per user"))) {
            problem.advice = tr("Delete a key the user no longer needs, or ask a tenant admin to raise the limit in "
                                "Administration › Settings › API keys.");
            conclude(Outcome::LimitReached, problem, status);
        } else {
            problem.advice =
                tr("Qlik refuses keys that live longer than the tenant allows or beyond its number of keys "
                   "per user. Choose a shorter lifetime, or delete a key the user no longer needs.");
            conclude(Outcome::Failed, problem, status);
        }
        return;
    }
    if (mayHaveCreated(request)) {
        UserMessage problem = RequestProblem::describe(request, tr("Creating the API key"));
        problem.message = tr("%1 Qlik may have created the key all the same.").arg(problem.message);
        problem.advice = tr("Signed in to Qlik as %1, open Profile settings › API keys and delete the key described "
                            "as created by Dawiso Qlik Setup today, if it is there; then try again.")
                             .arg(m_result.user.displayName());
        conclude(Outcome::Failed, problem, status);
        return;
    }
    if (!request->isSuccess()) {
        conclude(Outcome::Failed, RequestProblem::describe(request, tr("Creating the API key")), status);
        return;
    }
    const QJsonObject object = request->json().object();
    const auto record = QlikApiKeyRecord::fromJson(object, nullptr);
    const QJsonValue token = object.value(QLatin1String("token"));
    if (!record || !token.isString() || token.toString().isEmpty()) {
        conclude(Outcome::Failed,
                 {tr("Qlik created a key but its answer could not be read, so the key is not usable."),
                  tr("Delete the new key in Qlik (Profile settings › API keys, described as created by "
                     "Dawiso Qlik Setup today) and try again.")});
        return;
    }
    m_result.record = *record;
    QString text = token.toString();
    m_result.token = text.toLatin1();
    SecureMemory::wipe(text);
    conclude(Outcome::Created);
}

} // namespace Dawiso
