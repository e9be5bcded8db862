#pragma once

#include <QCoreApplication>
#include <QString>

namespace Dawiso {

class QlikRequest;

// What went wrong in one automated step (creating the role, assigning it, creating the key), in words for people:
// the network failure, or Qlik's answer with its own explanation and what to do about it.
struct ProvisionStepError
{
    Q_DECLARE_TR_FUNCTIONS(ProvisionStepError)

public:
    // action: what the wizard was doing, as the start of a sentence: "Creating the role".
    static ProvisionStepError fromRequest(const QlikRequest *request, const QString &action);

    QString message;
    QString advice;
    QString detail; // Qlik's own words (title: detail), for the details expander
    int httpStatus = 0;
};

} // namespace Dawiso
