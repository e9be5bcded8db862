#pragma once

#include "SchemaValidator.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>

namespace Dawiso::Testing {

// The OpenAPI documents in a directory (the vendored Qlik Cloud specs), and what they say one answer should look
// like: the operation is found by method and path template ("/api/v1/users/{userId}"; literal segments beat
// templated ones, so /users/me is not /users/{userId}), then the response by status code.
class OpenApiSpecs
{
public:
    // How the specs describe the answer to one request.
    struct Answer
    {
        bool operationFound = false;
        QString specFile; // "users.json"
        QString operation; // "PATCH /api/v1/users/{userId}"
        // How the status was found: "200" (listed) or "default"; empty when the operation lists neither.
        QString statusSource;
        bool hasJsonSchema = false;
        QJsonObject schema; // the application/json schema, when hasJsonSchema
        QStringList contentTypes; // the media types the spec lists for that status
        const SchemaValidator *validator = nullptr; // the one of the spec the operation is in
    };

    // Loads every *.json in the directory; *error says which one could not be read.
    bool load(const QString &directory, QString *error);
    int documentCount() const { return static_cast<int>(m_documents.size()); }

    Answer answerFor(const QString &method, const QString &path, int status) const;

private:
    struct Document
    {
        QString file;
        QJsonObject root;
        std::unique_ptr<SchemaValidator> validator;
    };

    std::vector<Document> m_documents;
};

} // namespace Dawiso::Testing
