#pragma once

#include "common/UserMessage.h"
#include "enterprise/AdminAccess.h"
#include "qlik/QlikStep.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Dawiso {

class QrsClient;

// Reads, through the QRS and as the admin who signed in, what the wizard must know before it sets anything up: the
// QRS build (qrs/about), the admin's own user record and roles (RootAdmin or exactly what is missing), the central
// node and its proxy service with their virtual proxies, and how many streams and apps the site holds (and, through
// the proxy, how many the admin can open). Reads only; every answer becomes one finding with its fix. The first call
// decides whether the rest runs: a QRS that does not answer is one failure with its cause, not six.
class AdminReview : public QlikStep
{
    Q_OBJECT

public:
    explicit AdminReview(QrsClient *qrs, QObject *parent = nullptr);

    // access: who signed in and how (method, userDirectory, userId, userName); the review fills in the rest.
    // virtualProxyPrefix: the prefix of the address the admin entered ("" for the default virtual proxy).
    void start(const AdminAccess &access, const QString &virtualProxyPrefix);

    // The finding ids in the order they are shown, with their titles, all pending.
    static QList<CheckResult> plan();

signals:
    void progress(const QString &message);
    void finished(const Dawiso::AdminAccess &access);

private:
    void readAbout(QlikRequest *request);
    void readUser(QlikRequest *request);
    void readCentralNode(QlikRequest *request);
    void readProxyServices(QlikRequest *request);
    void readCount(QlikRequest *request, int *count);
    void readOpenable(QlikRequest *request);
    void oneRead();
    void conclude();
    void setFinding(QLatin1String id, CheckStatus status, const QString &message, const QString &advice = {});
    void skipRemaining();

    QrsClient *m_qrs;
    AdminAccess m_access;
    QString m_prefix;
    int m_pendingReads = 0;
    bool m_userFound = false;
    bool m_nodesReadable = false;
    bool m_proxiesReadable = false;
    QString m_userReadProblem;
};

} // namespace Dawiso
