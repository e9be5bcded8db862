#include "qlik/QlikError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace Dawiso {

namespace {

int statusOf(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toInt();
    if (value.isString()) {
        bool ok = false;
        const int status = value.toString().trimmed().toInt(&ok);
        return ok ? status : 0;
    }
    return 0;
}

QString stringOf(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().trimmed();
    if (value.isDouble()) // the users invite endpoint sends integer codes
        return QString::number(value.toDouble(), 'g', 15);
    return {};
}

// The error item an object describes; none when it has neither code, title nor detail.
std::optional<QlikErrorItem> itemOf(const QJsonObject &object)
{
    QlikErrorItem item;
    item.code = stringOf(object.value(QLatin1String("code")));
    item.title = stringOf(object.value(QLatin1String("title")));
    item.detail = stringOf(object.value(QLatin1String("detail")));
    item.status = statusOf(object.value(QLatin1String("status")));
    if (item.code.isEmpty() && item.title.isEmpty() && item.detail.isEmpty())
        return std::nullopt;
    return item;
}

} // namespace

QlikError QlikError::fromBody(const QByteArray &body)
{
    QlikError error;
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject())
        return error;
    const QJsonObject root = document.object();
    error.m_traceId = stringOf(root.value(QLatin1String("traceId")));

    const QJsonValue errors = root.value(QLatin1String("errors"));
    const QJsonArray list = errors.isArray() ? errors.toArray() : QJsonArray {errors};
    for (const QJsonValue &entry : list) {
        if (!entry.isObject())
            continue;
        if (const auto item = itemOf(entry.toObject()))
            error.m_items.append(*item);
    }
    // Some services still send the older form, with code and title at the top level and no errors array (the
    // spaces spec's Errors schema allows both).
    if (error.m_items.isEmpty()) {
        if (const auto item = itemOf(root))
            error.m_items.append(*item);
    }
    return error;
}

bool QlikError::hasCode(const QString &code) const
{
    for (const QlikErrorItem &item : m_items) {
        if (item.code.compare(code, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString QlikError::summary() const
{
    if (m_items.isEmpty())
        return {};
    const QlikErrorItem &first = m_items.first();
    if (first.title.isEmpty())
        return first.detail;
    if (first.detail.isEmpty() || first.detail == first.title)
        return first.title;
    return first.title + QLatin1String(": ") + first.detail;
}

} // namespace Dawiso
