#pragma once

#include <QDialog>
#include <QString>

class QLabel;

namespace Dawiso {

// Who made the program, which version it is, and the licences of the libraries it is built on: Qt's LGPLv3 asks
// that its users are told Qt is used and can be replaced (it is dynamically linked), QtKeychain's BSD licence and
// OpenSSL's Apache licence ask that their notices travel with the program. Ends with a link to the source.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // The project's one version number (project(VERSION) in CMakeLists.txt), as --version and the packages show it.
    static QString version();

private:
    QLabel *createLabel(const QString &objectName, const QString &text);
};

} // namespace Dawiso
