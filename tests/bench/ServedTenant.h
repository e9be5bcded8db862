#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Dawiso::Bench {

// What the serving process tells the benchmark about the tenant it serves: where it listens, how to trust and
// authenticate to it, and what the Healthy sample user can see there (the source of the expected request count).
struct ServedTenant
{
    QString host;
    quint16 port = 0;
    QByteArray token; // the Healthy sample key; secret: never printed, wiped by its owner
    QByteArray certificatePem;
    int spaces = 0; // spaces the user is in
    int apps = 0; // apps the user sees
    QStringList sampleSpaceTypes; // the space types holding apps the user sees: one sample app is opened per type

    QString hostAndPort() const { return host + QLatin1Char(':') + QString::number(port); }
    QUrl baseUrl() const { return QUrl(QStringLiteral("https://") + hostAndPort()); }
    // Pages of a list of items at Qlik's limit=100; an empty list is still one page.
    static int pagesFor(int items) { return qMax(1, (items + 99) / 100); }
};

} // namespace Dawiso::Bench
