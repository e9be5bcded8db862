#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace Dawiso::Simulator {

// One request as the simulator saw it. The Authorization header's value is never kept, only whether it was there.
struct RecordedRequest
{
    QByteArray method;
    QString path; // e.g. "/api/v1/users/me"
    QString query; // the raw query string without '?'
    bool hadAuthorization = false; // an Authorization header was present
};

} // namespace Dawiso::Simulator

Q_DECLARE_METATYPE(Dawiso::Simulator::RecordedRequest)
