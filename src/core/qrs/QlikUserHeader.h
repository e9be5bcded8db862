#pragma once

#include <QByteArray>
#include <QString>

namespace Dawiso {

// The X-Qlik-User header that names whose rights a certificate-authenticated QRS request runs with. Qlik wants both
// parts percent-encoded UTF-8, so a directory or user id with a space, ';' or '=' cannot change the header's meaning.
class QlikUserHeader
{
public:
    QlikUserHeader() = delete;

    static constexpr char name[] = "X-Qlik-User";

    // "UserDirectory=<directory>; UserId=<userId>", both parts percent-encoded.
    static QByteArray value(const QString &directory, const QString &userId);
};

} // namespace Dawiso
