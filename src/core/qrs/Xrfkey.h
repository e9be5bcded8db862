#pragma once

#include <QByteArray>

namespace Dawiso {

// The anti-forgery value every QRS request carries twice, in the `xrfkey` query parameter and in the X-Qlik-Xrfkey
// header: exactly 16 characters from 0-9, a-z and A-Z. A fresh one per request, so that no fixed value can be
// copied from one request into a forged one.
class Xrfkey
{
public:
    Xrfkey() = delete;

    static constexpr int length = 16;

    static QByteArray generate();
    static bool isWellFormed(const QByteArray &value);
};

} // namespace Dawiso
