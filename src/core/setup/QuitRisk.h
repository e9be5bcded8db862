#pragma once

#include <QString>

namespace Dawiso {

// What would be lost if the person quit the wizard now, and the question to ask before letting them: SetupController
// decides the reason, the chosen deployment's flow words it (see DeploymentFlow::describeQuitRisk()).
struct QuitRisk
{
    enum class Reason {
        None,
        // Qlik is creating a credential whose answer has not come: it may exist with nobody holding it.
        CreatingCredential,
        // The keychain is writing it: the write may or may not land.
        Saving,
        // A credential this run created in Qlik is not stored: it stays active in Qlik with nobody holding it.
        UnsavedCreatedCredential,
        // A credential the person pasted is not stored, and Qlik will not show it again.
        UnsavedCredential,
    };

    Reason reason = Reason::None;
    QString title; // the question: "Quit without saving the key?"
    QString text; // what is at stake, and what to do instead

    bool isNone() const { return reason == Reason::None; }
};

} // namespace Dawiso
