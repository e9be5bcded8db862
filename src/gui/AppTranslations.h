#pragma once

class QCoreApplication;

namespace Dawiso {

// Installs the application's translations: English, the source language, whose file only supplies plural forms
// ("1 day", "5 days"), and on top of it the user's language when a translation exists.
class AppTranslations
{
public:
    static void install(QCoreApplication &app);
};

} // namespace Dawiso
