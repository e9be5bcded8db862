#include "qrs/SignInForm.h"

#include <QRegularExpression>

namespace Dawiso {

namespace {

// The value of one attribute of a tag, quoted with " or ' or not at all; empty when absent. Attributes are read one
// after another, so that neither a longer name ending in this one nor a quoted value holding "name=" is taken for it.
QString attribute(const QString &tag, const QString &name)
{
    static const QRegularExpression attributePattern(
        QStringLiteral("(?<![-\\w:.])([A-Za-z_:][-\\w:.]*)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))"));
    QRegularExpressionMatchIterator matches = attributePattern.globalMatch(tag);
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        if (match.captured(1).compare(name, Qt::CaseInsensitive) != 0)
            continue;
        for (int group = 2; group <= 4; ++group) {
            if (match.capturedStart(group) >= 0)
                return match.captured(group);
        }
    }
    return {};
}

// The few entities a URL or a short message in Qlik's page can hold.
QString decodeEntities(QString text)
{
    text.replace(QLatin1String("&quot;"), QLatin1String("\""));
    text.replace(QLatin1String("&#39;"), QLatin1String("'"));
    text.replace(QLatin1String("&lt;"), QLatin1String("<"));
    text.replace(QLatin1String("&gt;"), QLatin1String(">"));
    text.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return text;
}

} // namespace

SignInForm SignInForm::parse(const QByteArray &html, const QUrl &pageUrl)
{
    static const QRegularExpression formPattern(QStringLiteral("<form\\b([^>]*)>(.*?)</form>"),
                                                QRegularExpression::CaseInsensitiveOption
                                                    | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression inputPattern(QStringLiteral("<input\\b[^>]*>"),
                                                 QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression errorPattern(
        QStringLiteral("<p\\b[^>]*class\\s*=\\s*[\"'][^\"']*error[^\"']*[\"'][^>]*>(.*?)</p>"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression markup(QStringLiteral("<[^>]*>"));

    const QString page = QString::fromUtf8(html);
    SignInForm form;
    const QRegularExpressionMatch error = errorPattern.match(page);
    if (error.hasMatch())
        form.m_errorText = decodeEntities(error.captured(1).remove(markup)).simplified();

    QRegularExpressionMatchIterator forms = formPattern.globalMatch(page);
    while (forms.hasNext()) {
        const QRegularExpressionMatch match = forms.next();
        QString userField;
        QString passwordField;
        QRegularExpressionMatchIterator inputs = inputPattern.globalMatch(match.captured(2));
        while (inputs.hasNext()) {
            const QString input = inputs.next().captured(0);
            const QString type = attribute(input, QStringLiteral("type")).toLower();
            const QString name = attribute(input, QStringLiteral("name"));
            if (name.isEmpty())
                continue;
            if (type == QLatin1String("password") && passwordField.isEmpty())
                passwordField = name;
            else if ((type.isEmpty() || type == QLatin1String("text") || type == QLatin1String("email"))
                     && userField.isEmpty())
                userField = name;
        }
        if (passwordField.isEmpty())
            continue;
        // No action: the form posts to the page it is on.
        const QString action = decodeEntities(attribute(match.captured(1), QStringLiteral("action")));
        form.m_action = action.isEmpty() ? pageUrl : pageUrl.resolved(QUrl(action));
        form.m_userField = userField;
        form.m_passwordField = passwordField;
        break;
    }
    return form;
}

} // namespace Dawiso
