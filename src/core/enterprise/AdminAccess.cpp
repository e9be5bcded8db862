#include "enterprise/AdminAccess.h"

#include <algorithm>

namespace Dawiso {

QString AdminAccess::account() const
{
    if (userId.isEmpty())
        return {};
    return userDirectory.isEmpty() ? userId : userDirectory + u'\\' + userId;
}

bool AdminAccess::hasFailure() const
{
    return std::any_of(findings.cbegin(), findings.cend(),
                       [](const CheckResult &finding) { return finding.status == CheckStatus::Fail; });
}

bool AdminAccess::isConfirmed() const
{
    return method != Method::None && isRootAdmin && !buildVersion.isEmpty() && !hasFailure();
}

} // namespace Dawiso
