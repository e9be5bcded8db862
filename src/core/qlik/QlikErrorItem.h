#pragma once

#include <QString>

namespace Dawiso {

// One entry of Qlik's `errors` array. Only `code` and `title` are required by the specs; `status` is a number in
// most services, a string in oauth.json and absent in roles.json, so it is optional here (0 when unknown).
struct QlikErrorItem
{
    QString code;
    QString title;
    QString detail;
    int status = 0;
};

} // namespace Dawiso
