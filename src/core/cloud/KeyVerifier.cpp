#include "cloud/KeyVerifier.h"

#include "net/TlsTrust.h"
#include "qlik/KeyRefusal.h"
#include "qlik/QlikClient.h"
#include "qlik/QlikPager.h"
#include "qlik/QlikRequest.h"
#include "qlik/RequestProblem.h"

#include <QJsonObject>
#include <QUrlQuery>

namespace Dawiso {

void KeyVerifier::start(const ApiKeyToken &token)
{
    begin();
    m_result = KeyVerification();
    m_result.keyId = token.keyId();
    m_claimedExpiry = token.expiresAt();
    client()->setApiKey(token.token());

    QlikRequest *request = client()->get(QStringLiteral("/api/v1/users/me"));
    connect(request, &QlikRequest::waitingForRateLimit, this, [this](int seconds) {
        emit progress(tr("Qlik asked to wait %n second(s) before asking again…", nullptr, seconds));
    });
    emit progress(tr("Asking Qlik whose key this is…"));
    run(request, [this](QlikRequest *answered) { onUser(answered); });
}

void KeyVerifier::cancel()
{
    if (!isRunning())
        return;
    m_result.outcome = KeyVerification::Outcome::Cancelled;
    m_result.failure = RequestFailure::cancelled();
    m_result.summary.message = tr("The check was stopped.");
    client()->clearApiKey();
    finishNow([this] { emit finished(m_result); });
}

void KeyVerifier::onUser(QlikRequest *request)
{
    if (request->failure().isFailure()) {
        m_result.failure = request->failure();
        m_result.outcome = m_result.failure.kind() == RequestFailure::Kind::Cancelled
            ? KeyVerification::Outcome::Cancelled
            : KeyVerification::Outcome::Unreachable;
        m_result.summary = RequestProblem::fromFailure(m_result.failure);
        conclude();
        return;
    }
    if (!request->isSuccess()) {
        interpretRefusal(request);
        conclude();
        return;
    }

    const auto read = QlikUser::fromAnswer(
        request, {tr("Qlik accepted the key, but its description of the user could not be read.")});
    if (const auto *problem = std::get_if<UserMessage>(&read)) {
        m_result.outcome = KeyVerification::Outcome::InvalidAnswer;
        m_result.failure =
            RequestFailure::invalidResponse(TlsTrust::originKey(request->requestedUrl()), problem->detail);
        m_result.summary = {problem->message, m_result.failure.advice(), m_result.failure.technicalDetail()};
        conclude();
        return;
    }
    const QlikUser *user = &std::get<QlikUser>(read);
    m_result.user = *user;
    if (!user->isActive()) {
        m_result.outcome = KeyVerification::Outcome::UserInactive;
        m_result.summary.message =
            tr("The key belongs to %1, whose account is %2 in Qlik.").arg(user->displayName(), user->statusInWords());
        m_result.summary.advice = tr("Dawiso needs an active user. Reactivate the user in Administration › Manage users, or "
                                     "generate the key as another user.");
        conclude();
        return;
    }

    m_result.outcome = KeyVerification::Outcome::Accepted;
    m_result.summary.message = tr("This key belongs to %1.").arg(user->displayName());
    if (m_claimedExpiry) {
        m_result.expiry = *m_claimedExpiry;
        m_result.expirySource = KeyVerification::ExpirySource::KeyClaims;
    }

    QUrlQuery query;
    query.addQueryItem(QStringLiteral("sub"), user->id);
    query.addQueryItem(QStringLiteral("status"), QStringLiteral("active"));
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
    emit progress(tr("Reading the key's expiry date…"));
    run(client()->getAllPages(QStringLiteral("/api/v1/api-keys"), query),
        [this](QlikPager *pager) { onKeyList(pager); });
}

void KeyVerifier::onKeyList(QlikPager *pager)
{
    // The key itself is verified by now; the list only adds its expiry. A tenant that does not let this user list
    // keys, or a list that fails, leaves the expiry from the key's own claims.
    if (pager->isSuccess()) {
        m_result.keyListReadable = true;
        for (const QJsonValue &value : pager->items()) {
            const auto record = QlikApiKeyRecord::fromJson(value.toObject(), nullptr);
            if (record && !m_result.keyId.isEmpty() && record->id == m_result.keyId) {
                m_result.record = record;
                if (record->expiry.isValid()) {
                    m_result.expiry = record->expiry;
                    m_result.expirySource = KeyVerification::ExpirySource::KeyRecord;
                }
                break;
            }
        }
    }
    conclude();
}

void KeyVerifier::interpretRefusal(QlikRequest *request)
{
    const KeyRefusal refusal = KeyRefusal::fromAnswer(request->httpStatus(), request->qlikError(),
                                                      TlsTrust::originKey(request->requestedUrl()));
    switch (refusal.reason) {
    case KeyRefusal::Reason::RevokedOrExpired:
        m_result.outcome = KeyVerification::Outcome::RevokedOrExpired;
        break;
    case KeyRefusal::Reason::Rejected:
        m_result.outcome = KeyVerification::Outcome::Rejected;
        break;
    case KeyRefusal::Reason::UserNotAllowed:
        m_result.outcome = KeyVerification::Outcome::UserInactive;
        break;
    case KeyRefusal::Reason::Other:
        m_result.outcome = KeyVerification::Outcome::InvalidAnswer;
        break;
    }
    m_result.summary = refusal.problem;
}

void KeyVerifier::conclude()
{
    client()->clearApiKey();
    finish([this] { emit finished(m_result); });
}

} // namespace Dawiso
