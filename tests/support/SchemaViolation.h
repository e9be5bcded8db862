#pragma once

#include <QString>

namespace Dawiso::Testing {

// One place where a JSON value breaks its schema: the JSON path ("$.data[2].name") and what is wrong there.
struct SchemaViolation
{
    QString path;
    QString message;
};

} // namespace Dawiso::Testing
