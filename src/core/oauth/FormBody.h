#pragma once

#include <QByteArray>
#include <QString>

namespace Dawiso {

// An application/x-www-form-urlencoded body for the token endpoint, which carries secrets (an authorization code,
// a PKCE verifier, a client secret). Every value is percent-encoded except the RFC 3986 unreserved characters, so
// a '+' in a value can never be read back as a space. The buffer and the encoded copies are zeroed once used.
class FormBody
{
public:
    FormBody();
    FormBody(const FormBody &) = delete;
    FormBody &operator=(const FormBody &) = delete;
    ~FormBody();

    void add(const char *name, const QByteArray &value);
    void add(const char *name, const QString &value);

    // Hands the body over and leaves this one empty.
    QByteArray take();

private:
    QByteArray m_body;
};

} // namespace Dawiso
