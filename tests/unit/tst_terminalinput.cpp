// Reading a key from standard input leaves no copy in the C library's stdin buffer, where it would stay until the
// program exits.
#include "TerminalInput.h"

#include <QTest>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace Dawiso;

namespace {

// A JWT-shaped stand-in, not a real key.
const QByteArray FakeKey =
    QByteArrayLiteral("eyJhbGciOiJFUzM4NCIsImtpZCI6ImZha2UiLCJ0eXAiOiJKV1QifQ."
                      "eyJzdWIiOiJmYWtlLXVzZXIiLCJhdWQiOiJxbGlrLmFwaSIsImlzcyI6InFsaWsuYXBpL2FwaS1rZXlzIn0."
                      "c3RhbmQtaW4tc2lnbmF0dXJlLW5vdC1hLXJlYWwtb25lLWF0LWFsbC1qdXN0LWZvci10aGUtdGVzdA");

// Whether the stdio buffer of this stream holds the bytes (glibc keeps its buffer in the FILE itself).
bool stdioBufferHolds(std::FILE *stream, const QByteArray &bytes)
{
#ifdef __GLIBC__
    if (!stream->_IO_buf_base)
        return false;
    return QByteArrayView(stream->_IO_buf_base, stream->_IO_buf_end - stream->_IO_buf_base).contains(bytes);
#else
    Q_UNUSED(stream);
    Q_UNUSED(bytes);
    return false;
#endif
}

} // namespace

class TestTerminalInput : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void detectorSeesABufferedCopy();
    void readsAllOfStandardInputWithoutABufferedCopy_data();
    void readsAllOfStandardInputWithoutABufferedCopy();
    void tooMuchInputIsRefusedAndWiped();

private:
    // Puts `input` on standard input (a pipe, closed after it) for the duration of `read`.
    template <typename Read>
    void withStandardInput(const QByteArray &input, Read read);
};

void TestTerminalInput::initTestCase()
{
#if !defined(Q_OS_UNIX) || !defined(__GLIBC__)
    QSKIP("Looks into glibc's stdin buffer through a pipe on standard input.");
#endif
}

template <typename Read>
void TestTerminalInput::withStandardInput(const QByteArray &input, Read read)
{
#ifdef Q_OS_UNIX
    int pipeEnds[2];
    QCOMPARE(::pipe(pipeEnds), 0);
    QCOMPARE(::write(pipeEnds[1], input.constData(), size_t(input.size())), ssize_t(input.size()));
    ::close(pipeEnds[1]);
    const int savedStdin = ::dup(STDIN_FILENO);
    QVERIFY(savedStdin >= 0);
    QVERIFY(::dup2(pipeEnds[0], STDIN_FILENO) == STDIN_FILENO);
    ::close(pipeEnds[0]);
    read();
    ::dup2(savedStdin, STDIN_FILENO);
    ::close(savedStdin);
#else
    Q_UNUSED(input);
    Q_UNUSED(read);
#endif
}

void TestTerminalInput::detectorSeesABufferedCopy()
{
    // The check below is only worth something if a copy in a stdio buffer would be found: a buffered read of a
    // second pipe leaves one.
#ifdef Q_OS_UNIX
    int pipeEnds[2];
    QCOMPARE(::pipe(pipeEnds), 0);
    QCOMPARE(::write(pipeEnds[1], FakeKey.constData(), size_t(FakeKey.size())), ssize_t(FakeKey.size()));
    ::close(pipeEnds[1]);
    std::FILE *stream = ::fdopen(pipeEnds[0], "r");
    QVERIFY(stream);
    char first[16];
    QCOMPARE(std::fread(first, 1, sizeof first, stream), sizeof first);
    const bool found = stdioBufferHolds(stream, FakeKey);
    std::fclose(stream);
    QVERIFY(found);
#endif
}

void TestTerminalInput::readsAllOfStandardInputWithoutABufferedCopy_data()
{
    QTest::addColumn<qsizetype>("limit");
    QTest::newRow("the check's limit") << qsizetype(64 * 1024);
    // A limit below the stdio block size: where a buffered fread would fill stdin's own buffer.
    QTest::newRow("a small limit") << qsizetype(1024);
}

void TestTerminalInput::readsAllOfStandardInputWithoutABufferedCopy()
{
    QFETCH(qsizetype, limit);
    const QByteArray input = FakeKey + "\n";
    QByteArray buffer;
    TerminalInput::ReadResult result = TerminalInput::ReadResult::Failed;
    withStandardInput(input, [&] {
        const TerminalInput terminal;
        result = terminal.readAll(&buffer, limit);
    });
    QVERIFY(result == TerminalInput::ReadResult::Complete);
    QVERIFY(buffer == input); // QVERIFY: a failing QCOMPARE would print the key
    QVERIFY(!stdioBufferHolds(stdin, FakeKey));
}

void TestTerminalInput::tooMuchInputIsRefusedAndWiped()
{
    QByteArray buffer;
    TerminalInput::ReadResult result = TerminalInput::ReadResult::Failed;
    withStandardInput(QByteArray(4096, 'A'), [&] {
        const TerminalInput terminal;
        result = terminal.readAll(&buffer, 1024);
    });
    QVERIFY(result == TerminalInput::ReadResult::TooLong);
    QVERIFY(buffer.isEmpty());
}

QTEST_GUILESS_MAIN(TestTerminalInput)
#include "tst_terminalinput.moc"
