#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace Dawiso {

// The login form a Qlik Sense Enterprise proxy shows for forms authentication, read from its HTML: where it posts
// to, and the names of its text (user name) and password fields. Only what a sign-in needs; no scripts run.
class SignInForm
{
public:
    // Null (isValid() false) when the page holds no form with a password field.
    static SignInForm parse(const QByteArray &html, const QUrl &pageUrl);

    bool isValid() const { return m_action.isValid() && !m_userField.isEmpty() && !m_passwordField.isEmpty(); }
    QUrl action() const { return m_action; }
    QString userField() const { return m_userField; }
    QString passwordField() const { return m_passwordField; }
    // The text of an error paragraph on the page (a refused sign-in shows one), without markup; empty when none.
    QString errorText() const { return m_errorText; }

private:
    QUrl m_action;
    QString m_userField;
    QString m_passwordField;
    QString m_errorText;
};

} // namespace Dawiso
