#include "BenchCommandLine.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

namespace Dawiso::Bench {

BenchCommandLine::BenchCommandLine(const QString &description)
{
    m_parser.setApplicationDescription(description);
    m_parser.addHelpOption();
}

void BenchCommandLine::addNumber(const QString &name, const QString &description, int defaultValue, int minimum)
{
    m_parser.addOption(QCommandLineOption(name, QStringLiteral("%1 At least %2.").arg(description).arg(minimum),
                                          QStringLiteral("n"), QString::number(defaultValue)));
    m_numbers.append({name, minimum});
}

void BenchCommandLine::addPath(const QString &name, const QString &description, const QString &defaultValue)
{
    m_parser.addOption(QCommandLineOption(name, description, QStringLiteral("path"), defaultValue));
}

void BenchCommandLine::addFlag(const QString &name, const QString &description)
{
    m_parser.addOption(QCommandLineOption(name, description));
}

void BenchCommandLine::addTenantOptions(int apps, int spaces)
{
    addNumber(QStringLiteral("apps"), QStringLiteral("Apps in the simulated tenant."), apps, 1);
    addNumber(QStringLiteral("spaces"), QStringLiteral("Spaces in the simulated tenant."), spaces, 1);
    addFlag(QStringLiteral("serve"), QStringLiteral("Internal: be the serving process (the simulator)."));
}

bool BenchCommandLine::process(const QCoreApplication &app)
{
    m_parser.process(app);
    QStringList problems;
    for (const Number &number : std::as_const(m_numbers)) {
        bool ok = false;
        if (m_parser.value(number.name).toInt(&ok) < number.minimum || !ok)
            problems << QStringLiteral("--%1 needs a whole number of at least %2").arg(number.name).arg(number.minimum);
    }
    if (problems.isEmpty())
        return true;
    QTextStream(stderr) << QCoreApplication::applicationName() << ": " << problems.join(QStringLiteral("; ")) << '.'
                        << Qt::endl;
    return false;
}

int BenchCommandLine::number(const QString &name) const
{
    return m_parser.value(name).toInt();
}

QString BenchCommandLine::value(const QString &name) const
{
    return m_parser.value(name);
}

bool BenchCommandLine::isSet(const QString &name) const
{
    return m_parser.isSet(name);
}

} // namespace Dawiso::Bench
