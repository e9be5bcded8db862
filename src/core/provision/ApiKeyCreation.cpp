#include "provision/ApiKeyCreation.h"

#include "provision/IsoDuration.h"
#include "qlik/QlikClient.h"
#include "qlik/QlikRequest.h"
#include "token/SecureMemory.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

namespace Dawiso {

QString ApiKeyCreation::descriptionFor(const QDate &date)
{
    // Shown in Qlik's API key lists, where an admin decides what may be revoked: say who uses it and since when.
    return QStringLiteral("Dawiso data catalog integration (created by Dawiso Qlik Setup on %1)")
        .arg(date.toString(Qt::ISODate));
}

void ApiKeyCreation::finish(Outcome outcome, const ProvisionStepError &error)
{
    m_result.outcome = outcome;
    m_result.error = error;
    emit finished(m_result);
    // Handed over: a receiver that keeps the key has taken its own copy by now.
    SecureMemory::wipe(m_result.token);
}

void ApiKeyCreation::start(int expiryDays, const ApiKeyPolicy &policy)
{
    if (!isCancellable())
        return; // a key is being created; its answer comes first
    cancel();
    m_expiryDays = expiryDays;
    m_policy = policy;
    m_result = Result();
    if (expiryDays > 0 && !policy.allowsDays(expiryDays)) {
        ProvisionStepError error;
        error.message = tr("Keys on this tenant may last at most %1; %n day(s) is longer.", nullptr, expiryDays)
                            .arg(policy.maxExpiryText());
        error.advice = tr("Choose a shorter expiry, or ask a tenant admin to raise the maximum in Administration › "
                          "Settings › API keys.");
        later([this, error] { finish(Outcome::ExpiryNotAllowed, error); });
        return;
    }
    emit progress(tr("Checking who signed in…"));
    run(client()->get(QStringLiteral("/api/v1/users/me")), [this](QlikRequest *request) { onUser(request); });
}

void ApiKeyCreation::onUser(QlikRequest *request)
{
    if (!request->isSuccess()) {
        finish(Outcome::Failed, ProvisionStepError::fromRequest(request, tr("Reading who signed in")));
        return;
    }
    QString problem;
    const auto user = QlikUser::fromBody(request->body(), &problem);
    if (!user) {
        ProvisionStepError error;
        error.message = tr("Qlik's answer about who signed in could not be read.");
        error.detail = problem;
        finish(Outcome::Failed, error);
        return;
    }
    m_result.user = *user;
    emit progress(tr("Counting %1's active API keys…").arg(user->displayName()));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("sub"), user->id);
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
            ProvisionStepError error;
            error.message = tr("%1 already has %n active API key(s), the most this tenant allows per user.", nullptr,
                               m_result.activeKeys)
                                .arg(m_result.user.displayName());
            error.advice = tr("Delete a key they no longer need under Profile › Settings › API keys (signed in as "
                              "them), or ask a tenant admin to raise the limit in Administration › Settings › API "
                              "keys. Then try again.");
            finish(Outcome::LimitReached, error);
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
    if (request->httpStatus() == 403) {
        ProvisionStepError error;
        error.message = tr("Qlik did not let %1 create an API key.").arg(m_result.user.displayName());
        error.advice = tr("The user needs a role with Manage API keys (the previous step). If it was just assigned, "
                          "sign out of Qlik in the browser and sign in again here.");
        error.detail = request->qlikError().summary();
        error.httpStatus = 403;
        finish(Outcome::NotAllowed, error);
        return;
    }
    if (request->httpStatus() == 400) {
        // Qlik documents no error codes for these two refusals (unconfirmed against a live tenant); its detail says
        // which it is, and is shown either way.
        ProvisionStepError error = ProvisionStepError::fromRequest(request, tr("Creating the API key"));
        const QString said = error.detail.toLower();
        if (said.contains(QLatin1String("expir"))) {
            error.advice = tr("Choose a shorter lifetime: the tenant allows at most %1.").arg(m_policy.maxExpiryText());
            finish(Outcome::ExpiryNotAllowed, error);
        } else if (said.contains(QLatin1String("active")) || said.contains(QLatin1String("limit"))
                   || said.contains(QLatin1String("per user"))) {
            error.advice = tr("Delete a key the user no longer needs, or ask a tenant admin to raise the limit in "
                              "Administration › Settings › API keys.");
            finish(Outcome::LimitReached, error);
        } else {
            error.advice = tr("Qlik refuses keys that live longer than the tenant allows or beyond its number of keys "
                              "per user. Choose a shorter lifetime, or delete a key the user no longer needs.");
            finish(Outcome::Failed, error);
        }
        return;
    }
    if (!request->isSuccess()) {
        finish(Outcome::Failed, ProvisionStepError::fromRequest(request, tr("Creating the API key")));
        return;
    }
    const QJsonObject object = request->json().object();
    const auto record = QlikApiKeyRecord::fromJson(object, nullptr);
    const QJsonValue token = object.value(QLatin1String("token"));
    if (!record || !token.isString() || token.toString().isEmpty()) {
        ProvisionStepError error;
        error.message = tr("Qlik created a key but its answer could not be read, so the key is not usable.");
        error.advice = tr("Delete the new key in Qlik (Profile › Settings › API keys, described as created by "
                          "Dawiso Qlik Setup today) and try again.");
        finish(Outcome::Failed, error);
        return;
    }
    m_result.record = *record;
    QString text = token.toString();
    m_result.token = text.toLatin1();
    SecureMemory::wipe(text);
    finish(Outcome::Created);
}

} // namespace Dawiso
