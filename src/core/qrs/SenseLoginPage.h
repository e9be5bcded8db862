#pragma once

#include <QString>
#include <QUrl>

namespace Dawiso {

// Qlik Sense Enterprise's proxy sends whoever is not signed in to one of its own login pages,
// /[<prefix>/]internal_forms_authentication/ or /[<prefix>/]internal_windows_authentication/. The probes, the
// admin's sign-in and the QRS error words all recognise them here.
class SenseLoginPage
{
public:
    enum class Kind { None, Forms, Windows };

    SenseLoginPage() = delete;

    // Which login page url is, if any (path segments compared without regard to case).
    static Kind kindOf(const QUrl &url);
    // The virtual-proxy prefix in front of the login page ("" for the default virtual proxy, or when it is none).
    static QString prefixOf(const QUrl &url);
};

} // namespace Dawiso
