#pragma once

#include "SchemaViolation.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace Dawiso::Testing {

// Checks a JSON value against a schema of an OpenAPI 3.0 document, for the subset of OpenAPI / JSON Schema that
// Qlik's published specs use: $ref (local, "#/components/..."), type, nullable (and x-nullable), properties,
// required, additionalProperties, items, enum, allOf, oneOf, anyOf, minItems/maxItems, minLength/maxLength,
// minimum/maximum, pattern, and the formats date-time and uri. Other formats and keywords are ignored.
class SchemaValidator
{
public:
    // document: the whole OpenAPI document, which $refs point into.
    explicit SchemaValidator(QJsonObject document);

    QList<SchemaViolation> validate(const QJsonValue &value, const QJsonObject &schema) const;
    // The schema a local reference ("#/components/schemas/User") points to; empty when it points nowhere.
    QJsonObject resolve(const QString &reference) const;

private:
    void check(const QJsonValue &value, const QJsonObject &schema, const QString &path, int depth,
               QList<SchemaViolation> *violations) const;
    void checkObject(const QJsonObject &object, const QJsonObject &schema, const QString &path, int depth,
                     QList<SchemaViolation> *violations) const;
    bool matches(const QJsonValue &value, const QJsonValue &schema, const QString &path, int depth) const;

    QJsonObject m_document;
};

} // namespace Dawiso::Testing
