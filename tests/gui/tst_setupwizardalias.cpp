// The guided flow against a tenant reached by an alias, whose redirects and next links name its other address: the
// wizard reads them on the address the admin confirmed, and the check passes. Real widgets, real HTTPS.
#include "AppTranslations.h"
#include "FakeSecretStore.h"
#include "WizardDriver.h"
#include "WizardFixture.h"
#include "cloud/CloudConnectionCheck.h"
#include "simulator/cloud/QlikSimulator.h"
#include "widgets/CheckListWidget.h"

#include <QLineEdit>
#include <QTest>

using namespace Dawiso;
using Simulator::SampleKey;

class TestSetupWizardAlias : public QObject, protected Test::WizardFixture<FakeSecretStore>
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void connectionCheckPassesOnATenantThatNamesItsAlias();
};

void TestSetupWizardAlias::initTestCase()
{
    AppTranslations::install(*QCoreApplication::instance());
}

void TestSetupWizardAlias::init()
{
    createWizard();
    QVERIFY(m_wizard->startPracticeRun());
    QVERIFY(showWizard());
}

void TestSetupWizardAlias::cleanup()
{
    destroyWizard();
}

void TestSetupWizardAlias::connectionCheckPassesOnATenantThatNamesItsAlias()
{
    Simulator::QlikSimulator *simulator = m_practice->simulator();
    QVERIFY(simulator);
    // The other loopback name on the same port: reachable, but neither the address confirmed nor trusted.
    simulator->setAliasHost(QStringLiteral("127.0.0.1"));
    const QString host = simulator->hostAndPort();

    m_driver->clickNext();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::HostPageId));
    QCOMPARE(m_driver->find<QLineEdit>("hostEdit")->text(), host);
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->canGoNext(), 20000);
    m_driver->clickNext();

    QCOMPARE(m_wizard->currentId(), int(SetupWizard::CloudAccessPageId));
    for (const char *step : {"createRoleCheck", "assignRoleCheck", "shareSpacesCheck"})
        m_driver->tick(step);
    m_driver->clickNext();

    // users/me answers with an absolute redirect to the alias: the key is still recognised.
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::CloudKeyPageId));
    const QByteArray healthy = simulator->sampleToken(SampleKey::Healthy);
    m_driver->find<QLineEdit>("keyEdit")->setText(QString::fromLatin1(healthy));
    QTRY_COMPARE_WITH_TIMEOUT(m_driver->panel()->kind(), MessagePanel::Kind::Success, 20000);
    QVERIFY2(m_driver->panel()->message().contains(QLatin1String("Dawiso Integration")),
             qPrintable(m_driver->panel()->message()));
    m_driver->clickNext();

    QCOMPARE(m_wizard->currentId(), int(SetupWizard::SaveAndCheckPageId));
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->canGoNext(), 30000);
    QCOMPARE(m_driver->panel()->kind(), MessagePanel::Kind::Success);
    QVERIFY2(m_driver->panel()->message().contains(QLatin1String("every check passed")),
             qPrintable(m_driver->panel()->message()));
    auto *checkList = m_driver->find<CheckListWidget>("checkList");
    for (const CheckResult &planned : CloudConnectionCheck::plan())
        QCOMPARE(checkStatusName(checkList->statusOf(planned.id)), QStringLiteral("pass"));

    // Every API request went to the confirmed address, with the key; the redirects to the alias were among them.
    int apiRequests = 0;
    for (const auto &request : simulator->requests()) {
        QCOMPARE(QString::fromLatin1(request.headers.value("Host")), host);
        if (request.path.startsWith(QLatin1String("/api/"))) {
            ++apiRequests;
            QVERIFY2(request.hadAuthorization, qPrintable(request.path));
        }
    }
    QVERIFY(simulator->requestCount(QStringLiteral("/api/v1/users/me")) >= 2); // the key page and the check
    QVERIFY(simulator->requestCount(QStringLiteral("/api/v1/tenants/me")) >= 1);
    QVERIFY(apiRequests > 5);
}

QTEST_MAIN(TestSetupWizardAlias)
#include "tst_setupwizardalias.moc"
