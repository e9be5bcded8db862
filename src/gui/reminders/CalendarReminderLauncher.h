#pragma once

#include "common/Clock.h"
#include "common/UserMessage.h"
#include "secrets/SavedConnection.h"
#include "widgets/MessagePanel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace Dawiso {

// "Add a reminder to my calendar": writes a connection's CalendarReminder into the application's data folder and
// hands it to the system, which opens it with the calendar app. The outcome says, for a MessagePanel, whether the
// calendar opened it and where the file is, so that it can be imported by hand otherwise.
class CalendarReminderLauncher
{
    Q_DECLARE_TR_FUNCTIONS(CalendarReminderLauncher)

public:
    enum class Result {
        Opened, // written and handed to the calendar app
        NotOpened, // written, but nothing on the system opened it
        NotWritten, // no file (unknown expiry, or the folder refused it)
    };

    struct Outcome
    {
        Result result = Result::NotWritten;
        QString filePath; // the reminder written; empty when none was
        MessagePanel::Kind kind = MessagePanel::Kind::Error;
        UserMessage said; // the advice is rich text, the path in it escaped
    };

    // Where reminders go: the application's local data folder, "reminders" in it.
    static QString directory();
    static Outcome launch(const SavedConnection &connection, const QDateTime &now = Clock::currentDateTimeUtc());
};

} // namespace Dawiso
