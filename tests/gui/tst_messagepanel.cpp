#include "widgets/MessagePanel.h"

#include <QApplication>
#include <QFontInfo>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QVBoxLayout>

using Kind = Dawiso::MessagePanel::Kind;

namespace {

QPalette makePalette(bool dark)
{
    QPalette palette;
    const QColor window = dark ? QColor(0x2b, 0x2b, 0x2b) : QColor(0xf4, 0xf4, 0xf4);
    const QColor text = dark ? QColor(0xee, 0xee, 0xee) : QColor(0x1e, 0x1e, 0x1e);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, dark ? QColor(0x1e, 0x1e, 0x1e) : Qt::white);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, window);
    palette.setColor(QPalette::ButtonText, text);
    return palette;
}

} // namespace

class TestMessagePanel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void startsHidden();
    void busyShowsBarAndStop_data();
    void busyShowsBarAndStop();
    void stopButtonRequestsStopOnce();
    void showsResults_data();
    void showsResults();
    void textIsSelectableAndWraps();
    void messageIsPlainText();
    void adviceLinksAreForwarded();
    void detailsAreBehindAToggle();
    void switchingKindsCollapsesDetails();
    void actionButtons();
    void clearHidesAndForgets();
    void noneClears();
    void accessibility();
    void tintFollowsThePalette_data();
    void tintFollowsThePalette();

private:
    template <typename T>
    T *child(const char *name) const
    {
        return m_panel->findChild<T *>(QLatin1String(name));
    }

    QWidget *m_window = nullptr;
    Dawiso::MessagePanel *m_panel = nullptr;
};

void TestMessagePanel::init()
{
    m_window = new QWidget;
    m_window->resize(520, 300);
    auto *layout = new QVBoxLayout(m_window);
    m_panel = new Dawiso::MessagePanel(m_window);
    layout->addWidget(m_panel);
    layout->addStretch();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QVERIFY(child<QLabel>("messageLabel"));
    QVERIFY(child<QLabel>("adviceLabel"));
    QVERIFY(child<QToolButton>("detailsToggle"));
    QVERIFY(child<QPlainTextEdit>("detailsText"));
    QVERIFY(child<QPushButton>("stopButton"));
    QVERIFY(child<QProgressBar>("busyBar"));
}

void TestMessagePanel::cleanup()
{
    delete m_window;
    m_window = nullptr;
    m_panel = nullptr;
}

void TestMessagePanel::startsHidden()
{
    QCOMPARE(m_panel->kind(), Kind::None);
    QVERIFY(!m_panel->isVisible());
    QVERIFY(m_panel->message().isEmpty());
}

void TestMessagePanel::busyShowsBarAndStop_data()
{
    QTest::addColumn<bool>("cancellable");
    QTest::newRow("cancellable") << true;
    QTest::newRow("not cancellable") << false;
}

void TestMessagePanel::busyShowsBarAndStop()
{
    QFETCH(bool, cancellable);
    m_panel->showBusy(QStringLiteral("Checking qlik.corp.example…"), cancellable);

    QVERIFY(m_panel->isVisible());
    QCOMPARE(m_panel->kind(), Kind::Busy);
    QCOMPARE(m_panel->message(), QStringLiteral("Checking qlik.corp.example…"));
    QCOMPARE(child<QLabel>("messageLabel")->text(), QStringLiteral("Checking qlik.corp.example…"));
    auto *bar = child<QProgressBar>("busyBar");
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->minimum(), 0);
    QCOMPARE(bar->maximum(), 0);
    QVERIFY(bar->height() <= 8);
    QCOMPARE(child<QPushButton>("stopButton")->isVisible(), cancellable);
    QVERIFY(!child<QLabel>("adviceLabel")->isVisible());
    QVERIFY(!child<QToolButton>("detailsToggle")->isVisible());
}

void TestMessagePanel::stopButtonRequestsStopOnce()
{
    QSignalSpy stop(m_panel, &Dawiso::MessagePanel::stopRequested);
    m_panel->showBusy(QStringLiteral("Checking…"));
    auto *button = child<QPushButton>("stopButton");
    QVERIFY(button->isEnabled());
    QVERIFY(!button->autoDefault());
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(stop.count(), 1);
    QVERIFY(!button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(stop.count(), 1);

    // The next piece of work can be stopped again.
    m_panel->showBusy(QStringLiteral("Checking again…"));
    QVERIFY(button->isEnabled());
}

void TestMessagePanel::showsResults_data()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("advice");
    QTest::addColumn<QString>("details");

    QTest::newRow("success") << Kind::Success << QStringLiteral("Found your Qlik Cloud tenant.") << QString()
                             << QString();
    QTest::newRow("info") << Kind::Info << QStringLiteral("This is a practice run.")
                          << QStringLiteral("Nothing is sent to a real Qlik tenant.") << QString();
    QTest::newRow("warning") << Kind::Warning << QStringLiteral("The key expires in 5 days.")
                             << QStringLiteral("Create a key that lasts longer.") << QString();
    QTest::newRow("error") << Kind::Error << QStringLiteral("No server called qlik.example was found.")
                           << QStringLiteral("Check the spelling of the address.")
                           << QStringLiteral("Host qlik.example not found");
}

void TestMessagePanel::showsResults()
{
    QFETCH(Kind, kind);
    QFETCH(QString, message);
    QFETCH(QString, advice);
    QFETCH(QString, details);

    m_panel->showBusy(QStringLiteral("Working…"));
    QApplication::processEvents();
    const int busyTextX = child<QLabel>("messageLabel")->x();
    m_panel->showMessage(kind, message, advice, details);
    QApplication::processEvents();
    // The text stays where it was: the icon slot keeps its width whatever the kind.
    QCOMPARE(child<QLabel>("messageLabel")->x(), busyTextX);

    QVERIFY(m_panel->isVisible());
    QCOMPARE(m_panel->kind(), kind);
    QCOMPARE(m_panel->message(), message);
    QCOMPARE(m_panel->advice(), advice);
    QCOMPARE(child<QLabel>("messageLabel")->text(), message);
    QCOMPARE(child<QLabel>("adviceLabel")->isVisible(), !advice.isEmpty());
    QCOMPARE(child<QLabel>("adviceLabel")->text(), advice);
    QCOMPARE(child<QToolButton>("detailsToggle")->isVisible(), !details.isEmpty());
    QVERIFY(!child<QPlainTextEdit>("detailsText")->isVisible());
    QVERIFY(!child<QProgressBar>("busyBar")->isVisible());
    QVERIFY(!child<QPushButton>("stopButton")->isVisible());
    QVERIFY(!child<QLabel>("iconLabel")->pixmap().isNull());
}

void TestMessagePanel::textIsSelectableAndWraps()
{
    m_panel->showMessage(Kind::Error, QStringLiteral("Message"), QStringLiteral("Advice"), QStringLiteral("Details"));
    for (const char *name : {"messageLabel", "adviceLabel"}) {
        auto *label = child<QLabel>(name);
        QVERIFY2(label->wordWrap(), name);
        QVERIFY2(label->textInteractionFlags().testFlag(Qt::TextSelectableByMouse), name);
    }
    // Plain text gets no Tab stop: keyboard users go from field to field, not through every label.
    QVERIFY(!(child<QLabel>("messageLabel")->focusPolicy() & Qt::TabFocus));
    QVERIFY(!(child<QLabel>("adviceLabel")->focusPolicy() & Qt::TabFocus));
    auto *details = child<QPlainTextEdit>("detailsText");
    QVERIFY(details->isReadOnly());
    QVERIFY(details->textInteractionFlags().testFlag(Qt::TextSelectableByMouse));
    QVERIFY(details->lineWrapMode() != QPlainTextEdit::NoWrap);

    // A long message wraps inside the panel instead of widening the page.
    const QString longMessage = QStringLiteral("The connection failed because of a long explanation. ").repeated(8);
    m_panel->showMessage(Kind::Error, longMessage);
    QApplication::processEvents();
    QVERIFY(m_panel->width() <= m_window->width());
    QVERIFY(child<QLabel>("messageLabel")->height() > 2 * child<QLabel>("messageLabel")->fontMetrics().height());
}

void TestMessagePanel::messageIsPlainText()
{
    // Messages quote what users typed (host names); they must never be interpreted as markup.
    m_panel->showMessage(Kind::Error, QStringLiteral("<b>qlik</b> was not found"));
    auto *label = child<QLabel>("messageLabel");
    QCOMPARE(label->textFormat(), Qt::PlainText);
    QCOMPARE(label->text(), QStringLiteral("<b>qlik</b> was not found"));

    m_panel->showMessage(Kind::Error, QStringLiteral("Failed"), QStringLiteral("Try again later."));
    QCOMPARE(child<QLabel>("adviceLabel")->textFormat(), Qt::PlainText);
}

void TestMessagePanel::adviceLinksAreForwarded()
{
    QSignalSpy links(m_panel, &Dawiso::MessagePanel::linkActivated);
    const QString link = QStringLiteral("https://help.example.invalid/api-keys");
    m_panel->showMessage(
        Kind::Warning, QStringLiteral("API keys are turned off."),
        QStringLiteral("Turn them on in the <a href=\"%1\">Administration activity centre</a>.").arg(link));
    auto *advice = child<QLabel>("adviceLabel");
    QCOMPARE(advice->textFormat(), Qt::RichText);
    QVERIFY(!advice->openExternalLinks());
    QVERIFY(advice->textInteractionFlags().testFlag(Qt::LinksAccessibleByMouse));
    QVERIFY(advice->textInteractionFlags().testFlag(Qt::LinksAccessibleByKeyboard));
    QVERIFY(advice->focusPolicy() & Qt::TabFocus);

    // What QLabel emits when the link is clicked or activated from the keyboard.
    QVERIFY(QMetaObject::invokeMethod(advice, "linkActivated", Q_ARG(QString, link)));
    QCOMPARE(links.count(), 1);
    QCOMPARE(links.at(0).at(0).toString(), link);
}

void TestMessagePanel::detailsAreBehindAToggle()
{
    const QString details = QStringLiteral("QSslError: The certificate is self-signed, and untrusted\nline 2");
    m_panel->showMessage(Kind::Error, QStringLiteral("Failed"), QString(), details);
    auto *toggle = child<QToolButton>("detailsToggle");
    auto *text = child<QPlainTextEdit>("detailsText");
    QVERIFY(toggle->isVisible());
    QVERIFY(!text->isVisible());
    const QString collapsedText = toggle->text();

    QTest::mouseClick(toggle, Qt::LeftButton);
    QVERIFY(text->isVisible());
    QCOMPARE(text->toPlainText(), details);
    QVERIFY(text->font().fixedPitch() || QFontInfo(text->font()).fixedPitch());
    QVERIFY(toggle->text() != collapsedText);

    QTest::mouseClick(toggle, Qt::LeftButton);
    QVERIFY(!text->isVisible());
    QCOMPARE(toggle->text(), collapsedText);
}

void TestMessagePanel::switchingKindsCollapsesDetails()
{
    m_panel->showMessage(Kind::Error, QStringLiteral("Failed"), QString(), QStringLiteral("first details"));
    QTest::mouseClick(child<QToolButton>("detailsToggle"), Qt::LeftButton);
    QVERIFY(child<QPlainTextEdit>("detailsText")->isVisible());

    m_panel->showMessage(Kind::Warning, QStringLiteral("Careful"), QString(), QStringLiteral("second details"));
    QVERIFY(!child<QPlainTextEdit>("detailsText")->isVisible());
    QCOMPARE(child<QPlainTextEdit>("detailsText")->toPlainText(), QStringLiteral("second details"));

    m_panel->showMessage(Kind::Success, QStringLiteral("Done"));
    QVERIFY(!child<QToolButton>("detailsToggle")->isVisible());
    QVERIFY(!child<QPlainTextEdit>("detailsText")->isVisible());
}

void TestMessagePanel::actionButtons()
{
    QPushButton *retry = m_panel->addActionButton(QStringLiteral("Try again"));
    QVERIFY(retry);
    QVERIFY(m_panel->isAncestorOf(retry));
    QCOMPARE(retry->text(), QStringLiteral("Try again"));
    QVERIFY(!retry->autoDefault());

    m_panel->showMessage(Kind::Error, QStringLiteral("Failed"));
    QVERIFY(retry->isVisible());
    QSignalSpy clicked(retry, &QPushButton::clicked);
    QTest::mouseClick(retry, Qt::LeftButton);
    QCOMPARE(clicked.count(), 1);

    // Pages decide when their buttons apply.
    retry->hide();
    m_panel->showMessage(Kind::Error, QStringLiteral("Failed again"));
    QVERIFY(!retry->isVisible());
}

void TestMessagePanel::clearHidesAndForgets()
{
    m_panel->showMessage(Kind::Error, QStringLiteral("Failed"), QStringLiteral("Advice"), QStringLiteral("Details"));
    m_panel->clear();
    QVERIFY(!m_panel->isVisible());
    QCOMPARE(m_panel->kind(), Kind::None);
    QVERIFY(m_panel->message().isEmpty());
    QVERIFY(m_panel->advice().isEmpty());
    QVERIFY(child<QLabel>("messageLabel")->text().isEmpty());
    QVERIFY(child<QPlainTextEdit>("detailsText")->toPlainText().isEmpty());
    QVERIFY(m_panel->accessibleDescription().isEmpty());
}

void TestMessagePanel::noneClears()
{
    m_panel->showMessage(Kind::Info, QStringLiteral("Hello"));
    m_panel->showMessage(Kind::None, QStringLiteral("ignored"));
    QVERIFY(!m_panel->isVisible());
    QCOMPARE(m_panel->kind(), Kind::None);
}

void TestMessagePanel::accessibility()
{
    const QString message = QStringLiteral("No server called qlik.example was found.");
    m_panel->showMessage(Kind::Error, message, QStringLiteral("Check the <a href=\"x\">spelling</a>."),
                         QStringLiteral("details"));
    QCOMPARE(m_panel->accessibleDescription(), message);
    QVERIFY(!m_panel->accessibleName().isEmpty());
    QVERIFY(child<QLabel>("messageLabel")->accessibleName().contains(message));
    QVERIFY(child<QLabel>("messageLabel")->accessibleName() != message); // says what kind of message it is
    QCOMPARE(child<QLabel>("adviceLabel")->accessibleName(), QStringLiteral("Check the spelling."));
    QVERIFY(!child<QLabel>("adviceLabel")->accessibleDescription().isEmpty());
    QVERIFY(!child<QPlainTextEdit>("detailsText")->accessibleName().isEmpty());

    m_panel->showBusy(QStringLiteral("Checking…"));
    QCOMPARE(m_panel->accessibleDescription(), QStringLiteral("Checking…"));
    QCOMPARE(child<QProgressBar>("busyBar")->accessibleDescription(), QStringLiteral("Checking…"));
}

void TestMessagePanel::tintFollowsThePalette_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<Kind>("kind");
    QTest::newRow("light error") << false << Kind::Error;
    QTest::newRow("light success") << false << Kind::Success;
    QTest::newRow("dark error") << true << Kind::Error;
    QTest::newRow("dark success") << true << Kind::Success;
}

void TestMessagePanel::tintFollowsThePalette()
{
    QFETCH(bool, dark);
    QFETCH(Kind, kind);
    m_window->setPalette(makePalette(dark));
    m_panel->showMessage(kind, QStringLiteral("Message"));
    QApplication::processEvents();

    // Inside the top padding: only the panel's own background is painted there.
    const QImage image = m_panel->grab().toImage();
    const QColor fill = image.pixelColor(image.width() / 2, 4);
    const QColor window = m_window->palette().color(QPalette::Window);
    QVERIFY2(qAbs(fill.lightnessF() - window.lightnessF()) < 0.2,
             qPrintable(QStringLiteral("fill %1 does not blend with the window %2").arg(fill.name(), window.name())));
    QVERIFY2(fill != window, "the panel is not tinted");
    if (kind == Kind::Error)
        QVERIFY(fill.red() > fill.green());
    else
        QVERIFY(fill.green() > fill.red());
}

QTEST_MAIN(TestMessagePanel)
#include "tst_messagepanel.moc"
