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
    // The practice Qlik Sense site's RootAdmin (DOMAIN\user; the same password), its repository service's port and
    // the folder its certificate bundle was exported to (client.pem, client_key.pem, root.pem, client.pfx).
    QString enterpriseAccount;
    int enterpriseRepositoryPort = 0;
    QString enterpriseBundleFolder;
    QList<PracticeSample> samples;
};

} // namespace Dawiso
