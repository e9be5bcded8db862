#include "simulator/cloud/LoginPage.h"

namespace Dawiso::Simulator {

namespace {

const QString style = QStringLiteral(
    "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;background:#f3f5f7;color:#1d2733;margin:0}"
    "main{max-width:24rem;margin:4rem auto;background:#fff;padding:2rem 2.25rem;border-radius:10px;"
    "box-shadow:0 2px 10px rgba(0,0,0,.08)}"
    "h1{font-size:1.35rem;margin:0 0 1rem}"
    "label{display:block;margin:1rem 0 .3rem;font-weight:600}"
    "input[type=email],input[type=password]{width:100%;box-sizing:border-box;padding:.55rem;border:1px solid #b8c2cc;"
    "border-radius:6px;font-size:1rem}"
    "button{margin-top:1.5rem;width:100%;padding:.65rem;border:0;border-radius:6px;background:#00873d;color:#fff;"
    "font-size:1rem;cursor:pointer}"
    ".error{color:#b3261e;background:#fdecea;padding:.6rem .75rem;border-radius:6px}"
    ".note{color:#5b6876;font-size:.85rem;margin-top:1.5rem}");

} // namespace

QString LoginPage::escape(const QString &text)
{
    return text.toHtmlEscaped().replace(u'\'', QStringLiteral("&#39;"));
}

QByteArray LoginPage::page(const QString &title, const QString &content)
{
    const QString html = QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                                        "<title>%1</title>\n<style>%2</style>\n</head>\n<body>\n<main>\n%3</main>\n"
                                        "</body>\n</html>\n")
                             .arg(escape(title), style, content);
    return html.toUtf8();
}

QByteArray LoginPage::form(const QString &transaction, const QString &clientId, const QStringList &scopes,
                           const QString &email, const QString &error)
{
    QString content = QStringLiteral("<h1>%1</h1>\n<p>%2</p>\n")
                          .arg(escape(tr("Practice tenant \u2014 sign in")),
                               escape(tr("%1 asks to act for you (%2).").arg(clientId, scopes.join(u' '))));
    if (!error.isEmpty())
        content += QStringLiteral("<p class=\"error\" role=\"alert\">%1</p>\n").arg(escape(error));
    content +=
        QStringLiteral("<form method=\"post\" action=\"/oauth/authorize/login\">\n"
                       "<input type=\"hidden\" name=\"transaction\" value=\"%1\">\n"
                       "<label for=\"email\">%2</label>\n"
                       "<input id=\"email\" type=\"email\" name=\"email\" value=\"%3\" autocomplete=\"username\" "
                       "required autofocus>\n"
                       "<label for=\"password\">%4</label>\n"
                       "<input id=\"password\" type=\"password\" name=\"password\" "
                       "autocomplete=\"current-password\" required>\n"
                       "<button type=\"submit\">%5</button>\n</form>\n")
            .arg(escape(transaction), escape(tr("Email")), escape(email), escape(tr("Password")),
                 escape(tr("Sign in")));
    content += QStringLiteral("<p class=\"note\">%1</p>\n")
                   .arg(escape(tr("This is the simulated practice tenant of Dawiso Qlik Setup. No real Qlik account "
                                  "is used and nothing leaves this computer.")));
    return page(tr("Practice tenant \u2014 sign in"), content);
}

QByteArray LoginPage::problem(const QString &title, const QString &message)
{
    return page(title, QStringLiteral("<h1>%1</h1>\n<p>%2</p>\n").arg(escape(title), escape(message)));
}

} // namespace Dawiso::Simulator
