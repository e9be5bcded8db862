#include "dialogs/CertificateDialog.h"

#include "ResourceIcon.h"
#include "common/Clock.h"
#include "dialogs/FileDialog.h"
#include "net/CertificateIssuer.h"
#include "net/CertificateNames.h"
#include "widgets/DisclosureButton.h"

#include <QCheckBox>
#include <QClipboard>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

namespace Dawiso {

namespace {

constexpr int PairsPerLine = 16;
// A root certificate file is a few kilobytes; anything far larger is not one.
constexpr qint64 LargestRootFile = qint64(1024) * 1024;

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
    return QFile::exists(path) ? ResourceIcon::get(path) : widget->style()->standardIcon(fallback, nullptr, widget);
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

bool isValidNow(const QSslCertificate &certificate)
{
    const QDateTime now = Clock::currentDateTimeUtc();
    return !certificate.isNull() && now >= certificate.effectiveDate() && now <= certificate.expiryDate();
}

QString hostOf(const QString &hostAndPort)
{
    const qsizetype colon = hostAndPort.lastIndexOf(QLatin1Char(':'));
    const QString host = colon > hostAndPort.lastIndexOf(QLatin1Char(']')) ? hostAndPort.left(colon) : hostAndPort;
    return host.startsWith(QLatin1Char('[')) ? host.mid(1, host.size() - 2) : host;
}

QPushButton *sectionButton(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    // Enter must never trust or change anything: only a deliberate click or Space on the focused button does.
    button->setAutoDefault(false);
    return button;
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

    auto *outer = new QVBoxLayout(this);
    outer->setSpacing(12);
    outer->addWidget(createHeader(hostAndPort));
    // A site's chain, its names and its CA make a long dialog: on a small screen the details scroll, and the header
    // and the decision stay in view.
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    layout->addWidget(createCertificateBox(m_summary));
    if (QWidget *note = createValidityNote(m_summary))
        layout->addWidget(note);
    if (QWidget *problems = createProblems(failure))
        layout->addWidget(problems);
    addChain(layout, failure.certificateChain());
    if (QWidget *names = createNameChoices(hostAndPort, failure))
        layout->addWidget(names);
    // A self-signed certificate has no CA to trust: pinning it is the one way.
    if (m_canBeTrusted && !m_summary.isSelfSigned()) {
        m_authority = CertificateIssuer::authorityIn(failure.certificateChain());
        layout->addWidget(createAuthoritySection(hostAndPort));
    }
    layout->addStretch(1);
    auto *details = m_details = new QScrollArea(this);
    details->setObjectName(QStringLiteral("detailsArea"));
    details->setFrameShape(QFrame::NoFrame);
    details->setWidgetResizable(true);
    details->setWidget(body);
    // As wide as the details need (the fingerprints do not wrap): only the height ever scrolls.
    details->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    details->setMinimumWidth(body->minimumSizeHint().width()
                             + details->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, details));
    outer->addWidget(details, 1);

    m_trustCheck =
        new QCheckBox(tr("I compared the fingerprint and trust this certificate for %1 only").arg(hostAndPort), this);
    m_trustCheck->setObjectName(QStringLiteral("trustCheck"));
    m_trustCheck->setEnabled(m_canBeTrusted);
    m_trustCheck->setVisible(m_canBeTrusted);
    connect(m_trustCheck, &QCheckBox::toggled, this, &CertificateDialog::updateTrustButton);
    outer->addWidget(m_trustCheck);

    auto *buttons = new QDialogButtonBox(this);
    m_trustButton = buttons->addButton(tr("&Trust this certificate"), QDialogButtonBox::AcceptRole);
    m_trustButton->setObjectName(QStringLiteral("trustButton"));
    // Enter must never trust a certificate: only a deliberate click or Space on the focused button does.
    m_trustButton->setAutoDefault(false);
    m_cancelButton = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setDefault(true);
    m_cancelButton->setFocus();
    // An expired certificate offers no trust at all; the validity note says why. (After the last addButton(), which
    // shows every button of the box again.)
    m_trustButton->setVisible(m_canBeTrusted);
    connect(buttons, &QDialogButtonBox::accepted, this, &CertificateDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &CertificateDialog::reject);
    outer->addWidget(buttons);

    updateTrustButton();
}

CertificateDialog::Decision CertificateDialog::decision() const
{
    return result() == QDialog::Accepted ? m_decision : Decision::None;
}

QByteArray CertificateDialog::acceptedFingerprint() const
{
    return decision() == Decision::TrustCertificate ? CertificateSummary::sha256(m_summary.certificate())
                                                    : QByteArray();
}

QSslCertificate CertificateDialog::acceptedAuthority() const
{
    return decision() == Decision::TrustAuthority ? m_authority : QSslCertificate();
}

QString CertificateDialog::chosenName() const
{
    return decision() == Decision::UseName ? m_chosenName : QString();
}

bool CertificateDialog::canTrustAuthority() const
{
    // The CA the server sent vouches for nothing by itself: it needs the same comparison as the certificate. A root
    // loaded from the site's export comes from elsewhere and proved it signed the certificate.
    return m_canBeTrusted && isValidNow(m_authority) && (m_authorityFromFile || m_trustCheck->isChecked());
}

void CertificateDialog::accept()
{
    // Also guards programmatic accepts (a default button, a test, a future shortcut).
    if (!m_canBeTrusted || !m_trustCheck->isChecked())
        return;
    m_decision = Decision::TrustCertificate;
    QDialog::accept();
}

void CertificateDialog::trustAuthority()
{
    if (!canTrustAuthority())
        return;
    m_decision = Decision::TrustAuthority;
    QDialog::accept();
}

void CertificateDialog::useName(const QString &name)
{
    m_decision = Decision::UseName;
    m_chosenName = name;
    emit nameChosen(name);
    QDialog::accept();
}

QWidget *CertificateDialog::createSiteCaNote(const QString &hostAndPort)
{
    const QString issuer = CertificateIssuer::issuerCommonName(m_summary.certificate());
    if (m_summary.isNull() || m_summary.isSelfSigned() || !CertificateIssuer::isQlikSiteCaName(issuer))
        return nullptr;
    auto *note = selectableLabel(
        tr("The certificate was issued by %1, the certificate authority Qlik Sense makes for its site when it is "
           "installed. No computer trusts it until told to, so this is expected. The safest way is to trust that CA "
           "for %2 only with the site's root.pem or root.cer, which your Qlik administrator exports in the QMC "
           "under Certificates.")
            .arg(issuer, hostAndPort),
        this);
    note->setObjectName(QStringLiteral("siteCaNote"));
    return note;
}

QWidget *CertificateDialog::createNameChoices(const QString &hostAndPort, const RequestFailure &failure)
{
    const QList<QSslError> errors = failure.sslErrors();
    const bool mismatch = std::any_of(errors.cbegin(), errors.cend(), [](const QSslError &error) {
        return error.error() == QSslError::HostNameMismatch;
    });
    const QStringList names =
        mismatch ? CertificateNames::offeredInstead(m_summary.certificate(), hostOf(hostAndPort)) : QStringList();
    if (names.isEmpty())
        return nullptr;

    auto *section = new QWidget(this);
    section->setObjectName(QStringLiteral("nameChoices"));
    auto *layout = new QVBoxLayout(section);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *label = selectableLabel(tr("The certificate is made out to %1, not to %2. Qlik Sense checks the name too "
                                     "(its host allow list), so use one of the certificate's names instead:")
                                      .arg(names.join(QLatin1String(", ")), hostOf(hostAndPort)),
                                  section);
    label->setObjectName(QStringLiteral("namesLabel"));
    layout->addWidget(label);
    auto *row = new QHBoxLayout;
    for (qsizetype i = 0; i < names.size(); ++i) {
        const QString &name = names.at(i);
        // One mnemonic for the first name keeps every Alt+letter of the dialog unique; Tab reaches the others.
        auto *button = sectionButton(i == 0 ? tr("&Use %1").arg(name) : tr("Use %1").arg(name),
                                     QStringLiteral("useNameButton"), section);
        button->setProperty("certificateName", name);
        connect(button, &QPushButton::clicked, this, [this, name] { useName(name); });
        row->addWidget(button);
    }
    row->addStretch(1);
    layout->addLayout(row);
    return section;
}

QWidget *CertificateDialog::createAuthoritySection(const QString &hostAndPort)
{
    auto *section = new QWidget(this);
    section->setObjectName(QStringLiteral("authoritySection"));
    auto *layout = new QVBoxLayout(section);
    layout->setContentsMargins(0, 0, 0, 0);
    m_authorityLabel = selectableLabel(QString(), section);
    m_authorityLabel->setObjectName(QStringLiteral("authorityLabel"));
    layout->addWidget(m_authorityLabel);
    m_rootStatus = selectableLabel(QString(), section);
    m_rootStatus->setObjectName(QStringLiteral("rootStatusLabel"));
    m_rootStatus->hide();
    layout->addWidget(m_rootStatus);

    auto *row = new QHBoxLayout;
    m_trustAuthorityButton = sectionButton(tr("Trust the site's C&A for %1 only").arg(hostAndPort),
                                           QStringLiteral("trustCaButton"), section);
    connect(m_trustAuthorityButton, &QPushButton::clicked, this, &CertificateDialog::trustAuthority);
    row->addWidget(m_trustAuthorityButton);
    auto *load = sectionButton(tr("&Load root.pem or root.cer…"), QStringLiteral("loadRootButton"), section);
    connect(load, &QPushButton::clicked, this, &CertificateDialog::loadRoot);
    row->addWidget(load);
    row->addStretch(1);
    layout->addLayout(row);
    return section;
}

void CertificateDialog::loadRoot()
{
    const QString path = FileDialog::getOpenFileName(this, tr("Load the site's root certificate"), QString(),
                                                     tr("Certificates (*.pem *.cer *.crt *.der);;All files (*)"));
    if (path.isEmpty())
        return;
    const QString fileName = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showRootStatus(tr("%1 could not be read: %2").arg(fileName, file.errorString()), true);
        return;
    }
    QByteArray contents = file.read(LargestRootFile);
    const QList<QSslCertificate> certificates = contents.contains("-----BEGIN ")
        ? QSslCertificate::fromData(contents, QSsl::Pem)
        : QSslCertificate::fromData(contents, QSsl::Der);
    // A wrong file may be a private key: keep no copy of it.
    contents.fill('\0');
    if (certificates.isEmpty()) {
        showRootStatus(tr("%1 holds no certificate. Load root.pem or root.cer as the QMC exports them.").arg(fileName),
                       true);
        return;
    }
    const auto signer = std::find_if(certificates.cbegin(), certificates.cend(), [this](const QSslCertificate &ca) {
        return CertificateIssuer::isIssuedBy(m_summary.certificate(), ca);
    });
    if (signer == certificates.cend()) {
        const CertificateSummary first = CertificateSummary::fromCertificate(certificates.front());
        showRootStatus(tr("%1 (%2) did not issue this server's certificate: it is the CA of another site or server. "
                          "Export the certificates again in the QMC of this server.")
                           .arg(fileName, first.subject()),
                       true);
        return;
    }
    if (!isValidNow(*signer)) {
        showRootStatus(tr("The CA in %1 is valid only from %2 to %3, so it cannot be trusted. Ask your Qlik "
                          "administrator to renew the site's certificates.")
                           .arg(fileName, formatDate(signer->effectiveDate()), formatDate(signer->expiryDate())),
                       true);
        return;
    }
    m_authority = *signer;
    m_authorityFromFile = true;
    showRootStatus(tr("%1 holds %2, which issued this server's certificate.")
                       .arg(fileName, CertificateSummary::fromCertificate(*signer).subject()),
                   false);
    updateTrustButton();
}

void CertificateDialog::showRootStatus(const QString &text, bool problem)
{
    m_rootStatus->setText(text);
    QPalette colours = palette();
    if (problem)
        colours.setColor(QPalette::WindowText, errorTextColor(palette()));
    m_rootStatus->setPalette(colours);
    m_rootStatus->setProperty("problem", problem);
    m_rootStatus->show();
    // The answer and the button it enables, in view once the taller text is laid out.
    QTimer::singleShot(0, this, [this] {
        m_details->widget()->layout()->activate();
        m_details->ensureWidgetVisible(m_trustAuthorityButton);
    });
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
    // In the header's column: a wrapped label of its own above the certificate would leave the dialog too short.
    if (QWidget *note = createSiteCaNote(hostAndPort))
        text->addWidget(note);
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
        const QString issuer = entry.isSelfSigned() ? tr("Issued by itself") : tr("Issued by %1").arg(entry.issuer());
        const QString validity =
            tr("Valid from %1 to %2").arg(formatDate(entry.validFrom()), formatDate(entry.validUntil()));
        entries << QStringLiteral("<p><b>%1. %2</b><br>%3<br>%4<br><span style=\"font-family: '%5';\">%6</span></p>")
                       .arg(QString::number(i + 1), subject.toHtmlEscaped(), issuer.toHtmlEscaped(),
                            validity.toHtmlEscaped(), mono,
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
    if (m_trustButton)
        m_trustButton->setEnabled(m_canBeTrusted && m_trustCheck->isChecked());
    if (!m_trustAuthorityButton)
        return;
    m_trustAuthorityButton->setEnabled(canTrustAuthority());
    if (m_authority.isNull()) {
        m_authorityLabel->setText(tr("The server did not send its CA. Load the site's root certificate to trust the "
                                     "CA that issued this certificate."));
        return;
    }
    const CertificateSummary authority = CertificateSummary::fromCertificate(m_authority);
    const QString source = m_authorityFromFile ? tr("Loaded CA: %1").arg(authority.subject())
                                               : tr("The server sent its CA: %1").arg(authority.subject());
    m_authorityLabel->setText(tr("%1\nValid from %2 to %3\nSHA-256: %4")
                                  .arg(source, formatDate(authority.validFrom()), formatDate(authority.validUntil()),
                                       authority.sha256Fingerprint()));
}

} // namespace Dawiso
