#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace Dawiso {

// One thing a connection check learnt about the deployment beyond the checks themselves (Qlik Cloud: the tenant, the
// spaces and apps the key sees). People read it as a labelled line of the text and HTML reports; scripts read it as
// a member of the JSON report, at jsonPath ({"tenant"}, {"counts", "apps"}).
struct ReportFact
{
    enum class Section {
        About, // beside the host, the user and the key
        Sees, // beside the counts of the checks: what the credential sees
    };

    Section section = Section::About;
    QString label; // "Tenant"; empty for a fact only scripts need
    QString text; // "Acme (id …), region eu"
    QStringList jsonPath;
    QJsonValue json;

    static ReportFact make(Section section, const QString &label, const QString &text, const QStringList &jsonPath,
                           const QJsonValue &json)
    {
        return ReportFact {section, label, text, jsonPath, json};
    }
};

} // namespace Dawiso
