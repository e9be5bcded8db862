#include "AppStyle.h"

namespace Dawiso {

QIcon AppStyle::standardIcon(StandardPixmap standardIcon, const QStyleOption *option, const QWidget *widget) const
{
    if (standardIcon == SP_CommandLink)
        return {};
    return QProxyStyle::standardIcon(standardIcon, option, widget);
}

} // namespace Dawiso
