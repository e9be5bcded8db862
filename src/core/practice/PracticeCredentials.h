#pragma once

#include "practice/PracticeSample.h"

#include <QList>
#include <QString>

namespace Dawiso {

// The practice tenant's sign-in details and sample keys, which the practice run fills in for people. Not secrets:
// the practice tenant exists only inside this program.
struct PracticeCredentials
{
    QString nativeClientId;
    QString m2mClientId;
    QString m2mClientSecret;
    QString password;
    QList<PracticeSample> samples;
};

} // namespace Dawiso
