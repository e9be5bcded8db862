#include "simulator/common/RecordedRequest.h"

#include "simulator/common/SimRequest.h"

#include <QStringList>
#include <QUrl>

namespace Dawiso::Simulator {

namespace {

const QByteArray redacted = QByteArrayLiteral("redacted");

// Query parameters whose values are secrets in OAuth and API-key traffic, Qlik Sense's one-time sign-in ticket and
// the CSRF token of its proxy session.
QString redactedQuery(const QString &rawQuery)
{
    static const QStringList secretNames {
        QStringLiteral("code"),          QStringLiteral("code_verifier"),
        QStringLiteral("client_secret"), QStringLiteral("password"),
        QStringLiteral("token"),         QStringLiteral("access_token"),
        QStringLiteral("refresh_token"), QStringLiteral("client_assertion"),
        QStringLiteral("api_key"),       QStringLiteral("transaction"),
        QStringLiteral("qlikTicket"),    QStringLiteral("qlik-csrf-token"),
    };
    QStringList items = rawQuery.split(u'&');
    bool anyRedacted = false;
    for (QString &item : items) {
        const qsizetype equals = item.indexOf(u'=');
        const QString name = QUrl::fromPercentEncoding(item.left(equals < 0 ? item.size() : equals).toUtf8());
        if (equals >= 0 && secretNames.contains(name, Qt::CaseInsensitive)) {
            item = item.left(equals + 1) + QString::fromLatin1(redacted);
            anyRedacted = true;
        }
    }
    return anyRedacted ? items.join(u'&') : rawQuery;
}

bool carriesCredentials(const QByteArray &headerName)
{
    for (const char *name : {"authorization", "proxy-authorization", "cookie"}) {
        if (headerName.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

RecordedRequest RecordedRequest::of(const SimRequest &request)
{
    RecordedRequest record {request.method,
                            request.path,
                            redactedQuery(request.rawQuery),
                            request.headers.contains("Authorization"),
                            {},
                            request.clientCertificate};
    for (const SimHeaders::Field &field : request.headers.fields())
        record.headers.append(field.first, carriesCredentials(field.first) ? redacted : field.second);
    return record;
}

} // namespace Dawiso::Simulator
