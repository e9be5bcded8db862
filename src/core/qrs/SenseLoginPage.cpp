#include "qrs/SenseLoginPage.h"

#include <QStringList>

namespace Dawiso {

namespace {

constexpr QLatin1String kForms("internal_forms_authentication");
constexpr QLatin1String kWindows("internal_windows_authentication");

// The index of the login page's segment in the path, or -1.
qsizetype loginSegment(const QStringList &segments, SenseLoginPage::Kind *kind)
{
    for (qsizetype i = 0; i < segments.size(); ++i) {
        if (segments.at(i).compare(kForms, Qt::CaseInsensitive) == 0) {
            *kind = SenseLoginPage::Kind::Forms;
            return i;
        }
        if (segments.at(i).compare(kWindows, Qt::CaseInsensitive) == 0) {
            *kind = SenseLoginPage::Kind::Windows;
            return i;
        }
    }
    *kind = SenseLoginPage::Kind::None;
    return -1;
}

} // namespace

SenseLoginPage::Kind SenseLoginPage::kindOf(const QUrl &url)
{
    Kind kind;
    loginSegment(url.path().split(u'/', Qt::SkipEmptyParts), &kind);
    return kind;
}

QString SenseLoginPage::prefixOf(const QUrl &url)
{
    const QStringList segments = url.path().split(u'/', Qt::SkipEmptyParts);
    Kind kind;
    const qsizetype at = loginSegment(segments, &kind);
    return at > 0 ? segments.mid(0, at).join(u'/').toLower() : QString();
}

} // namespace Dawiso
