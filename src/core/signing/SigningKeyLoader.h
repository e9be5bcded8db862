#pragma once

#include "signing/SigningKeyMaker.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace Dawiso {

// Loads the signing plugin (dawiso-qlik-setup-signing, the only part of the program that links libcrypto) when a key
// is first needed, from the folders the practice plugin is found in: next to the executable in a build tree (and on
// Windows), in the program's plugin folder relative to it once installed. Only those folders: no search path, no
// environment variable, so that nothing else can be loaded in its place. Once loaded, the plugin stays loaded.
class SigningKeyLoader
{
public:
    // A key maker from the plugin, or null with a sentence for people in *problem (the details go to the log).
    static std::unique_ptr<SigningKeyMaker> load(QString *problem);
    // The same, from the given folders in order (tests load the plugin of the build tree).
    static std::unique_ptr<SigningKeyMaker> load(const QStringList &folders, QString *problem);
    // The plugin's file name on this platform.
    static QString fileName();

private:
    static QStringList defaultFolders();
};

} // namespace Dawiso
