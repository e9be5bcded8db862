#pragma once

#include <QColor>
#include <QFrame>
#include <QString>

class QHBoxLayout;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace Dawiso {

class DisclosureButton;
struct UserMessage;

// The one place a page shows progress and results: inline, under the fields, never in a pop-up. Busy shows a thin
// indeterminate bar and a Stop button; results show an icon, a message, what to do next, and optional technical
// details for support tickets. Everything is selectable so users can copy it.
class MessagePanel : public QFrame
{
    Q_OBJECT

public:
    enum class Kind { None, Busy, Success, Info, Warning, Error };
    Q_ENUM(Kind)

    explicit MessagePanel(QWidget *parent = nullptr);

    // An indeterminate progress bar, the message, and a "Stop" button when cancellable; advice below the message
    // says what to do if the wait goes wrong.
    void showBusy(const QString &message, bool cancellable = true, const QString &advice = {});
    // Icon + message (emphasised) + advice (may contain simple rich text links) + technical details behind a
    // "Show details" toggle. Kind::None clears the panel; Kind::Busy shows the bar without a Stop button.
    void showMessage(Kind kind, const QString &message, const QString &advice = {}, const QString &details = {});
    // The same for what a step had to say, as it said it.
    void show(Kind kind, const UserMessage &said);
    using QFrame::show; // the widget's own show() stays beside show(Kind, …)
    // Hides the panel and forgets its text.
    void clear();
    // Extra buttons on the right of the panel; pages show, hide and enable them as their state changes.
    QPushButton *addActionButton(const QString &text);

    Kind kind() const { return m_kind; }
    QString message() const { return m_message; }
    QString advice() const { return m_advice; }

    // The tint of a kind in a palette; public so pages can draw matching accents.
    static QColor accentColor(Kind kind, const QPalette &palette);

signals:
    void stopRequested();
    void linkActivated(const QString &link);

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void present(Kind kind, const QString &message, const QString &advice, const QString &details, bool cancellable);
    void updateIcon();
    void updateAccessibility();
    void updateDetailsHeight();
    static QString kindName(Kind kind);

    Kind m_kind = Kind::None;
    QString m_message;
    QString m_advice;
    QLabel *m_iconLabel = nullptr;
    QLabel *m_messageLabel = nullptr;
    QProgressBar *m_busyBar = nullptr;
    QLabel *m_adviceLabel = nullptr;
    DisclosureButton *m_detailsToggle = nullptr;
    QPlainTextEdit *m_detailsText = nullptr;
    QPushButton *m_stopButton = nullptr;
    QHBoxLayout *m_buttonLayout = nullptr;
};

} // namespace Dawiso
