#pragma once

#include "check/CheckResult.h"
#include "common/UserMessage.h"
#include "enterprise/ServiceUser.h"
#include "enterprise/VirtualProxySettings.h"
#include "qlik/QlikStep.h"

#include <QJsonObject>

namespace Dawiso {

class QrsClient;
class QlikRequest;

// Makes Dawiso's JWT virtual proxy through the QRS as the signed-in admin ("Do it for me"), or checks the one the
// admin made in the QMC ("Guide me"), step by step:
// - rule: Dawiso's read rule, when the admin chose it and it does not exist yet;
// - create: POST /qrs/virtualproxyconfig, or, for a proxy the admin chose to reuse, a PUT of the whole entity with
//   its modifiedDate and Dawiso's settings (its other properties kept);
// - link: the central proxy service read whole, the new proxy added to settings.virtualProxies and PUT back with its
//   modifiedDate. Every other linked proxy stays, the default one included. A 409 means somebody changed the proxy
//   service meanwhile: read it again and retry, a few times.
//   https://help.qlik.com/en-US/sense-developer/November2025/Subsystems/RepositoryServiceAPI/Content/Sense_RepositoryServiceAPI/RepositoryServiceAPI-Virtual-Proxy-Link.md
// - restart: the proxy restarts after a link (10 to 30 s on real sites) and answers 503 or not at all meanwhile;
//   wait it out, up to a minute;
// - confirm: read both back and compare with the settings.
class VirtualProxySetup : public QlikStep
{
    Q_OBJECT

public:
    struct Outcome
    {
        bool ready = false;
        // The prefix belongs to a virtual proxy this run did not make: offer to reuse it or to pick another prefix.
        bool prefixTaken = false;
        QJsonObject existingProxy;
        QString proxyId;
        UserMessage problem;
    };

    explicit VirtualProxySetup(QrsClient *qrs, QObject *parent = nullptr);

    static QList<CheckResult> plan(ContentCoverage coverage);

    // reuseProxyId: the id of the proxy with this prefix that the admin agreed to reuse; empty to create one.
    void start(const VirtualProxySettings &settings, const ServiceUser &user, ContentCoverage coverage,
               const QString &proxyServiceId, const QString &reuseProxyId = {});
    // Reads what the admin made by hand and reports each step as found or with what differs.
    void verify(const VirtualProxySettings &settings, const ServiceUser &user, ContentCoverage coverage,
                const QString &proxyServiceId);
    void cancel() override;

    // How long to wait for the proxy's restart and how often to look; tests shorten them.
    void setRestartWait(int totalMs, int intervalMs);

    static QString ruleStepId() { return QStringLiteral("rule"); }
    static QString createStepId() { return QStringLiteral("create"); }
    static QString linkStepId() { return QStringLiteral("link"); }
    static QString restartStepId() { return QStringLiteral("restart"); }
    static QString confirmStepId() { return QStringLiteral("confirm"); }

signals:
    void stepChanged(const Dawiso::CheckResult &step);
    void finished(const Dawiso::VirtualProxySetup::Outcome &outcome);

private:
    // start() and verify(): a new attempt with these settings.
    void startAttempt(const VirtualProxySettings &settings, const ServiceUser &user, ContentCoverage coverage,
                      const QString &proxyServiceId, const QString &reuseProxyId, bool verifying);
    void report(const QString &id, CheckStatus status, const QString &message, const QString &advice = {});
    void fail(const QString &id, const UserMessage &problem);
    void findRule();
    void onRulesRead(QlikRequest *request);
    void findProxy();
    void onProxyFound(QlikRequest *request);
    void createProxy();
    void replaceProxy(const QJsonObject &existing);
    void onProxyWritten(QlikRequest *request, bool replacing);
    void readProxyService();
    void onProxyServiceRead(QlikRequest *request);
    void onProxyServiceWritten(QlikRequest *request);
    void waitForRestart();
    void pollRestart();
    void onRestartPoll(QlikRequest *request);
    void confirm(const QJsonObject &proxy);
    void onConfirmServiceRead(QlikRequest *request);
    bool isLinked(const QJsonObject &proxyService) const;

    QrsClient *m_qrs;
    VirtualProxySettings m_settings;
    ServiceUser m_user;
    ContentCoverage m_coverage = ContentCoverage::PublishedOnly;
    QString m_proxyServiceId;
    QString m_reuseProxyId;
    QString m_proxyId;
    QJsonObject m_proxy;
    bool m_verifying = false;
    bool m_linkChanged = false;
    int m_conflicts = 0;
    int m_restartTotalMs = 60000;
    int m_restartIntervalMs = 2000;
    qint64 m_restartDeadline = 0;
    quint64 m_generation = 0; // the restart timer's attempt: a newer start() or cancel() silences an older timer
};

} // namespace Dawiso

Q_DECLARE_METATYPE(Dawiso::VirtualProxySetup::Outcome)
