// The user picker against the simulated tenant over HTTPS, searching as a tenant admin: users who cannot be chosen
// say why in words a keyboard or screen-reader user gets too, and Qlik's user statuses read as plain words
// (QlikUser::statusInWords, whose every status tst_qlikjson covers).
#include "AppTranslations.h"
#include "SimulatorClientFixture.h"
#include "provision/UserSearch.h"
#include "qlik/QlikClient.h"
#include "simulator/cloud/QlikSimulator.h"
#include "widgets/UserPickerWidget.h"

#include <QListWidget>
#include <QTest>

using namespace Dawiso;

class TestUserPicker : public QObject, protected Test::SimulatorClientFixture
{
    Q_OBJECT

private slots:
    void initTestCase();
    void usersWhoCannotBeChosenSayWhy_data();
    void usersWhoCannotBeChosenSayWhy();
};

void TestUserPicker::initTestCase()
{
    AppTranslations::install(*QCoreApplication::instance());
}

void TestUserPicker::usersWhoCannotBeChosenSayWhy_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("textMentions");
    QTest::addColumn<QString>("reasonMentions"); // empty: the user can be chosen
    QTest::newRow("tenant admin") << "alex"
                                  << "Alex Admin"
                                  << "tenant admin"
                                  << "is a tenant admin";
    QTest::newRow("invited user") << "erin"
                                  << "Erin Invited"
                                  << "invited but not yet signed in"
                                  << "Dawiso needs an active user";
    QTest::newRow("disabled user") << "dan"
                                   << "Dan Disabled"
                                   << "disabled"
                                   << "Dawiso needs an active user";
    QTest::newRow("ordinary user") << "riley"
                                   << "Riley"
                                   << "riley"
                                   << "";
}

void TestUserPicker::usersWhoCannotBeChosenSayWhy()
{
    QFETCH(QString, search);
    QFETCH(QString, name);
    QFETCH(QString, textMentions);
    QFETCH(QString, reasonMentions);

    QVERIFY(startSimulator());
    m_client->setApiKey(m_simulator->sampleToken(Simulator::SampleKey::TenantAdmin)); // reading users takes an admin
    UserSearch userSearch(m_client.get());
    UserPickerWidget picker;
    picker.setSearch(&userSearch);
    picker.setSearchText(search);
    auto *list = picker.findChild<QListWidget *>(QStringLiteral("userList"));
    QTRY_VERIFY_WITH_TIMEOUT(list->count() == 1 && list->item(0)->text().startsWith(name), 20000);

    const QListWidgetItem *item = list->item(0);
    QVERIFY2(item->text().contains(textMentions, Qt::CaseInsensitive), qPrintable(item->text()));
    const QString description = item->data(Qt::AccessibleDescriptionRole).toString();
    if (reasonMentions.isEmpty()) {
        QVERIFY(item->flags() & Qt::ItemIsEnabled);
        QVERIFY2(description.isEmpty(), qPrintable(description));
        return;
    }
    QVERIFY(!(item->flags() & Qt::ItemIsEnabled));
    QVERIFY2(description.contains(reasonMentions), qPrintable(description));
    QCOMPARE(item->toolTip(), description);
}

QTEST_MAIN(TestUserPicker)
#include "tst_userpicker.moc"
