#include "OpenApiSpecs.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace Dawiso::Testing {

namespace {

// How well a path template fits a path: -1 when it does not, otherwise the number of literal segments, so that the
// most literal template wins.
int fit(const QString &pathTemplate, const QString &path)
{
    const QStringList wanted = pathTemplate.split(QLatin1Char('/'));
    const QStringList given = path.split(QLatin1Char('/'));
    if (wanted.size() != given.size())
        return -1;
    int literal = 0;
    for (qsizetype i = 0; i < wanted.size(); ++i) {
        const QString &segment = wanted.at(i);
        if (segment.startsWith(QLatin1Char('{')) && segment.endsWith(QLatin1Char('}'))) {
            if (given.at(i).isEmpty())
                return -1;
        } else if (segment != given.at(i)) {
            return -1;
        } else {
            ++literal;
        }
    }
    return literal;
}

QJsonObject jsonSchemaOf(const QJsonObject &response, bool *hasSchema, QStringList *contentTypes)
{
    const QJsonObject content = response.value(QStringLiteral("content")).toObject();
    *contentTypes = content.keys();
    const QJsonObject json = content.value(QStringLiteral("application/json")).toObject();
    *hasSchema = json.contains(QStringLiteral("schema"));
    return json.value(QStringLiteral("schema")).toObject();
}

} // namespace

bool OpenApiSpecs::load(const QString &directory, QString *error)
{
    const QDir dir(directory);
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    if (files.isEmpty()) {
        *error = QStringLiteral("no *.json in %1").arg(directory);
        return false;
    }
    for (const QString &file : files) {
        QFile input(dir.filePath(file));
        if (!input.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read %1").arg(input.fileName());
            return false;
        }
        QJsonParseError parseError;
        const QJsonDocument json = QJsonDocument::fromJson(input.readAll(), &parseError);
        if (!json.isObject() || !json.object().contains(QStringLiteral("paths"))) {
            *error = QStringLiteral("%1 is not an OpenAPI document (%2)").arg(file, parseError.errorString());
            return false;
        }
        Document document;
        document.file = file;
        document.root = json.object();
        document.validator = std::make_unique<SchemaValidator>(document.root);
        m_documents.push_back(std::move(document));
    }
    return true;
}

OpenApiSpecs::Answer OpenApiSpecs::answerFor(const QString &method, const QString &path, int status) const
{
    const QString verb = method.toLower();
    const Document *bestDocument = nullptr;
    QString bestTemplate;
    int bestFit = -1;
    for (const Document &document : m_documents) {
        const QJsonObject paths = document.root.value(QStringLiteral("paths")).toObject();
        for (auto it = paths.begin(); it != paths.end(); ++it) {
            if (!it.value().toObject().contains(verb))
                continue;
            const int score = fit(it.key(), path);
            if (score > bestFit) {
                bestFit = score;
                bestDocument = &document;
                bestTemplate = it.key();
            }
        }
    }
    Answer answer;
    if (!bestDocument)
        return answer;
    answer.operationFound = true;
    answer.specFile = bestDocument->file;
    answer.operation = method.toUpper() + QLatin1Char(' ') + bestTemplate;
    answer.validator = bestDocument->validator.get();

    const QJsonObject responses = bestDocument->root.value(QStringLiteral("paths"))
                                      .toObject()
                                      .value(bestTemplate)
                                      .toObject()
                                      .value(verb)
                                      .toObject()
                                      .value(QStringLiteral("responses"))
                                      .toObject();
    const QString code = QString::number(status);
    QJsonObject response;
    if (responses.contains(code)) {
        answer.statusSource = code;
        response = responses.value(code).toObject();
    } else if (responses.contains(QStringLiteral("default"))) {
        answer.statusSource = QStringLiteral("default");
        response = responses.value(QStringLiteral("default")).toObject();
    }
    if (answer.statusSource.isEmpty())
        return answer;
    // A $ref'd response object ("#/components/responses/...") is resolved once.
    if (response.contains(QStringLiteral("$ref")))
        response = answer.validator->resolve(response.value(QStringLiteral("$ref")).toString());
    answer.schema = jsonSchemaOf(response, &answer.hasJsonSchema, &answer.contentTypes);
    return answer;
}

} // namespace Dawiso::Testing
