#pragma once

#include "Deployments.h"
#include "InProcessPractice.h"
#include "SetupWizard.h"
#include "WizardDriver.h"
#include "cloud/CloudFlow.h"
#include "net/TlsTrust.h"
#include "secrets/ConnectionIndex.h"
#include "setup/SetupController.h"

#include <QNetworkAccessManager>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace Dawiso::Test {

// The wizard as the program builds it, for GUI tests: settings in a temporary folder, the secret store and the
// network manager the test chooses, the controller, the wizard with a driver, and the practice tenant served from the
// test's own process. A test class derives from it next to QObject, calls createWizard() in init() and
// destroyWizard() in cleanup().
template <typename Store, typename Network = QNetworkAccessManager>
class WizardFixture
{
protected:
    // cloudOnly: the wizard with Qlik Cloud alone, for tests that add a deployment of their own.
    void createWizard(bool cloudOnly = false)
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        m_index = std::make_unique<ConnectionIndex>(m_settings.get());
        m_store = std::make_unique<Store>();
        m_network = std::make_unique<Network>();
        m_trust = std::make_unique<TlsTrust>();
        m_controller = std::make_unique<SetupController>(m_network.get(), m_trust.get(), m_store.get(), m_index.get());
        m_wizard = std::make_unique<SetupWizard>(m_controller.get());
        m_cloud = cloudOnly ? Deployments::addCloud(m_controller.get(), m_wizard.get())
                            : Deployments::addAll(m_controller.get(), m_wizard.get());
        m_driver = std::make_unique<WizardDriver>(m_wizard.get());
        m_practice = std::make_unique<InProcessPractice>(m_wizard.get());
    }

    // Shows the wizard and waits until it is on screen; false when it is not.
    [[nodiscard]] bool showWizard()
    {
        m_wizard->show();
        return QTest::qWaitForWindowExposed(m_wizard.get());
    }

    // The wizard first, then what it shows; the store, network and settings go with the fixture.
    void destroyWizard()
    {
        m_practice.reset();
        m_driver.reset();
        m_wizard.reset();
        m_cloud = nullptr;
        m_controller.reset();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ConnectionIndex> m_index;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Network> m_network;
    std::unique_ptr<TlsTrust> m_trust;
    std::unique_ptr<SetupController> m_controller;
    CloudFlow *m_cloud = nullptr; // the controller's
    std::unique_ptr<SetupWizard> m_wizard;
    std::unique_ptr<WizardDriver> m_driver;
    std::unique_ptr<InProcessPractice> m_practice;
};

} // namespace Dawiso::Test
