#include "connections/CalendarReminder.h"

#include <QCryptographicHash>
#include <QDir>
#include <QLocale>
#include <QSaveFile>
#include <QStringList>
#include <QTime>

namespace Dawiso {

namespace {

// The event is a half-hour slot at a working-day hour of the person's own zone: the wizard runs on their computer,
// so its local time is theirs.
const QTime reminderTime(9, 0);
constexpr qint64 eventMinutes = 30;
constexpr int maxLineOctets = 75;

// Every moment is written in UTC ("Z"), which needs no VTIMEZONE and which every calendar shows in its own zone. A
// timed event rather than an all-day one (VALUE=DATE): its alarm fires at a known moment, where an all-day event's
// alarm is relative to a midnight that each calendar app places differently.
QByteArray utcStamp(const QDateTime &moment)
{
    return moment.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

QByteArray textLine(const char *name, const QString &value)
{
    return CalendarReminder::foldLine(QByteArray(name) + ':' + CalendarReminder::escapeText(value).toUtf8());
}

QByteArray valueLine(const char *name, const QByteArray &value)
{
    return CalendarReminder::foldLine(QByteArray(name) + ':' + value);
}

bool isEnterprise(const SavedConnection &connection)
{
    return connection.kind == DeploymentKind::QlikSenseEnterprise;
}

QString description(const SavedConnection &connection)
{
    const QString host = connection.hostAndPort;
    const QString expiry = QLocale().toString(connection.keyExpiry.toLocalTime().date(), QLocale::LongFormat);
    QStringList paragraphs;
    if (isEnterprise(connection)) {
        paragraphs << CalendarReminder::tr("Dawiso stops reading Qlik on %2, when its JWT token for the Qlik Sense "
                                           "Enterprise site %1 expires.")
                          .arg(host, expiry)
                   << CalendarReminder::tr("To renew it: run Dawiso Qlik Setup again, open the saved connection for "
                                           "%1 and choose Rotate, or run the wizard again for this site. Then enter "
                                           "the new token in Dawiso.")
                          .arg(host);
    } else {
        paragraphs << CalendarReminder::tr("Dawiso stops reading Qlik on %2, when its API key for the Qlik Cloud "
                                           "tenant %1 expires.")
                          .arg(host, expiry)
                   << CalendarReminder::tr("To renew it: run Dawiso Qlik Setup again, open the saved connection for "
                                           "%1 and choose Rotate, or run the wizard again for this tenant. Then enter "
                                           "the new key in Dawiso.")
                          .arg(host);
    }
    QStringList facts;
    if (!connection.userName.isEmpty())
        facts << CalendarReminder::tr("User: %1.").arg(connection.userName);
    if (isEnterprise(connection) && !connection.virtualProxyPrefix.isEmpty())
        facts << CalendarReminder::tr("Virtual proxy prefix: %1.").arg(connection.virtualProxyPrefix);
    if (!connection.keyId.isEmpty()) {
        facts << (isEnterprise(connection) ? CalendarReminder::tr("Token id: %1.").arg(connection.keyId)
                                           : CalendarReminder::tr("Key id: %1.").arg(connection.keyId));
    }
    if (!facts.isEmpty())
        paragraphs << facts.join(QLatin1Char(' '));
    return paragraphs.join(QStringLiteral("\n\n"));
}

QString safeForFileName(const QString &host)
{
    QString safe = host.toLower();
    for (QChar &c : safe) {
        const bool allowed = (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('.') || c == QLatin1Char('-');
        if (!allowed)
            c = QLatin1Char('-');
    }
    return safe;
}

} // namespace

bool CalendarReminder::isPossible(const SavedConnection &connection)
{
    return connection.keyExpiry.isValid();
}

QString CalendarReminder::unavailableReason(DeploymentKind kind)
{
    return kind == DeploymentKind::QlikSenseEnterprise
        ? tr("Qlik did not say when this token expires, so there is no date for a reminder.")
        : tr("Qlik did not say when this key expires, so there is no date for a reminder.");
}

QDateTime CalendarReminder::reminderStart(const SavedConnection &connection, const QDateTime &now)
{
    if (!isPossible(connection))
        return {};
    const QDate day = connection.keyExpiry.toLocalTime().date().addDays(-daysBeforeExpiry);
    const QDateTime planned(day, reminderTime, Qt::LocalTime);
    if (planned > now)
        return planned.toUTC();
    // Too late for 14 days' notice: as soon as a working day allows, so that the key is renewed in time.
    return QDateTime(now.toLocalTime().date().addDays(1), reminderTime, Qt::LocalTime).toUTC();
}

QString CalendarReminder::title(const SavedConnection &connection)
{
    return isEnterprise(connection) ? tr("Renew Dawiso's Qlik token for %1").arg(connection.hostAndPort)
                                    : tr("Renew Dawiso's Qlik key for %1").arg(connection.hostAndPort);
}

QString CalendarReminder::uid(const SavedConnection &connection)
{
    const QByteArray identity = QByteArray(isEnterprise(connection) ? "qlik-sense-enterprise" : "qlik-cloud") + '\n'
        + connection.hostAndPort.toLower().toUtf8() + '\n'
        + QByteArray::number(connection.keyExpiry.toSecsSinceEpoch());
    const QByteArray digest = QCryptographicHash::hash(identity, QCryptographicHash::Sha256).toHex().left(32);
    return QString::fromLatin1(digest) + QStringLiteral("@dawiso-qlik-setup");
}

QByteArray CalendarReminder::toICalendar(const SavedConnection &connection, const QDateTime &now)
{
    if (!isPossible(connection))
        return {};
    const QDateTime start = reminderStart(connection, now);
    const QString summary = title(connection);
    QByteArray ics;
    ics += valueLine("BEGIN", "VCALENDAR");
    ics += valueLine("VERSION", "2.0");
    ics += valueLine("PRODID", "-//Dawiso//" DQS_APP_NAME " " DQS_VERSION "//EN");
    ics += valueLine("CALSCALE", "GREGORIAN");
    // A published event, not an invitation: calendars add it without asking anyone to accept it.
    ics += valueLine("METHOD", "PUBLISH");
    ics += valueLine("BEGIN", "VEVENT");
    ics += valueLine("UID", uid(connection).toLatin1());
    ics += valueLine("DTSTAMP", utcStamp(now));
    ics += valueLine("DTSTART", utcStamp(start));
    ics += valueLine("DTEND", utcStamp(start.addSecs(eventMinutes * 60)));
    ics += textLine("SUMMARY", summary);
    ics += textLine("DESCRIPTION", description(connection));
    // A reminder, not a meeting: the slot stays free for scheduling.
    ics += valueLine("TRANSP", "TRANSPARENT");
    ics += valueLine("BEGIN", "VALARM");
    ics += valueLine("ACTION", "DISPLAY");
    ics += textLine("DESCRIPTION", summary);
    ics += valueLine("TRIGGER", "PT0S");
    ics += valueLine("END", "VALARM");
    ics += valueLine("END", "VEVENT");
    ics += valueLine("END", "VCALENDAR");
    return ics;
}

QString CalendarReminder::fileName(const SavedConnection &connection)
{
    if (!isPossible(connection))
        return {};
    return QStringLiteral("dawiso-qlik-%1-%2.ics")
        .arg(safeForFileName(connection.hostAndPort),
             connection.keyExpiry.toLocalTime().date().toString(QStringLiteral("yyyy-MM-dd")));
}

CalendarReminder::WriteResult CalendarReminder::writeFile(const SavedConnection &connection, const QString &directory,
                                                          const QDateTime &now)
{
    WriteResult result;
    if (!isPossible(connection)) {
        result.error = unavailableReason(connection.kind);
        return result;
    }
    if (!QDir().mkpath(directory)) {
        result.error = tr("The folder %1 could not be made. Check that you may write there and that the disk is not "
                          "full, then try again.")
                           .arg(QDir::toNativeSeparators(directory));
        return result;
    }
    const QString path = QDir(directory).filePath(fileName(connection));
    const QByteArray content = toICalendar(connection, now);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit()) {
        result.error = tr("The reminder could not be saved as %1: %2. Check that you may write in that folder and "
                          "that the disk is not full, then try again.")
                           .arg(QDir::toNativeSeparators(path), file.errorString());
        return result;
    }
    result.path = path;
    return result;
}

QString CalendarReminder::escapeText(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size());
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '\\':
            escaped += QLatin1String("\\\\");
            break;
        case ';':
            escaped += QLatin1String("\\;");
            break;
        case ',':
            escaped += QLatin1String("\\,");
            break;
        case '\n':
            escaped += QLatin1String("\\n");
            break;
        default:
            // TEXT may hold no other control character (a CR of a CRLF included); the tab is allowed.
            if (c.unicode() >= 0x20 || c == QLatin1Char('\t'))
                escaped += c;
            break;
        }
    }
    return escaped;
}

QByteArray CalendarReminder::foldLine(const QByteArray &line)
{
    QByteArray folded;
    qsizetype start = 0;
    qsizetype room = maxLineOctets;
    while (line.size() - start > room) {
        qsizetype end = start + room;
        // Back to the first byte of a UTF-8 sequence (continuation bytes are 10xxxxxx).
        while (end > start && (static_cast<unsigned char>(line.at(end)) & 0xC0) == 0x80)
            --end;
        folded += line.mid(start, end - start);
        folded += "\r\n ";
        start = end;
        room = maxLineOctets - 1; // the space that starts a continuation line counts
    }
    folded += line.mid(start);
    folded += "\r\n";
    return folded;
}

} // namespace Dawiso
