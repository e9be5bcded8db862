// The patterns here are the specs' own, known only at run time: none can be a static QRegularExpression.
// clazy:excludeall=use-static-qregularexpression

#include "SchemaValidator.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

#include <cmath>

namespace Dawiso::Testing {

namespace {

// Deeper than any schema of the specs nests; only a $ref cycle gets there.
constexpr int maximumDepth = 64;

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double:
        return QStringLiteral("number");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    default:
        return QStringLiteral("undefined");
    }
}

bool hasType(const QJsonValue &value, const QString &type)
{
    if (type == u"object")
        return value.isObject();
    if (type == u"array")
        return value.isArray();
    if (type == u"string")
        return value.isString();
    if (type == u"boolean")
        return value.isBool();
    if (type == u"number")
        return value.isDouble();
    if (type == u"integer") {
        const double number = value.toDouble();
        return value.isDouble() && std::isfinite(number) && std::floor(number) == number;
    }
    return true; // a type the validator does not know constrains nothing
}

QString shown(const QJsonValue &value)
{
    QString text;
    if (value.isString())
        text = QLatin1Char('"') + value.toString() + QLatin1Char('"');
    else
        text = QString::fromUtf8(QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    if (text.size() > 60)
        text = text.left(57) + QStringLiteral("...");
    return text;
}

QString memberPath(const QString &path, const QString &key)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    if (plain.match(key).hasMatch())
        return path + QLatin1Char('.') + key;
    return path + QStringLiteral("[\"") + key + QStringLiteral("\"]");
}

bool isNullable(const QJsonObject &schema)
{
    return schema.value(QStringLiteral("nullable")).toBool() || schema.value(QStringLiteral("x-nullable")).toBool();
}

} // namespace

SchemaValidator::SchemaValidator(QJsonObject document)
    : m_document(std::move(document))
{ }

QList<SchemaViolation> SchemaValidator::validate(const QJsonValue &value, const QJsonObject &schema) const
{
    QList<SchemaViolation> violations;
    check(value, schema, QStringLiteral("$"), 0, &violations);
    return violations;
}

QJsonObject SchemaValidator::resolve(const QString &reference) const
{
    if (!reference.startsWith(QStringLiteral("#/")))
        return {};
    QJsonValue node = m_document;
    const QStringList tokens = reference.mid(2).split(QLatin1Char('/'));
    for (QString token : tokens) {
        token.replace(QStringLiteral("~1"), QStringLiteral("/")).replace(QStringLiteral("~0"), QStringLiteral("~"));
        if (!node.isObject() || !node.toObject().contains(token))
            return {};
        node = node.toObject().value(token);
    }
    return node.toObject();
}

bool SchemaValidator::matches(const QJsonValue &value, const QJsonValue &schema, const QString &path, int depth) const
{
    QList<SchemaViolation> violations;
    check(value, schema.toObject(), path, depth + 1, &violations);
    return violations.isEmpty();
}

void SchemaValidator::check(const QJsonValue &value, const QJsonObject &schemaIn, const QString &path, int depth,
                            QList<SchemaViolation> *violations) const
{
    if (depth > maximumDepth) {
        violations->append({path, QStringLiteral("the schema nests too deep (a $ref cycle?)")});
        return;
    }
    QJsonObject schema = schemaIn;
    // In OpenAPI 3.0 a $ref replaces its object whole; its siblings are ignored.
    while (schema.contains(QStringLiteral("$ref"))) {
        const QString reference = schema.value(QStringLiteral("$ref")).toString();
        schema = resolve(reference);
        if (schema.isEmpty() && !reference.isEmpty()) {
            violations->append({path, QStringLiteral("the spec's reference %1 points nowhere").arg(reference)});
            return;
        }
        if (++depth > maximumDepth) {
            check(value, schema, path, depth, violations);
            return;
        }
    }

    if (value.isNull() && isNullable(schema))
        return;

    const QJsonArray allOf = schema.value(QStringLiteral("allOf")).toArray();
    for (const QJsonValue &part : allOf)
        check(value, part.toObject(), path, depth + 1, violations);

    // oneOf is read as "at least one": Qlik's specs use it for lists of x-qlik-const titles that constrain nothing,
    // where "exactly one" would refuse every value.
    for (const QString &keyword : {QStringLiteral("oneOf"), QStringLiteral("anyOf")}) {
        const QJsonArray choices = schema.value(keyword).toArray();
        if (choices.isEmpty())
            continue;
        const bool any = std::any_of(choices.cbegin(), choices.cend(),
                                     [&](const QJsonValue &choice) { return matches(value, choice, path, depth); });
        if (!any)
            violations->append({path,
                                QStringLiteral("%1 matches none of the %2 schemas of %3")
                                    .arg(shown(value))
                                    .arg(choices.size())
                                    .arg(keyword)});
    }

    const QString type = schema.value(QStringLiteral("type")).toString();
    if (!type.isEmpty() && !hasType(value, type)) {
        violations->append({path, QStringLiteral("expected %1, found %2 %3").arg(type, typeName(value), shown(value))});
        return;
    }

    const QJsonArray allowed = schema.value(QStringLiteral("enum")).toArray();
    if (!allowed.isEmpty() && !allowed.contains(value)) {
        QStringList names;
        for (const QJsonValue &entry : allowed)
            names.append(shown(entry));
        violations->append({path, QStringLiteral("%1 is not one of %2").arg(shown(value), names.join(u", "))});
    }

    if (value.isObject()) {
        checkObject(value.toObject(), schema, path, depth, violations);
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        const QJsonValue minItems = schema.value(QStringLiteral("minItems"));
        const QJsonValue maxItems = schema.value(QStringLiteral("maxItems"));
        if (minItems.isDouble() && array.size() < minItems.toInt())
            violations->append(
                {path, QStringLiteral("%1 items, fewer than %2").arg(array.size()).arg(minItems.toInt())});
        if (maxItems.isDouble() && array.size() > maxItems.toInt())
            violations->append(
                {path, QStringLiteral("%1 items, more than %2").arg(array.size()).arg(maxItems.toInt())});
        if (schema.contains(QStringLiteral("items"))) {
            const QJsonObject items = schema.value(QStringLiteral("items")).toObject();
            for (qsizetype i = 0; i < array.size(); ++i)
                check(array.at(i), items, QStringLiteral("%1[%2]").arg(path).arg(i), depth + 1, violations);
        }
    } else if (value.isString()) {
        const QString text = value.toString();
        const QJsonValue minLength = schema.value(QStringLiteral("minLength"));
        const QJsonValue maxLength = schema.value(QStringLiteral("maxLength"));
        if (minLength.isDouble() && text.size() < minLength.toInt())
            violations->append(
                {path, QStringLiteral("%1 is shorter than %2").arg(shown(value)).arg(minLength.toInt())});
        if (maxLength.isDouble() && text.size() > maxLength.toInt())
            violations->append({path, QStringLiteral("%1 is longer than %2").arg(shown(value)).arg(maxLength.toInt())});
        const QString pattern = schema.value(QStringLiteral("pattern")).toString();
        if (!pattern.isEmpty()) {
            const QRegularExpression expression(pattern);
            if (expression.isValid() && !expression.match(text).hasMatch())
                violations->append({path, QStringLiteral("%1 does not match %2").arg(shown(value), pattern)});
        }
        const QString format = schema.value(QStringLiteral("format")).toString();
        if (format == u"date-time" && !QDateTime::fromString(text, Qt::ISODateWithMs).isValid())
            violations->append({path, QStringLiteral("%1 is not a date-time").arg(shown(value))});
        if (format == u"uri") {
            const QUrl url(text, QUrl::StrictMode);
            if (!url.isValid() || url.scheme().isEmpty())
                violations->append({path, QStringLiteral("%1 is not an absolute URI").arg(shown(value))});
        }
    } else if (value.isDouble()) {
        const double number = value.toDouble();
        const QJsonValue minimum = schema.value(QStringLiteral("minimum"));
        const QJsonValue maximum = schema.value(QStringLiteral("maximum"));
        if (minimum.isDouble() && number < minimum.toDouble())
            violations->append(
                {path, QStringLiteral("%1 is below the minimum %2").arg(number).arg(minimum.toDouble())});
        if (maximum.isDouble() && number > maximum.toDouble())
            violations->append(
                {path, QStringLiteral("%1 is above the maximum %2").arg(number).arg(maximum.toDouble())});
    }
}

void SchemaValidator::checkObject(const QJsonObject &object, const QJsonObject &schema, const QString &path, int depth,
                                  QList<SchemaViolation> *violations) const
{
    const QJsonArray required = schema.value(QStringLiteral("required")).toArray();
    for (const QJsonValue &name : required) {
        if (!object.contains(name.toString()))
            violations->append({path, QStringLiteral("the required property \"%1\" is missing").arg(name.toString())});
    }
    const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
    const QJsonValue additional = schema.value(QStringLiteral("additionalProperties"));
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString childPath = memberPath(path, it.key());
        if (properties.contains(it.key())) {
            check(it.value(), properties.value(it.key()).toObject(), childPath, depth + 1, violations);
        } else if (additional.isBool() && !additional.toBool()) {
            violations->append({childPath, QStringLiteral("the property is not in the schema")});
        } else if (additional.isObject()) {
            check(it.value(), additional.toObject(), childPath, depth + 1, violations);
        }
    }
}

} // namespace Dawiso::Testing
