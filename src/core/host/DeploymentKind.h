#pragma once

namespace Dawiso {

// Which kind of Qlik the user prepares: the hosted SaaS, or client-managed Qlik Sense Enterprise on Windows.
enum class DeploymentKind {
    QlikCloud,
    QlikSenseEnterprise,
};

} // namespace Dawiso
