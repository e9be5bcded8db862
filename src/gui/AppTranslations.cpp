#include "AppTranslations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace Dawiso {

namespace {

const QString directory = QStringLiteral(":/translations");
const QString baseName = QStringLiteral("dawiso-qlik-setup");

template <typename Load>
void installOne(QCoreApplication &app, Load load)
{
    auto *translator = new QTranslator(&app);
    if (load(*translator))
        QCoreApplication::installTranslator(translator);
    else
        delete translator;
}

} // namespace

void AppTranslations::install(QCoreApplication &app)
{
    installOne(app, [](QTranslator &t) { return t.load(baseName + QStringLiteral("_en"), directory); });
    if (QLocale().language() != QLocale::English)
        installOne(app, [](QTranslator &t) { return t.load(QLocale(), baseName, QStringLiteral("_"), directory); });
}

} // namespace Dawiso
