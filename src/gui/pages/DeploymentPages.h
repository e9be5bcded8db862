#pragma once

#include "host/DeploymentKind.h"

#include <QList>

namespace Dawiso {

class SetupPage;
class SetupWizard;

// The pages of one deployment's own branch of the wizard, which run between the shared Host page and the shared
// Save and check page: their ids in the order they are shown, and how to build each one when the wizard is about to
// show it. Qt's license wizard example routes pages the same way, by id.
class DeploymentPages
{
public:
    virtual ~DeploymentPages() = default;

    virtual DeploymentKind kind() const = 0;
    virtual QList<int> pageIds() const = 0;
    // A new page for id (one of pageIds()); the wizard takes it.
    virtual SetupPage *createPage(int id) = 0;
    // The wizard the pages are in, once they are added to it: for what the branch asks of the window itself.
    virtual void attach(SetupWizard *wizard) = 0;
};

} // namespace Dawiso
