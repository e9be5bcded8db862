#include "setup/DeploymentFlow.h"

#include "host/HostParser.h"
#include "setup/SetupContext.h"

namespace Dawiso {

DeploymentFlow::DeploymentFlow(SetupContext *context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{ }

ParsedHost DeploymentFlow::parseHost(const QString &input) const
{
    return HostParser::parse(input, kind());
}

QString DeploymentFlow::unsavedCreatedCredentialId() const
{
    return {};
}

void DeploymentFlow::revokeCreatedCredential() { }

bool DeploymentFlow::isCreatingCredential() const
{
    return false;
}

void DeploymentFlow::forgetSignIns() { }

ConnectionCheck *DeploymentFlow::createSavedConnectionCheck(const SavedConnection &saved, QObject *parent)
{
    return createConnectionCheck(parseHost(saved.hostAndPort), parent);
}

CredentialRotation *DeploymentFlow::createRotation(SecretStore *, ConnectionIndex *, QObject *)
{
    return nullptr;
}

QStringList DeploymentFlow::companionEntryNames(const SavedConnection &) const
{
    return {};
}

bool DeploymentFlow::revokeStoredCredential(const SavedConnection &, const QByteArray &)
{
    return false;
}

QStringList DeploymentFlow::reminders() const
{
    return {};
}

QuitRisk DeploymentFlow::describeQuitRisk(QuitRisk::Reason reason) const
{
    QuitRisk risk;
    risk.reason = reason;
    switch (reason) {
    case QuitRisk::Reason::None:
        break;
    case QuitRisk::Reason::CreatingCredential:
        risk.title = tr("Quit while the credential is being created?");
        risk.text = tr("Qlik is creating the credential right now; its answer takes a few seconds at most. If you quit "
                       "now, it may be created without anybody receiving it.");
        break;
    case QuitRisk::Reason::Saving:
        risk.title = tr("Quit without saving the credential?");
        risk.text = tr("The credential is being stored in this computer's keychain right now. If you quit now, it may "
                       "or may not end up stored; stay a moment to see it confirmed.");
        break;
    case QuitRisk::Reason::UnsavedCreatedCredential:
        risk.title = tr("Quit without saving the credential?");
        risk.text = tr("The wizard created a credential in Qlik that is not stored yet. If you quit now, it stays "
                       "active in Qlik but nobody has it.");
        break;
    case QuitRisk::Reason::UnsavedCredential:
        risk.title = tr("Quit without saving the credential?");
        risk.text = tr("The credential you entered is not stored yet. If you quit now, you will have to enter it "
                       "again.");
        break;
    }
    return risk;
}

} // namespace Dawiso
