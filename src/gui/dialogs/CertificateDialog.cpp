#include "dialogs/CertificateDialog.h"

#include "common/Clock.h"
#include "widgets/DisclosureButton.h"

#include <QCheckBox>
#include <QClipboard>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFile>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

namespace Dawiso {

namespace {

constexpr int PairsPerLine = 16;

// "AB:CD:…" in lines of 16 pairs, each line but the last ending in ':' so that removing the line breaks gives the
// fingerprint back unchanged.
QString wrapFingerprint(const QString &fingerprint)
{
    const QStringList pairs = fingerprint.split(QLatin1Char(':'));
    QStringList lines;
    for (qsizetype i = 0; i < pairs.size(); i += PairsPerLine)
        lines << pairs.mid(i, PairsPerLine).join(QLatin1Char(':'));
    return lines.join(QLatin1String(":\n"));
}

QLabel *selectableLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    // Mouse only, so that Tab goes straight to the checkbox and the buttons.
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

// The compiled-in icon, or the style's own when the resources are not linked in.
QIcon resourceIcon(const QString &path, QStyle::StandardPixmap fallback, const QWidget *widget)
{
    return QFile::exists(path) ? QIcon(path) : widget->style()->standardIcon(fallback, nullptr, widget);
}

// Red that stays readable: darker on light windows, lighter on dark ones.
QColor errorTextColor(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5 ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e);
}

QString formatDate(const QDateTime &dateTime)
{
    // Day and month name in the user's language, in an order no one can misread (unlike 03/04/25).
    return QLocale().toString(dateTime.toLocalTime().date(), QStringLiteral("d MMMM yyyy"));
}

} // namespace

CertificateDialog::CertificateDialog(const QString &hostAndPort, const RequestFailure &failure, QWidget *parent)
    : QDialog(parent)
    , m_summary(failure.peerCertificate())
{
    setObjectName(QStringLiteral("certificateDialog"));
    setWindowTitle(tr("Untrusted certificate"));

    const QDateTime now = Clock::currentDateTimeUtc();
    m_canBeTrusted = !m_summary.isNull() && now >= m_summary.validFrom() && now <= m_summary.validUntil();

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addWidget(createHeader(hostAndPort));
    layout->addWidget(createCertificateBox(m_summary));
    if (QWidget *note = createValidityNote(m_summary))
        layout->addWidget(note);
    if (QWidget *problems = createProblems(failure))
        layout->addWidget(problems);
    addChain(layout, failure.certificateChain());

    m_trustCheck =
        new QCheckBox(tr("I compared the fingerprint and trust this certificate for %1 only").arg(hostAndPort), this);
    m_trustCheck->setObjectName(QStringLiteral("trustCheck"));
    m_trustCheck->setEnabled(m_canBeTrusted);
    connect(m_trustCheck, &QCheckBox::toggled, this, &CertificateDialog::updateTrustButton);
    layout->addSpacing(4);
    layout->addWidget(m_trustCheck);

    auto *buttons = new QDialogButtonBox(this);
    m_trustButton = buttons->addButton(tr("Trust this certificate"), QDialogButtonBox::AcceptRole);
    m_trustButton->setObjectName(QStringLiteral("trustButton"));
    // Enter must never trust a certificate: only a deliberate click or Space on the focused button does.
    m_trustButton->setAutoDefault(false);
    m_cancelButton = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setDefault(true);
    m_cancelButton->setFocus();
    connect(buttons, &QDialogButtonBox::accepted, this, &CertificateDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &CertificateDialog::reject);
    layout->addWidget(buttons);

    updateTrustButton();
}

QByteArray CertificateDialog::acceptedFingerprint() const
{
    return result() == QDialog::Accepted ? CertificateSummary::sha256(m_summary.certificate()) : QByteArray();
}

void CertificateDialog::accept()
{
    // Also guards programmatic accepts (a default button, a test, a future shortcut).
    if (!m_canBeTrusted || !m_trustCheck->isChecked())
        return;
    QDialog::accept();
}

QWidget *CertificateDialog::createHeader(const QString &hostAndPort)
{
    auto *header = new QWidget(this);
    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(14);

    auto *icon = new QLabel(header);
    const int iconSize = 40;
    icon->setPixmap(resourceIcon(QStringLiteral(":/icons/status-warning.svg"), QStyle::SP_MessageBoxWarning, this)
                        .pixmap(QSize(iconSize, iconSize), devicePixelRatioF()));
    icon->setFixedSize(iconSize, iconSize);
    layout->addWidget(icon, 0, Qt::AlignTop);

    auto *text = new QVBoxLayout;
    text->setSpacing(6);
    auto *headline = selectableLabel(tr("This computer does not trust the certificate of %1").arg(hostAndPort), header);
    headline->setObjectName(QStringLiteral("headlineLabel"));
    QFont headlineFont = headline->font();
    headlineFont.setPointSizeF(headlineFont.pointSizeF() * 1.25);
    headlineFont.setWeight(QFont::DemiBold);
    headline->setFont(headlineFont);
    text->addWidget(headline);

    auto *why = selectableLabel(
        tr("Someone could be reading or changing this connection, for example a company proxy or an attacker on the "
           "network. Compare the fingerprint below with the one your IT department publishes, and trust the "
           "certificate only if they match."),
        header);
    why->setObjectName(QStringLiteral("explanationLabel"));
    text->addWidget(why);
    layout->addLayout(text, 1);
    return header;
}

QWidget *CertificateDialog::createCertificateBox(const CertificateSummary &summary)
{
    auto *box = new QGroupBox(tr("Certificate"), this);
    auto *form = new QFormLayout(box);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);

    if (summary.isNull()) {
        form->addRow(selectableLabel(tr("The server did not send a certificate."), box));
        return box;
    }

    auto addRow = [&](const QString &label, const QString &value, const QString &objectName) {
        auto *field = selectableLabel(value, box);
        field->setObjectName(objectName);
        form->addRow(label, field);
    };
    addRow(tr("Issued to:"), summary.subject().isEmpty() ? tr("(no name)") : summary.subject(),
           QStringLiteral("subjectText"));
    if (!summary.alternativeNames().isEmpty())
        addRow(tr("Also valid for:"), summary.alternativeNames().join(QLatin1String(", ")),
               QStringLiteral("alternativeNamesText"));
    addRow(tr("Issued by:"), summary.isSelfSigned() ? tr("itself (self-signed)") : summary.issuer(),
           QStringLiteral("issuerText"));
    addRow(tr("Valid:"), tr("from %1 to %2").arg(formatDate(summary.validFrom()), formatDate(summary.validUntil())),
           QStringLiteral("validityText"));

    auto *fingerprintRow = new QWidget(box);
    auto *rowLayout = new QHBoxLayout(fingerprintRow);
    rowLayout->setContentsMargins(0, 0, 0, 0);
    auto *fingerprint = selectableLabel(wrapFingerprint(summary.sha256Fingerprint()), fingerprintRow);
    fingerprint->setObjectName(QStringLiteral("fingerprintText"));
    fingerprint->setWordWrap(false);
    fingerprint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    fingerprint->setAccessibleName(tr("SHA-256 fingerprint"));
    fingerprint->setAccessibleDescription(summary.sha256Fingerprint());
    rowLayout->addWidget(fingerprint, 1);
    m_copyButton = new QPushButton(resourceIcon(QStringLiteral(":/icons/copy.svg"), QStyle::SP_FileIcon, this),
                                   tr("Copy"), fingerprintRow);
    m_copyButton->setObjectName(QStringLiteral("copyFingerprintButton"));
    m_copyButton->setAutoDefault(false);
    m_copyButton->setToolTip(tr("Copy the fingerprint, to paste it next to the one your IT department publishes"));
    connect(m_copyButton, &QPushButton::clicked, this, &CertificateDialog::copyFingerprint);
    rowLayout->addWidget(m_copyButton, 0, Qt::AlignTop);
    form->addRow(tr("SHA-256 fingerprint:"), fingerprintRow);
    return box;
}

QWidget *CertificateDialog::createValidityNote(const CertificateSummary &summary)
{
    if (summary.isNull() || m_canBeTrusted)
        return nullptr;
    const QDateTime now = Clock::currentDateTimeUtc();
    const QString text = now < summary.validFrom()
        ? tr("This certificate is not valid until %1, so it cannot be trusted. Check the clock of this computer; if "
             "it is right, ask the server's administrator to fix the certificate.")
              .arg(formatDate(summary.validFrom()))
        : tr("This certificate expired on %1, so it cannot be trusted. Ask the server's administrator to renew it.")
              .arg(formatDate(summary.validUntil()));

    auto *note = new QWidget(this);
    auto *layout = new QHBoxLayout(note);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *icon = new QLabel(note);
    const int iconSize = fontMetrics().height();
    icon->setPixmap(resourceIcon(QStringLiteral(":/icons/status-error.svg"), QStyle::SP_MessageBoxCritical, this)
                        .pixmap(QSize(iconSize, iconSize), devicePixelRatioF()));
    layout->addWidget(icon, 0, Qt::AlignTop);
    auto *label = selectableLabel(text, note);
    label->setObjectName(QStringLiteral("validityNote"));
    QPalette red = label->palette();
    red.setColor(QPalette::WindowText, errorTextColor(palette()));
    label->setPalette(red);
    QFont bold = label->font();
    bold.setWeight(QFont::DemiBold);
    label->setFont(bold);
    layout->addWidget(label, 1);
    return note;
}

QWidget *CertificateDialog::createProblems(const RequestFailure &failure)
{
    QStringList problems;
    for (const QSslError &error : failure.sslErrors())
        problems << error.errorString();
    problems.removeDuplicates();
    if (problems.isEmpty())
        return nullptr;

    auto *section = new QWidget(this);
    auto *layout = new QVBoxLayout(section);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *title = new QLabel(tr("What this computer found wrong:"), section);
    QFont bold = title->font();
    bold.setWeight(QFont::DemiBold);
    title->setFont(bold);
    layout->addWidget(title);

    QString html = QStringLiteral("<ul style=\"margin-left: 0px; -qt-list-indent: 1;\">");
    for (const QString &problem : std::as_const(problems))
        html += QStringLiteral("<li>") + problem.toHtmlEscaped() + QStringLiteral("</li>");
    html += QStringLiteral("</ul>");
    auto *list = new QLabel(html, section);
    list->setObjectName(QStringLiteral("errorsList"));
    list->setTextFormat(Qt::RichText);
    list->setWordWrap(true);
    list->setTextInteractionFlags(Qt::TextSelectableByMouse);
    list->setAccessibleName(tr("Problems: %1").arg(problems.join(QLatin1String("; "))));
    layout->addWidget(list);
    return section;
}

void CertificateDialog::addChain(QVBoxLayout *layout, const QList<QSslCertificate> &chain)
{
    if (chain.size() < 2)
        return;
    auto *toggle = new DisclosureButton(
        tr("Show the certificate chain (%n certificate(s))", nullptr, static_cast<int>(chain.size())),
        tr("Hide the certificate chain"), this);
    toggle->setObjectName(QStringLiteral("chainToggle"));

    const QString mono = QFontDatabase::systemFont(QFontDatabase::FixedFont).family().toHtmlEscaped();
    QStringList entries;
    for (qsizetype i = 0; i < chain.size(); ++i) {
        const CertificateSummary entry = CertificateSummary::fromCertificate(chain.at(i));
        const QString subject = entry.subject().isEmpty() ? tr("(no name)") : entry.subject();
        entries << QStringLiteral("<p><b>%1. %2</b><br><span style=\"font-family: '%3';\">%4</span></p>")
                       .arg(QString::number(i + 1), subject.toHtmlEscaped(), mono,
                            wrapFingerprint(entry.sha256Fingerprint())
                                .toHtmlEscaped()
                                .replace(QLatin1Char('\n'), QLatin1String("<br>")));
    }
    auto *text = new QLabel(entries.join(QString()), this);
    text->setObjectName(QStringLiteral("chainText"));
    text->setTextFormat(Qt::RichText);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    text->setContentsMargins(20, 0, 0, 0);
    toggle->setContent(text);
    layout->addWidget(toggle, 0, Qt::AlignLeft);
    layout->addWidget(text);
}

void CertificateDialog::copyFingerprint()
{
    QGuiApplication::clipboard()->setText(m_summary.sha256Fingerprint());
    // Feedback in place: the button says it worked, then returns to normal.
    m_copyButton->setText(tr("Copied"));
    QTimer::singleShot(2000, this, [this] { m_copyButton->setText(tr("Copy")); });
}

void CertificateDialog::updateTrustButton()
{
    m_trustButton->setEnabled(m_canBeTrusted && m_trustCheck->isChecked());
}

} // namespace Dawiso
