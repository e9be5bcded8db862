#pragma once

#include <QProxyStyle>

namespace Dawiso {

// The platform's own style, with one change: command links get no default arrow icon. Every command link in the
// wizard sets its own icon, and Qt decodes the default one (an image, so every image-format plugin loads first) in
// the button's constructor, on the first page, before the window shows.
class AppStyle : public QProxyStyle
{
    Q_OBJECT

public:
    AppStyle() = default;

    QIcon standardIcon(StandardPixmap standardIcon, const QStyleOption *option = nullptr,
                       const QWidget *widget = nullptr) const override;
};

} // namespace Dawiso
