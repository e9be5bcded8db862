#include "OpenApiSpecs.h"
#include "SchemaValidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using Dawiso::Testing::OpenApiSpecs;
using Dawiso::Testing::SchemaValidator;
using Dawiso::Testing::SchemaViolation;

namespace {

QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

QJsonValue value(const char *json)
{
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray("[") + json + "]");
    return document.array().first();
}

QStringList paths(const QList<SchemaViolation> &violations)
{
    QStringList result;
    for (const auto &violation : violations)
        result.append(violation.path);
    return result;
}

// A small OpenAPI document with the keywords Qlik's specs use.
const char document[] = R"({
  "paths": {},
  "components": {"schemas": {
    "Ref": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}},
    "User": {"type": "object", "required": ["id", "status"], "properties": {
      "id": {"type": "string"},
      "status": {"type": "string", "enum": ["active", "disabled"]},
      "count": {"type": "integer", "minimum": 0},
      "created": {"type": "string", "format": "date-time"},
      "self": {"type": "string", "format": "uri"},
      "note": {"type": "string", "nullable": true},
      "roles": {"type": "array", "maxItems": 2, "items": {"$ref": "#/components/schemas/Ref"}},
      "value": {"oneOf": [{"type": "string"}, {"type": "boolean"}]},
      "strict": {"type": "object", "additionalProperties": false, "properties": {"a": {"type": "string"}}},
      "map": {"type": "object", "additionalProperties": {"type": "integer"}},
      "both": {"allOf": [{"$ref": "#/components/schemas/Ref"}, {"required": ["name"]}]}
    }}
  }}
})";

} // namespace

class TestSchemaValidator : public QObject
{
    Q_OBJECT

private slots:
    void acceptsAValidValue();
    void findsEachViolationWithItsPath_data();
    void findsEachViolationWithItsPath();
    void resolvesOperationsOfTheVendoredSpecs();
    void holdsABodyToTheVendoredSchema();
};

void TestSchemaValidator::acceptsAValidValue()
{
    const SchemaValidator validator(object(document));
    const QJsonValue user = value(R"({"id": "u1", "status": "active", "count": 3, "created": "2026-12-07T06:00:00.000Z",
        "self": "https://t.example/api/v1/users/u1", "note": null, "roles": [{"id": "r1"}], "value": true,
        "strict": {"a": "x"}, "map": {"k": 1}, "both": {"id": "x", "name": "y"}, "extra": 1})");
    const auto violations = validator.validate(user, object(R"({"$ref": "#/components/schemas/User"})"));
    QVERIFY2(violations.isEmpty(), qPrintable(paths(violations).join(u' ')));
}

void TestSchemaValidator::findsEachViolationWithItsPath_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("path");
    QTest::newRow("required") << R"({"id": "u1"})"
                              << "$";
    QTest::newRow("type") << R"({"id": 7, "status": "active"})"
                          << "$.id";
    QTest::newRow("enum") << R"({"id": "u1", "status": "gone"})"
                          << "$.status";
    QTest::newRow("integer") << R"({"id": "u1", "status": "active", "count": 1.5})"
                             << "$.count";
    QTest::newRow("minimum") << R"({"id": "u1", "status": "active", "count": -1})"
                             << "$.count";
    QTest::newRow("date-time") << R"({"id": "u1", "status": "active", "created": "yesterday"})"
                               << "$.created";
    QTest::newRow("uri") << R"({"id": "u1", "status": "active", "self": "/relative"})"
                         << "$.self";
    QTest::newRow("not nullable") << R"({"id": "u1", "status": null})"
                                  << "$.status";
    QTest::newRow("items via $ref") << R"({"id": "u1", "status": "active", "roles": [{"id": "r"}, {}]})"
                                    << "$.roles[1]";
    QTest::newRow("maxItems") << R"({"id": "u1", "status": "active", "roles": [{"id":"a"},{"id":"b"},{"id":"c"}]})"
                              << "$.roles";
    QTest::newRow("oneOf") << R"({"id": "u1", "status": "active", "value": 3})"
                           << "$.value";
    QTest::newRow("additionalProperties false") << R"({"id": "u1", "status": "active", "strict": {"b": "x"}})"
                                                << "$.strict.b";
    QTest::newRow("additionalProperties schema") << R"({"id": "u1", "status": "active", "map": {"k": "x"}})"
                                                 << "$.map.k";
    QTest::newRow("allOf") << R"({"id": "u1", "status": "active", "both": {"id": "x"}})"
                           << "$.both";
}

void TestSchemaValidator::findsEachViolationWithItsPath()
{
    QFETCH(QString, user);
    QFETCH(QString, path);
    const SchemaValidator validator(object(document));
    const auto violations =
        validator.validate(value(user.toUtf8().constData()), object(R"({"$ref": "#/components/schemas/User"})"));
    QCOMPARE(paths(violations), QStringList {path});
}

void TestSchemaValidator::resolvesOperationsOfTheVendoredSpecs()
{
    OpenApiSpecs specs;
    QString error;
    QVERIFY2(specs.load(QStringLiteral(DQS_QLIK_SPECS_DIR), &error), qPrintable(error));

    const auto user = specs.answerFor(QStringLiteral("GET"), QStringLiteral("/api/v1/users/abc"), 200);
    QCOMPARE(user.specFile, QStringLiteral("users.json"));
    QCOMPARE(user.operation, QStringLiteral("GET /api/v1/users/{userId}"));
    QCOMPARE(user.statusSource, QStringLiteral("200"));
    QVERIFY(user.hasJsonSchema);
    // A literal segment beats a template.
    QCOMPARE(specs.answerFor(QStringLiteral("GET"), QStringLiteral("/api/v1/users/me"), 301).operation,
             QStringLiteral("GET /api/v1/users/me"));
    QCOMPARE(specs.answerFor(QStringLiteral("GET"), QStringLiteral("/api/v1/api-keys/configs/t1"), 200).operation,
             QStringLiteral("GET /api/v1/api-keys/configs/{tenantId}"));
    // A status the operation does not list has no schema; "default" stands in where the spec has one.
    const auto unlisted = specs.answerFor(QStringLiteral("GET"), QStringLiteral("/api/v1/users/abc"), 401);
    QVERIFY(unlisted.operationFound);
    QVERIFY(unlisted.statusSource.isEmpty());
    QVERIFY(!unlisted.hasJsonSchema);
    QCOMPARE(specs.answerFor(QStringLiteral("GET"), QStringLiteral("/api/v1/tenants/t1"), 401).statusSource,
             QStringLiteral("default"));
    QVERIFY(!specs.answerFor(QStringLiteral("POST"), QStringLiteral("/oauth/authorize/login"), 200).operationFound);
}

void TestSchemaValidator::holdsABodyToTheVendoredSchema()
{
    OpenApiSpecs specs;
    QString error;
    QVERIFY2(specs.load(QStringLiteral(DQS_QLIK_SPECS_DIR), &error), qPrintable(error));
    const auto answer = specs.answerFor(QStringLiteral("PATCH"), QStringLiteral("/api/v1/users/abc"), 400);
    QVERIFY(answer.hasJsonSchema);
    const QJsonValue good = value(R"({"errors": [{"code": "USERS-1", "title": "Bad request", "status": 400}]})");
    QVERIFY(answer.validator->validate(good, answer.schema).isEmpty());
    const QJsonValue bad = value(R"({"errors": [{"code": 1, "title": "Bad request"}]})");
    QCOMPARE(paths(answer.validator->validate(bad, answer.schema)), QStringList {QStringLiteral("$.errors[0].code")});
}

QTEST_GUILESS_MAIN(TestSchemaValidator)
#include "tst_schemavalidator.moc"
