#include "practice/PracticeServerLoader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPluginLoader>

namespace Dawiso {

std::unique_ptr<PracticeServer> PracticeServerLoader::load(QString *problem)
{
    PracticeServerFactory *factory = loadFactory(defaultFolders(), problem);
    return factory ? factory->createServer() : nullptr;
}

std::unique_ptr<PracticeServer> PracticeServerLoader::load(const QStringList &folders, QString *problem)
{
    PracticeServerFactory *factory = loadFactory(folders, problem);
    return factory ? factory->createServer() : nullptr;
}

std::unique_ptr<PracticeSite> PracticeServerLoader::loadSite(QString *problem)
{
    PracticeServerFactory *factory = loadFactory(defaultFolders(), problem);
    return factory ? factory->createSite() : nullptr;
}

QStringList PracticeServerLoader::defaultFolders()
{
    const QDir executableDir(QCoreApplication::applicationDirPath());
    return {executableDir.absoluteFilePath(QStringLiteral(DQS_PRACTICE_PLUGIN_DIR)), executableDir.absolutePath()};
}

PracticeServerFactory *PracticeServerLoader::loadFactory(const QStringList &folders, QString *problem)
{
    QString loadError;
    for (const QString &folder : folders) {
        const QString path = QDir(folder).absoluteFilePath(fileName());
        if (!QFileInfo::exists(path))
            continue;
        // The loader stays loaded for the rest of the process: the server's code lives in it.
        QPluginLoader loader(path);
        if (auto *factory = qobject_cast<PracticeServerFactory *>(loader.instance()))
            return factory;
        loadError = loader.errorString();
    }
    if (problem) {
        *problem = loadError.isEmpty()
            ? QCoreApplication::translate("PracticeServerLoader",
                                          "The practice run's component (%1) is not installed next to the program.")
                  .arg(fileName())
            : QCoreApplication::translate("PracticeServerLoader",
                                          "The practice run's component could not be loaded: %1")
                  .arg(loadError);
    }
    return nullptr;
}

QString PracticeServerLoader::fileName()
{
    return QStringLiteral(DQS_PRACTICE_PLUGIN_FILE);
}

} // namespace Dawiso
