#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace Dawiso {

// Reads fields of one JSON object the way a careful client must: unknown fields are ignored, missing optional
// fields are fine, and a field of the wrong type is reported (by name and what was expected) instead of being
// silently turned into an empty value or crashing.
class JsonFieldReader
{
    Q_DECLARE_TR_FUNCTIONS(JsonFieldReader)

public:
    JsonFieldReader(const QJsonObject &object, QString context);

    QString requiredString(const QString &name);
    QString optionalString(const QString &name);
    QDateTime optionalDateTime(const QString &name);
    QJsonArray optionalArray(const QString &name);

    bool isValid() const { return m_problems.isEmpty(); }
    QStringList problems() const { return m_problems; }
    void addProblem(const QString &problem) { m_problems << problem; }

private:
    // The field when it has the type hasType checks; undefined when it is missing or null, and also (with a problem
    // naming what was expected) when it has another type.
    QJsonValue field(const QString &name, bool (QJsonValue::*hasType)() const, const QString &expected);
    void wrongType(const QString &name, const QString &expected);

    QJsonObject m_object;
    QString m_context;
    QStringList m_problems;
};

} // namespace Dawiso
