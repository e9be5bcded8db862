#pragma once

#include "net/RequestFailure.h"
#include "qlik/QlikError.h"
#include "qlik/QlikRequestOptions.h"

#include <QJsonArray>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>

namespace Dawiso {

class QlikClient;
class QlikRequest;

// Reads every page of a Qlik list by following `links.next.href` until it is absent or empty. Cursors are opaque:
// the pager never builds one. A next link to another origin is followed on the first page's origin when its path is
// under the options' rebasedPathPrefix (an alias naming the server's other address) and refused otherwise (the key
// would go there); a link that was already visited ends the walk with an error instead of looping forever. Emits
// finished() once, then deletes itself.
//
// Not a QlikStep: like QlikRequest it is one use only (no attempts to tell apart, nothing queued that a newer start
// could overtake), and steps run it the way they run a request (QlikStep::run). It follows one request at a time
// on QlikRequest directly; a step's attempt guard on top would guard nothing.
class QlikPager : public QObject
{
    Q_OBJECT

public:
    QlikPager(QlikClient *client, const QUrl &firstPage, const QlikRequestOptions &options, QObject *parent = nullptr);

    void start();
    void cancel();
    // Keep every item in items() (default), or only hand pages out through pageReceived() to save memory.
    void setKeepItems(bool keep) { m_keepItems = keep; }

    bool isFinished() const { return m_finished; }
    bool isSuccess() const { return m_finished && !m_failure.isFailure() && m_errorStatus == 0; }
    RequestFailure failure() const { return m_failure; }
    // Why the walk did not complete, in one phrase: the failure's text, or the HTTP status with Qlik's own words.
    QString failureText() const;
    const QJsonArray &items() const { return m_items; }
    int pagesRead() const { return m_pagesRead; }
    int itemCount() const { return m_itemCount; }

signals:
    void pageReceived(const QJsonArray &data, int pageNumber);
    void waitingForRateLimit(int seconds, int attempt);
    void finished();

private:
    void fetch(const QUrl &url);
    void onPage(QlikRequest *request);
    void finish(const RequestFailure &failure = {});

    QlikClient *m_client;
    QUrl m_firstPage;
    QlikRequestOptions m_options;
    QPointer<QlikRequest> m_current;
    QSet<QUrl> m_visited;
    QJsonArray m_items;
    bool m_keepItems = true;
    bool m_finished = false;
    int m_pagesRead = 0;
    int m_itemCount = 0;
    int m_errorStatus = 0;
    QlikError m_qlikError;
    RequestFailure m_failure;
};

} // namespace Dawiso
