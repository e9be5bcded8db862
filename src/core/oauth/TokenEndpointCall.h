#pragma once

#include "oauth/TokenResponse.h"
#include "qlik/QlikRequestOptions.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QUrl>

namespace Dawiso {

class QlikClient;
class QlikRequest;

// One form POST to an OAuth token endpoint, with the TLS trust and timeouts of every other request (QlikRequest),
// and what its answer means. The body carries secrets, so no redirect is followed: they go to the published token
// address and nowhere else. A sign-in runs the request as one of its own (QlikStep::run), so stopping the sign-in
// stops the request.
class TokenEndpointCall
{
    Q_DECLARE_TR_FUNCTIONS(TokenEndpointCall)

public:
    TokenEndpointCall() = delete;

    // The request, not yet started. Takes the body (form-urlencoded) and wipes it once the request has it.
    static QlikRequest *post(QlikClient *client, const QUrl &endpoint, QByteArray formBody,
                             const QlikRequestOptions &options);
    // What the finished request's answer means. The body read for it is zeroed once the request is gone.
    static TokenResponse answer(const QlikRequest *request);
};

} // namespace Dawiso
