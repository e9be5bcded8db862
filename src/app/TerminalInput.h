#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <cstdio>
#include <memory>

namespace Dawiso {

// While a key is pasted into a terminal: what is typed is not shown, and Ctrl-C only ends the read, so the program
// can restore the terminal instead of dying with its echo switched off. Both are undone when the object goes away.
// Does nothing when standard input is not a terminal, and where there is no termios (Windows keeps its console as
// it is).
class TerminalInput
{
public:
    enum class ReadResult {
        Complete, // standard input ended; the buffer holds all of it
        TooLong, // `limit` bytes arrived and standard input had not ended
        Interrupted, // Ctrl-C
        Failed, // a read error
    };

    TerminalInput();
    ~TerminalInput();
    Q_DISABLE_COPY_MOVE(TerminalInput)

    // Whether Ctrl-C was pressed since construction.
    bool wasInterrupted() const;

    // Reads standard input to its end into one buffer of `limit` bytes that never grows (growing would leave copies
    // behind in freed memory). Reads past stdio's own buffer, which would otherwise keep a copy of a key until the
    // program exits. Only Complete leaves data in *buffer; otherwise it is wiped and empty.
    ReadResult readAll(QByteArray *buffer, qsizetype limit) const;

    static bool isTerminal(std::FILE *stream);

private:
    // What is restored afterwards; null when standard input is not a terminal.
    struct Saved;
    std::unique_ptr<Saved> m_saved;
};

} // namespace Dawiso
