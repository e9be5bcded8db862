#include "dialogs/AboutDialog.h"

#include "ResourceIcon.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Dawiso {

namespace {

constexpr int IconSize = 64;

const char QtLicensingUrl[] = "https://www.qt.io/licensing/";
const char LgplUrl[] = "https://www.gnu.org/licenses/lgpl-3.0.html";
const char Bsd2Url[] = "https://opensource.org/license/bsd-2-clause";
const char ApacheUrl[] = "https://www.apache.org/licenses/LICENSE-2.0";

// The address itself as the text: for the source, which people may need to type or pass on.
QString link(const QString &url)
{
    return QStringLiteral("<a href=\"%1\">%1</a>").arg(url.toHtmlEscaped());
}

} // namespace

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    const QString appName = QStringLiteral(DQS_APP_NAME);
    // The version in the title too, where a screenshot or a test can read it from outside. Ending in the application's
    // name keeps Qt from appending it once more.
    setWindowTitle(tr("About version %1 of %2").arg(version(), appName));

    auto *layout = new QVBoxLayout(this);
    auto *header = new QHBoxLayout;
    auto *icon = new QLabel(this);
    icon->setObjectName(QStringLiteral("iconLabel"));
    const QString iconPath = QStringLiteral(":/icons/dawiso-qlik-setup.svg");
    if (QFile::exists(iconPath))
        icon->setPixmap(ResourceIcon::get(iconPath).pixmap(IconSize, IconSize));
    icon->setAlignment(Qt::AlignTop);
    header->addWidget(icon);

    auto *identity = new QVBoxLayout;
    auto *name = new QLabel(appName, this);
    name->setObjectName(QStringLiteral("nameLabel"));
    QFont nameFont = name->font();
    nameFont.setBold(true);
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.5);
    name->setFont(nameFont);
    identity->addWidget(name);
    identity->addWidget(createLabel(QStringLiteral("versionLabel"), tr("Version %1").arg(version())));
    identity->addWidget(createLabel(QStringLiteral("appIdLabel"), QStringLiteral(DQS_APP_ID)));
    identity->addWidget(
        createLabel(QStringLiteral("descriptionLabel"),
                    tr("Prepares Qlik for the Dawiso data catalog: it checks the Qlik API key you create "
                       "and keeps it in this computer's keychain.")));
    header->addLayout(identity, 1);
    layout->addLayout(header);
    layout->addSpacing(4);

    // Built-against and running versions differ when the system's Qt was updated, which matters in support cases.
    layout->addWidget(createLabel(QStringLiteral("qtVersionLabel"),
                                  tr("Built with Qt %1, running on Qt %2.")
                                      .arg(QString::fromLatin1(QT_VERSION_STR), QString::fromLatin1(qVersion()))));

    layout->addSpacing(8);
    auto *licencesTitle = createLabel(QStringLiteral("licencesTitle"), tr("Licences"));
    QFont titleFont = licencesTitle->font();
    titleFont.setBold(true);
    licencesTitle->setFont(titleFont);
    layout->addWidget(licencesTitle);
    layout->addWidget(
        createLabel(QStringLiteral("qtLicenceLabel"),
                    tr("Qt is used under the <a href=\"%1\">GNU Lesser General Public License version 3</a> (LGPLv3). "
                       "The Qt libraries are dynamically linked, so you can replace them with your own build of Qt; "
                       "see <a href=\"%2\">Qt licensing</a>.")
                        .arg(QLatin1String(LgplUrl), QLatin1String(QtLicensingUrl))));
    layout->addWidget(createLabel(
        QStringLiteral("keychainLicenceLabel"),
        tr("QtKeychain is used under the <a href=\"%1\">BSD 2-clause licence</a>.").arg(QLatin1String(Bsd2Url))));
    layout->addWidget(createLabel(
        QStringLiteral("opensslLicenceLabel"),
        tr("OpenSSL is used under the <a href=\"%1\">Apache License 2.0</a>.").arg(QLatin1String(ApacheUrl))));

    layout->addSpacing(8);
    layout->addWidget(
        createLabel(QStringLiteral("sourceLabel"), tr("Source code: %1").arg(link(QStringLiteral(DQS_HOMEPAGE)))));
    // Extra height goes here, not between the paragraphs.
    layout->addStretch(1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closeButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    // Wrapped text is as tall as the width makes it: size the dialog for the width it opens with.
    constexpr int Width = 520;
    setMinimumWidth(Width);
    const int height = heightForWidth(Width);
    if (height > 0)
        resize(Width, height);
}

QString AboutDialog::version()
{
    return QStringLiteral(DQS_VERSION);
}

QLabel *AboutDialog::createLabel(const QString &objectName, const QString &text)
{
    auto *label = new QLabel(text, this);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    // Rich text only where there are links: they open in the browser and Tab reaches them. Everything stays
    // selectable, for copying into a support request.
    const bool hasLinks = text.contains(QLatin1String("<a "));
    label->setTextFormat(hasLinks ? Qt::RichText : Qt::PlainText);
    label->setTextInteractionFlags(hasLinks ? Qt::TextBrowserInteraction : Qt::TextSelectableByMouse);
    label->setOpenExternalLinks(hasLinks);
    return label;
}

} // namespace Dawiso
