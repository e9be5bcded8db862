// The About dialog says which version this is (the one from project(VERSION)), which licences the libraries it is
// built on come under, and where the source is; the wizard opens it from an About button on its pages.
#include "FakeSecretStore.h"
#include "InProcessPractice.h"
#include "SetupWizard.h"
#include "dialogs/AboutDialog.h"
#include "net/TlsTrust.h"
#include "secrets/ConnectionIndex.h"
#include "setup/SetupController.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Dawiso;

class TestAboutDialog : public QObject
{
    Q_OBJECT

private slots:
    void showsTheProjectVersion();
    void namesTheApplication();
    void showsTheQtVersionInUse();
    void listsTheLicences_data();
    void listsTheLicences();
    void linksToTheSource();
    void closes();
    void wizardAboutButtonOpensIt();

private:
    static QString labelText(const QWidget &dialog, const char *name);
};

QString TestAboutDialog::labelText(const QWidget &dialog, const char *name)
{
    const auto *label = dialog.findChild<QLabel *>(QString::fromLatin1(name));
    return label ? label->text() : QString();
}

void TestAboutDialog::showsTheProjectVersion()
{
    const QString expected = QStringLiteral(DQS_TEST_PROJECT_VERSION);
    QCOMPARE(AboutDialog::version(), expected);
    AboutDialog dialog;
    QCOMPARE(labelText(dialog, "versionLabel"), QStringLiteral("Version ") + expected);
    QCOMPARE(dialog.windowTitle(), QStringLiteral("About version %1 of Dawiso Qlik Setup").arg(expected));
}

void TestAboutDialog::namesTheApplication()
{
    AboutDialog dialog;
    QCOMPARE(labelText(dialog, "nameLabel"), QStringLiteral("Dawiso Qlik Setup"));
    QCOMPARE(labelText(dialog, "appIdLabel"), QStringLiteral("com.dawiso.QlikSetup"));
    const auto *icon = dialog.findChild<QLabel *>(QStringLiteral("iconLabel"));
    QVERIFY(icon);
    QVERIFY(!icon->pixmap().isNull());
}

void TestAboutDialog::showsTheQtVersionInUse()
{
    AboutDialog dialog;
    const QString text = labelText(dialog, "qtVersionLabel");
    QVERIFY2(text.contains(QString::fromLatin1(qVersion())), qPrintable(text));
    QVERIFY2(text.contains(QString::fromLatin1(QT_VERSION_STR)), qPrintable(text));
}

void TestAboutDialog::listsTheLicences_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<QStringList>("mustContain");
    QTest::newRow("Qt") << QStringLiteral("qtLicenceLabel")
                        << QStringList {QStringLiteral("Qt "), QStringLiteral("LGPLv3"),
                                        QStringLiteral("dynamically linked"),
                                        QStringLiteral("<a href=\"https://www.qt.io/licensing/\">")};
    QTest::newRow("QtKeychain") << QStringLiteral("keychainLicenceLabel")
                                << QStringList {
                                       QStringLiteral("QtKeychain"), QStringLiteral("BSD 2-clause"),
                                       QStringLiteral("<a href=\"https://opensource.org/license/bsd-2-clause\">")};
    QTest::newRow("OpenSSL") << QStringLiteral("opensslLicenceLabel")
                             << QStringList {
                                    QStringLiteral("OpenSSL"), QStringLiteral("Apache License 2.0"),
                                    QStringLiteral("<a href=\"https://www.apache.org/licenses/LICENSE-2.0\">")};
}

void TestAboutDialog::listsTheLicences()
{
    QFETCH(QString, label);
    QFETCH(QStringList, mustContain);
    AboutDialog dialog;
    const QString text = labelText(dialog, label.toLatin1().constData());
    QVERIFY2(!text.isEmpty(), qPrintable(label));
    for (const QString &part : mustContain)
        QVERIFY2(text.contains(part), qPrintable(part + QStringLiteral(" not in: ") + text));
}

void TestAboutDialog::linksToTheSource()
{
    AboutDialog dialog;
    const auto *label = dialog.findChild<QLabel *>(QStringLiteral("sourceLabel"));
    QVERIFY(label);
    const QString homepage = QStringLiteral(DQS_TEST_HOMEPAGE);
    QVERIFY(homepage.startsWith(QLatin1String("https://")));
    QVERIFY2(label->text().contains(QStringLiteral("<a href=\"%1\">").arg(homepage)), qPrintable(label->text()));
    QCOMPARE(label->textFormat(), Qt::RichText);
    QVERIFY(label->openExternalLinks());
}

void TestAboutDialog::closes()
{
    AboutDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *close = dialog.findChild<QPushButton *>(QStringLiteral("closeButton"));
    QVERIFY(close);
    QTest::mouseClick(close, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isVisible(), 10000);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

void TestAboutDialog::wizardAboutButtonOpensIt()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    ConnectionIndex index(&settings);
    FakeSecretStore store;
    QNetworkAccessManager network;
    TlsTrust trust;
    SetupController controller(&network, &trust, &store, &index);
    SetupWizard wizard(&controller);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));

    QAbstractButton *about = wizard.button(QWizard::CustomButton1);
    QCOMPARE(about->objectName(), QStringLiteral("aboutButton"));
    QCOMPARE(about->text(), QStringLiteral("&About"));
    QVERIFY(about->isVisible());
    // On the left, apart from the buttons that move through the wizard.
    QVERIFY(about->geometry().right() < wizard.button(QWizard::NextButton)->geometry().left());
    QVERIFY(about->geometry().right() < wizard.button(QWizard::CancelButton)->geometry().left());

    // Window-modal and without a nested event loop: the click returns while the dialog is open.
    QTest::mouseClick(about, Qt::LeftButton);
    QPointer<AboutDialog> dialog;
    QTRY_VERIFY((dialog = wizard.findChild<AboutDialog *>()) && dialog->isVisible());
    QCOMPARE(dialog->windowModality(), Qt::WindowModal);
    QCOMPARE(dialog->windowTitle(),
             QStringLiteral("About version %1 of Dawiso Qlik Setup").arg(QStringLiteral(DQS_TEST_PROJECT_VERSION)));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("closeButton")), Qt::LeftButton);
    QTRY_VERIFY(!dialog); // closed and deleted
    QVERIFY(wizard.isVisible());
    QCOMPARE(wizard.currentId(), int(SetupWizard::DeploymentPageId));

    // Still there on the next page.
    Test::InProcessPractice practice(&wizard);
    QVERIFY(wizard.startPracticeRun());
    wizard.next();
    QCOMPARE(wizard.currentId(), int(SetupWizard::HostPageId));
    QVERIFY(about->isVisible());
}

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
