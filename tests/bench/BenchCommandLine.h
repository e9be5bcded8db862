#pragma once

#include <QCommandLineParser>
#include <QList>
#include <QString>

class QCoreApplication;

namespace Dawiso::Bench {

// The benchmarks' command lines: --help, whole numbers with a lowest value, paths and flags, and one way of saying
// what is wrong, so that each main() only lists its options.
class BenchCommandLine
{
public:
    explicit BenchCommandLine(const QString &description);

    void addNumber(const QString &name, const QString &description, int defaultValue, int minimum);
    void addPath(const QString &name, const QString &description, const QString &defaultValue);
    void addFlag(const QString &name, const QString &description);
    // --apps and --spaces (the simulated tenant's size, at least 1 each) and --serve (be the serving process), which
    // SimulatorProcess passes to the serving process.
    void addTenantOptions(int apps, int spaces);

    // Parses the application's arguments (--help prints the options and exits); false, after saying on stderr which
    // number is wrong, when one is not a whole number or below its lowest value.
    bool process(const QCoreApplication &app);

    int number(const QString &name) const;
    QString value(const QString &name) const;
    bool isSet(const QString &name) const;

private:
    struct Number
    {
        QString name;
        int minimum = 0;
    };

    QCommandLineParser m_parser;
    QList<Number> m_numbers;
};

} // namespace Dawiso::Bench
