#pragma once

#include "practice/PracticeServer.h"

#include <QString>
#include <QStringList>

namespace Dawiso {

// Loads the practice plugin (dawiso-qlik-setup-practice), which holds the simulated tenant, when a practice run
// starts: next to the executable in a build tree (and on Windows), in DQS_PRACTICE_PLUGIN_DIR relative to it once
// installed. Only those two folders: no search path, no environment variable, so that nothing else can be loaded in
// its place.
class PracticeServerLoader
{
public:
    // A new server from the plugin, or null with a sentence for people in *problem.
    static std::unique_ptr<PracticeServer> load(QString *problem);
    // The same, from the given folders in order (tests load the plugin of the build tree).
    static std::unique_ptr<PracticeServer> load(const QStringList &folders, QString *problem);
    // The practice Qlik Sense site, from the same plugin.
    static std::unique_ptr<PracticeSite> loadSite(QString *problem);
    // The plugin's file name on this platform.
    static QString fileName();

private:
    static QStringList defaultFolders();
    static PracticeServerFactory *loadFactory(const QStringList &folders, QString *problem);
};

} // namespace Dawiso
