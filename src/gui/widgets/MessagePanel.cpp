#include "widgets/MessagePanel.h"

#include "ResourceIcon.h"
#include "common/UserMessage.h"
#include "widgets/DisclosureButton.h"

#include <QAccessible>
#include <QEvent>
#include <QFile>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QTextDocumentFragment>
#include <QTextLayout>
#include <QVBoxLayout>
#include <QtMath>

namespace Dawiso {

namespace {

constexpr int MaxDetailLines = 8;
constexpr qreal CornerRadius = 6.0;

QColor mix(const QColor &from, const QColor &to, qreal amount)
{
    const qreal keep = 1.0 - amount;
    return QColor::fromRgbF(static_cast<float>(from.redF() * keep + to.redF() * amount),
                            static_cast<float>(from.greenF() * keep + to.greenF() * amount),
                            static_cast<float>(from.blueF() * keep + to.blueF() * amount));
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

QString iconPath(MessagePanel::Kind kind)
{
    switch (kind) {
    case MessagePanel::Kind::Busy:
        return QStringLiteral(":/icons/status-pending.svg");
    case MessagePanel::Kind::Success:
        return QStringLiteral(":/icons/status-ok.svg");
    case MessagePanel::Kind::Info:
        return QStringLiteral(":/icons/status-info.svg");
    case MessagePanel::Kind::Warning:
        return QStringLiteral(":/icons/status-warning.svg");
    case MessagePanel::Kind::Error:
        return QStringLiteral(":/icons/status-error.svg");
    case MessagePanel::Kind::None:
        break;
    }
    return {};
}

// Used only when the icon resources are not linked in (a test that links widgets alone, a broken build).
QStyle::StandardPixmap fallbackIcon(MessagePanel::Kind kind)
{
    switch (kind) {
    case MessagePanel::Kind::Success:
        return QStyle::SP_DialogApplyButton;
    case MessagePanel::Kind::Warning:
        return QStyle::SP_MessageBoxWarning;
    case MessagePanel::Kind::Error:
        return QStyle::SP_MessageBoxCritical;
    default:
        return QStyle::SP_MessageBoxInformation;
    }
}

} // namespace

MessagePanel::MessagePanel(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("messagePanel"));
    setFrameShape(QFrame::NoFrame);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    m_iconLabel = new QLabel(this);
    m_iconLabel->setObjectName(QStringLiteral("iconLabel"));
    m_iconLabel->setAlignment(Qt::AlignCenter);

    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("messageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextFormat(Qt::PlainText);
    // Selectable by mouse only: keyboard selection would add a Tab stop to every page for text a reader announces.
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont emphasis = m_messageLabel->font();
    emphasis.setWeight(QFont::DemiBold);
    m_messageLabel->setFont(emphasis);

    m_busyBar = new QProgressBar(this);
    m_busyBar->setObjectName(QStringLiteral("busyBar"));
    m_busyBar->setRange(0, 0);
    m_busyBar->setTextVisible(false);
    m_busyBar->setMaximumHeight(6);
    m_busyBar->setAccessibleName(tr("Working"));

    m_adviceLabel = new QLabel(this);
    m_adviceLabel->setObjectName(QStringLiteral("adviceLabel"));
    m_adviceLabel->setWordWrap(true);
    m_adviceLabel->setOpenExternalLinks(false);
    m_adviceLabel->setAccessibleDescription(tr("What to do next"));
    connect(m_adviceLabel, &QLabel::linkActivated, this, &MessagePanel::linkActivated);

    m_detailsText = new QPlainTextEdit(this);
    m_detailsText->setObjectName(QStringLiteral("detailsText"));
    m_detailsText->setReadOnly(true);
    m_detailsText->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_detailsText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_detailsText->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_detailsText->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_detailsText->setAccessibleName(tr("Technical details"));
    m_detailsText->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_detailsText->viewport()->installEventFilter(this);

    m_detailsToggle = new DisclosureButton(tr("Show details"), tr("Hide details"), this);
    m_detailsToggle->setObjectName(QStringLiteral("detailsToggle"));
    m_detailsToggle->setContent(m_detailsText);

    m_stopButton = new QPushButton(tr("Stop"), this);
    m_stopButton->setObjectName(QStringLiteral("stopButton"));
    m_stopButton->setAutoDefault(false);
    m_stopButton->setAccessibleDescription(tr("Stops what the wizard is doing now"));
    connect(m_stopButton, &QPushButton::clicked, this, [this] {
        // One click is enough; the page replaces the panel's content when the work has stopped.
        m_stopButton->setEnabled(false);
        emit stopRequested();
    });

    auto *textLayout = new QVBoxLayout;
    textLayout->setContentsMargins(0, 0, 0, 0);
    textLayout->setSpacing(4);
    textLayout->addWidget(m_messageLabel);
    textLayout->addWidget(m_busyBar);
    textLayout->addWidget(m_adviceLabel);
    textLayout->addWidget(m_detailsToggle, 0, Qt::AlignLeft);
    textLayout->addWidget(m_detailsText);

    m_buttonLayout = new QHBoxLayout;
    m_buttonLayout->setContentsMargins(0, 0, 0, 0);
    m_buttonLayout->setSpacing(6);
    m_buttonLayout->addWidget(m_stopButton);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 8, 8, 8);
    layout->setSpacing(10);
    layout->addWidget(m_iconLabel, 0, Qt::AlignTop);
    layout->addLayout(textLayout, 1);
    layout->addLayout(m_buttonLayout);
    layout->setAlignment(m_buttonLayout, Qt::AlignTop);

    updateIcon();
    clear();
}

void MessagePanel::showBusy(const QString &message, bool cancellable, const QString &advice)
{
    present(Kind::Busy, message, advice, {}, cancellable);
}

void MessagePanel::showMessage(Kind kind, const QString &message, const QString &advice, const QString &details)
{
    if (kind == Kind::None) {
        clear();
        return;
    }
    present(kind, message, advice, details, false);
}

void MessagePanel::show(Kind kind, const UserMessage &said)
{
    showMessage(kind, said.message, said.advice, said.detail);
}

void MessagePanel::clear()
{
    m_kind = Kind::None;
    m_message.clear();
    m_advice.clear();
    m_messageLabel->clear();
    m_adviceLabel->clear();
    m_detailsText->clear();
    m_detailsToggle->setExpanded(false);
    setAccessibleName(QString());
    setAccessibleDescription(QString());
    hide();
}

QPushButton *MessagePanel::addActionButton(const QString &text)
{
    auto *button = new QPushButton(text, this);
    // Enter in a wizard page must press Next, not whatever button happens to sit in the panel.
    button->setAutoDefault(false);
    m_buttonLayout->addWidget(button);
    return button;
}

QColor MessagePanel::accentColor(Kind kind, const QPalette &palette)
{
    // Mid-tone colours, readable as accents on light and dark windows alike; they match the status icons.
    switch (kind) {
    case Kind::Success:
        return QColor(0x2d, 0xa4, 0x4e);
    case Kind::Info:
        return QColor(0x2f, 0x7f, 0xe0);
    case Kind::Warning:
        return QColor(0xe8, 0xa3, 0x17);
    case Kind::Error:
        return QColor(0xd9, 0x45, 0x3b);
    case Kind::Busy:
        return palette.color(QPalette::Highlight);
    case Kind::None:
        break;
    }
    return palette.color(QPalette::Mid);
}

void MessagePanel::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    const QPalette pal = palette();
    const QColor window = pal.color(QPalette::Window);
    const QColor accent = accentColor(m_kind, pal);
    // A dark window needs a stronger tint for the same visible difference.
    const bool dark = isDark(pal);
    const QColor fill = mix(window, accent, dark ? 0.16 : 0.10);
    const QColor border = mix(window, accent, dark ? 0.45 : 0.40);

    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF box = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    painter.setPen(QPen(border, 1.0));
    painter.setBrush(fill);
    painter.drawRoundedRect(box, CornerRadius, CornerRadius);

    // A stripe on the leading edge tells the kinds apart even for people who cannot tell the tints apart.
    QPainterPath clip;
    clip.addRoundedRect(box, CornerRadius, CornerRadius);
    painter.setClipPath(clip);
    const qreal stripe = 4.0;
    const QRectF edge = layoutDirection() == Qt::RightToLeft
        ? QRectF(box.right() - stripe, box.top(), stripe, box.height())
        : QRectF(box.left(), box.top(), stripe, box.height());
    painter.fillRect(edge, accent);
}

void MessagePanel::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    switch (event->type()) {
    case QEvent::StyleChange:
    case QEvent::FontChange:
        updateIcon();
        updateDetailsHeight();
        break;
    case QEvent::PaletteChange:
        update();
        break;
    default:
        break;
    }
}

void MessagePanel::present(Kind kind, const QString &message, const QString &advice, const QString &details,
                           bool cancellable)
{
    m_kind = kind;
    m_message = message;
    m_advice = advice;

    m_messageLabel->setText(message);
    const bool richAdvice = Qt::mightBeRichText(advice);
    m_adviceLabel->setTextFormat(richAdvice ? Qt::RichText : Qt::PlainText);
    // Links must be reachable with Tab; plain advice needs no Tab stop.
    m_adviceLabel->setTextInteractionFlags(richAdvice ? Qt::TextBrowserInteraction : Qt::TextSelectableByMouse);
    m_adviceLabel->setText(advice);
    m_adviceLabel->setVisible(!advice.isEmpty());

    const bool busy = kind == Kind::Busy;
    m_busyBar->setVisible(busy);
    m_stopButton->setVisible(busy && cancellable);
    m_stopButton->setEnabled(true);

    m_detailsText->setPlainText(details);
    m_detailsToggle->setExpanded(false);
    m_detailsToggle->setVisible(!details.isEmpty());
    updateDetailsHeight();

    updateIcon();
    updateAccessibility();
    show();
    update();
}

void MessagePanel::updateIcon()
{
    const int size = qMax(20, fontMetrics().height() + 4);
    m_iconLabel->setFixedSize(size, size);
    const QString path = iconPath(m_kind);
    if (path.isEmpty()) {
        m_iconLabel->clear();
        return;
    }
    const QIcon icon =
        QFile::exists(path) ? ResourceIcon::get(path) : style()->standardIcon(fallbackIcon(m_kind), nullptr, this);
    m_iconLabel->setPixmap(icon.pixmap(QSize(size, size), devicePixelRatioF()));
}

void MessagePanel::updateAccessibility()
{
    const QString kind = kindName(m_kind);
    // The panel's description is what a screen reader announces when the panel appears or changes.
    setAccessibleName(kind);
    setAccessibleDescription(m_message);
    m_messageLabel->setAccessibleName(tr("%1: %2").arg(kind, m_message));
    m_adviceLabel->setAccessibleName(QTextDocumentFragment::fromHtml(m_advice).toPlainText());
    m_busyBar->setAccessibleDescription(m_kind == Kind::Busy ? m_message : QString());
    if (m_kind == Kind::Error || m_kind == Kind::Warning) {
        QAccessibleEvent alert(this, QAccessible::Alert);
        QAccessible::updateAccessibility(&alert);
    }
}

void MessagePanel::updateDetailsHeight()
{
    // Tall enough to show short details without scrolling, never so tall that the page has to grow much. The
    // lines are counted as the text edit wraps them at its current width.
    const QFont font = m_detailsText->font();
    const int margin = qCeil(m_detailsText->document()->documentMargin());
    const qreal width = qMax(1, m_detailsText->viewport()->width() - 2 * margin);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    int lines = 0;
    const QStringList blocks = m_detailsText->toPlainText().split(QLatin1Char('\n'));
    for (const QString &block : blocks) {
        QTextLayout layout(block, font);
        layout.setTextOption(option);
        layout.beginLayout();
        int blockLines = 0;
        for (QTextLine line = layout.createLine(); line.isValid() && lines + blockLines <= MaxDetailLines;
             line = layout.createLine()) {
            line.setLineWidth(width);
            ++blockLines;
        }
        layout.endLayout();
        lines += qMax(1, blockLines);
        if (lines >= MaxDetailLines)
            break;
    }
    lines = qBound(1, lines, MaxDetailLines);
    // QPlainTextEdit scrolls unless the viewport is a pixel taller than the lines and both document margins.
    const int frame = 2 * m_detailsText->frameWidth();
    m_detailsText->setFixedHeight(lines * QFontMetrics(font).lineSpacing() + 2 * margin + frame + 2);
}

bool MessagePanel::eventFilter(QObject *watched, QEvent *event)
{
    // A new width wraps the details differently. Only the height is set here, so this settles at once.
    if (watched == m_detailsText->viewport() && event->type() == QEvent::Resize)
        updateDetailsHeight();
    return QFrame::eventFilter(watched, event);
}

QString MessagePanel::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Busy:
        return tr("In progress");
    case Kind::Success:
        return tr("Done");
    case Kind::Info:
        return tr("Information");
    case Kind::Warning:
        return tr("Warning");
    case Kind::Error:
        return tr("Error");
    case Kind::None:
        break;
    }
    return {};
}

} // namespace Dawiso
