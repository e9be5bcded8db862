#pragma once

#include "common/UserMessage.h"

#include <QCoreApplication>
#include <QString>

namespace Dawiso {

class QlikRequest;
class RequestFailure;

// What went wrong with one request of a step, in words for people: the network failure, or Qlik's answer with its
// own explanation (its title and detail, for the details expander) and what to do about it.
class RequestProblem
{
    Q_DECLARE_TR_FUNCTIONS(RequestProblem)

public:
    RequestProblem() = delete;

    // action: what the step was doing, as the start of a sentence: "Creating the role".
    static UserMessage describe(const QlikRequest *request, const QString &action);
    // A request without an answer, in the failure's own words.
    static UserMessage fromFailure(const RequestFailure &failure);
};

} // namespace Dawiso
