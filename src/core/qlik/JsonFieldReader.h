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
    QJsonObject optionalObject(const QString &name);
    std::optional<double> optionalNumber(const QString &name);

    bool isValid() const { return m_problems.isEmpty(); }
    QStringList problems() const { return m_problems; }
    void addProblem(const QString &problem) { m_problems << problem; }

private:
    void wrongType(const QString &name, const QString &expected);

    QJsonObject m_object;
    QString m_context;
    QStringList m_problems;
};

} // namespace Dawiso
