#include "reminders/CalendarReminderLauncher.h"

#include "connections/CalendarReminder.h"

#include <QDesktopServices>
#include <QDir>
#include <QLocale>
#include <QStandardPaths>
#include <QUrl>

namespace Dawiso {

QString CalendarReminderLauncher::directory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("reminders"));
}

CalendarReminderLauncher::Outcome CalendarReminderLauncher::launch(const SavedConnection &connection,
                                                                   const QDateTime &now)
{
    Outcome outcome;
    const CalendarReminder::WriteResult written = CalendarReminder::writeFile(connection, directory(), now);
    if (!written.ok()) {
        outcome.said = {tr("The reminder could not be saved."), written.error.toHtmlEscaped()};
        return outcome;
    }
    outcome.filePath = written.path;
    const QString where = QDir::toNativeSeparators(written.path).toHtmlEscaped();
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(written.path))) {
        outcome.result = Result::NotOpened;
        outcome.kind = MessagePanel::Kind::Warning;
        outcome.said = {tr("No calendar app opened the reminder."),
                        tr("Import it into your calendar by hand: it is the file %1 (it holds no secret). Most "
                           "calendars take it through File › Import, or when it is dragged onto them.")
                            .arg(where)};
        return outcome;
    }
    const QDateTime start = CalendarReminder::reminderStart(connection, now).toLocalTime();
    const QLocale locale;
    outcome.result = Result::Opened;
    outcome.kind = MessagePanel::Kind::Success;
    outcome.said = {tr("The reminder is in your calendar app. Save it there if the app asks."),
                    tr("It is set for %1 at %2. The file is %3 (it holds no secret).")
                        .arg(locale.toString(start.date(), QLocale::LongFormat).toHtmlEscaped(),
                             locale.toString(start.time(), QLocale::ShortFormat).toHtmlEscaped(), where)};
    return outcome;
}

} // namespace Dawiso
