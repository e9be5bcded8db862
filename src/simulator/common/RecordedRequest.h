#pragma once

#include "simulator/common/SimHeaders.h"

#include <QByteArray>
#include <QMetaType>
#include <QSslCertificate>
#include <QString>

namespace Dawiso::Simulator {

struct SimRequest;

// One request as a simulated server saw it, for tests to inspect. It never holds a secret: the body is not kept, the
// values of headers that carry credentials (Authorization, Proxy-Authorization, Cookie) read "redacted", and so do
// the values of query parameters that could hold one (code, code_verifier, client_secret, password, token, the
// sign-in page's transaction, Qlik Sense's qlikTicket, ...), so that a client which wrongly puts a secret into a URL is
// still visible without the secret itself.
struct RecordedRequest
{
    QByteArray method;
    QString path; // e.g. "/api/v1/users/me"
    QString query; // the raw query string without '?'
    bool hadAuthorization = false; // an Authorization header was present
    SimHeaders headers; // every header as sent, in order
    // Presented by the client (public, not a secret); null when none. Initialised here because QSslCertificate's
    // default constructor is explicit, which an empty brace-initialisation of this struct (qvariant_cast) needs.
    QSslCertificate clientCertificate = QSslCertificate();

    static RecordedRequest of(const SimRequest &request);
};

} // namespace Dawiso::Simulator

Q_DECLARE_METATYPE(Dawiso::Simulator::RecordedRequest)
