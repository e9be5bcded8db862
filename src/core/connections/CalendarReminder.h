#pragma once

#include "common/Clock.h"
#include "host/DeploymentKind.h"
#include "secrets/SavedConnection.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace Dawiso {

// A reminder to renew a saved connection's key (Qlik Sense Enterprise: its token) before it expires, as an iCalendar
// file (RFC 5545) any calendar app imports: one event 14 days before the expiry, with an alarm, saying what to do.
// A SavedConnection holds no secret, so nothing written here can reveal one.
class CalendarReminder
{
    Q_DECLARE_TR_FUNCTIONS(CalendarReminder)

public:
    static constexpr int daysBeforeExpiry = 14;

    struct WriteResult
    {
        QString path; // the file written; empty when it was not
        QString error; // what went wrong and what to do; empty when the file was written

        bool ok() const { return error.isEmpty(); }
    };

    // A reminder needs a date: false when the expiry is unknown.
    static bool isPossible(const SavedConnection &connection);
    // Why there is no reminder for a credential of that kind whose expiry is unknown, for a tooltip.
    static QString unavailableReason(DeploymentKind kind);

    // When the event starts: 09:00 local time 14 days before the expiry, or 09:00 the next day when that moment is
    // already past. Invalid when the expiry is unknown.
    static QDateTime reminderStart(const SavedConnection &connection,
                                   const QDateTime &now = Clock::currentDateTimeUtc());
    // The event's title: "Renew Dawiso's Qlik key for <host>" ("token" for Qlik Sense Enterprise).
    static QString title(const SavedConnection &connection);
    // The whole iCalendar object, UTF-8 with CRLF line ends; empty when the expiry is unknown.
    static QByteArray toICalendar(const SavedConnection &connection,
                                  const QDateTime &now = Clock::currentDateTimeUtc());
    // The same every time for one connection and expiry, so that importing the reminder again updates the event
    // instead of adding a second one.
    static QString uid(const SavedConnection &connection);
    // "dawiso-qlik-<host>-<expiry date>.ics", the host's ':' (and anything else a file name cannot hold) as '-';
    // empty when the expiry is unknown.
    static QString fileName(const SavedConnection &connection);
    // Writes toICalendar() as fileName() into directory (made when missing), atomically.
    static WriteResult writeFile(const SavedConnection &connection, const QString &directory,
                                 const QDateTime &now = Clock::currentDateTimeUtc());

    // RFC 5545 building blocks, public for tests: TEXT escaping (3.3.11) and one content line folded at 75 octets
    // (3.1), never inside a UTF-8 sequence, ending in CRLF.
    static QString escapeText(const QString &text);
    static QByteArray foldLine(const QByteArray &line);
};

} // namespace Dawiso
