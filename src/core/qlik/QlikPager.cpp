#include "qlik/QlikPager.h"

#include "net/TlsTrust.h"
#include "qlik/QlikClient.h"
#include "qlik/QlikRequest.h"

#include <QJsonObject>

namespace Dawiso {

QlikPager::QlikPager(QlikClient *client, const QUrl &firstPage, const QlikRequestOptions &options, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_firstPage(firstPage)
    , m_options(options)
{ }

void QlikPager::start()
{
    fetch(m_firstPage);
}

void QlikPager::cancel()
{
    if (m_finished)
        return;
    if (m_current) {
        m_current->disconnect(this);
        m_current->cancel();
    }
    finish(RequestFailure::cancelled());
}

void QlikPager::fetch(const QUrl &url)
{
    m_visited.insert(url);
    QlikRequest *request = m_client->send(url, m_options);
    m_current = request;
    connect(request, &QlikRequest::waitingForRateLimit, this, &QlikPager::waitingForRateLimit);
    connect(request, &QlikRequest::finished, this, [this, request] { onPage(request); });
    request->start();
}

void QlikPager::onPage(QlikRequest *request)
{
    m_current = nullptr;
    if (m_finished)
        return;
    const QString origin = TlsTrust::originKey(request->requestedUrl());
    if (request->failure().isFailure()) {
        finish(request->failure());
        return;
    }
    if (!request->isSuccess()) {
        m_errorStatus = request->httpStatus();
        m_qlikError = request->qlikError();
        finish();
        return;
    }

    QString parseError;
    const QJsonDocument document = request->json(&parseError);
    if (!document.isObject()) {
        finish(RequestFailure::invalidResponse(
            origin, parseError.isEmpty() ? tr("The list page is not a JSON object.") : parseError));
        return;
    }
    const QJsonObject page = document.object();
    const QJsonValue data = page.value(QLatin1String("data"));
    if (!data.isArray()) {
        finish(RequestFailure::invalidResponse(origin, tr("The list page has no \"data\" array.")));
        return;
    }
    const QJsonArray items = data.toArray();
    ++m_pagesRead;
    m_itemCount += int(items.size());
    if (m_keepItems) {
        for (const QJsonValue &item : items)
            m_items.append(item);
    }
    emit pageReceived(items, m_pagesRead);
    if (m_finished) // a receiver may cancel
        return;

    const QJsonValue next = page.value(QLatin1String("links")).toObject().value(QLatin1String("next"));
    const QString href = next.toObject().value(QLatin1String("href")).toString();
    if (href.isEmpty()) {
        finish();
        return;
    }
    QUrl nextUrl = request->finalUrl().resolved(QUrl(href));
    if (!QlikRequest::sameOrigin(nextUrl, m_firstPage)) {
        // A server reached by an alias may name its other address; the walk stays on the origin asked.
        const std::optional<QUrl> onOrigin = QlikRequest::rebased(m_firstPage, nextUrl, m_options.rebasedPathPrefix);
        if (!onOrigin || m_visited.contains(*onOrigin)) {
            finish(m_options.rebasedPathPrefix.isEmpty() ? RequestFailure::unsafeRedirect(origin, nextUrl)
                                                         : RequestFailure::pointedElsewhere(origin, nextUrl));
            return;
        }
        nextUrl = *onOrigin;
    }
    if (m_visited.contains(nextUrl)) {
        finish(RequestFailure::invalidResponse(origin, tr("The list pointed back to a page it had already sent.")));
        return;
    }
    fetch(nextUrl);
}

QString QlikPager::failureText() const
{
    if (m_failure.isFailure())
        return m_failure.text();
    if (m_errorStatus == 0)
        return {};
    const QString said = m_qlikError.summary();
    return said.isEmpty() ? tr("HTTP %1").arg(m_errorStatus)
                          : tr("HTTP %1: %2").arg(QString::number(m_errorStatus), said);
}

void QlikPager::finish(const RequestFailure &failure)
{
    if (m_finished)
        return;
    m_finished = true;
    m_failure = failure;
    QMetaObject::invokeMethod(
        this,
        [this] {
            emit finished();
            deleteLater();
        },
        Qt::QueuedConnection);
}

} // namespace Dawiso
