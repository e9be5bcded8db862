#include "signing/SigningKeyLoader.h"

#include "signing/SigningKeyMakerFactory.h"
#include "signing/SigningLogging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPluginLoader>

namespace Dawiso {

std::unique_ptr<SigningKeyMaker> SigningKeyLoader::load(QString *problem)
{
    return load(defaultFolders(), problem);
}

std::unique_ptr<SigningKeyMaker> SigningKeyLoader::load(const QStringList &folders, QString *problem)
{
    for (const QString &folder : folders) {
        const QString path = QDir(folder).absoluteFilePath(fileName());
        if (!QFileInfo::exists(path))
            continue;
        // The loader is not unloaded: the key maker's code lives in the plugin.
        QPluginLoader loader(path);
        if (auto *factory = qobject_cast<SigningKeyMakerFactory *>(loader.instance())) {
            if (std::unique_ptr<SigningKeyMaker> maker = factory->createKeyMaker())
                return maker;
        }
        qCWarning(lcSigning) << "The signing plugin" << path << "could not be loaded:" << loader.errorString();
    }
    qCWarning(lcSigning) << "No usable signing plugin" << fileName() << "in" << folders;
    if (problem) {
        // A path or a loader error helps nobody at this point: the installation is incomplete or damaged.
        *problem = QCoreApplication::translate("SigningKeyLoader",
                                               "%1 is missing the part that makes and uses signing keys, or that "
                                               "part is damaged. Reinstall %1, then try again.")
                       .arg(QStringLiteral(DQS_APP_NAME));
    }
    return nullptr;
}

QString SigningKeyLoader::fileName()
{
    return QStringLiteral(DQS_SIGNING_PLUGIN_FILE);
}

QStringList SigningKeyLoader::defaultFolders()
{
    const QDir executableDir(QCoreApplication::applicationDirPath());
    return {executableDir.absoluteFilePath(QStringLiteral(DQS_SIGNING_PLUGIN_DIR)), executableDir.absolutePath()};
}

} // namespace Dawiso
