#include "simulator/onprem/QrsFilterParser.h"

#include <algorithm>

namespace Dawiso::Simulator {

namespace {

// Reads the text from left to right; every read skips the spaces before it.
class Reader
{
public:
    explicit Reader(const QString &text)
        : m_text(text)
    { }

    bool atEnd()
    {
        skipSpaces();
        return m_position >= m_text.size();
    }

    // A property name: letters, digits and dots (e.g. serverNodeConfiguration.isCentral), starting with a letter.
    std::optional<QString> name()
    {
        skipSpaces();
        const qsizetype start = m_position;
        while (m_position < m_text.size()
               && (m_text.at(m_position).isLetterOrNumber() || m_text.at(m_position) == u'.'))
            ++m_position;
        if (m_position == start || !m_text.at(start).isLetter())
            return std::nullopt;
        return m_text.mid(start, m_position - start);
    }

    // A keyword such as "eq" or "and", as a whole word; nothing is read when it is not there.
    bool keyword(QStringView word)
    {
        const qsizetype before = m_position;
        const std::optional<QString> read = name();
        if (read && read->compare(word, Qt::CaseInsensitive) == 0)
            return true;
        m_position = before;
        return false;
    }

    // A quoted value; '' inside it is one quote.
    std::optional<QString> quoted()
    {
        skipSpaces();
        if (m_position >= m_text.size() || m_text.at(m_position) != u'\'')
            return std::nullopt;
        QString value;
        for (++m_position; m_position < m_text.size(); ++m_position) {
            const QChar c = m_text.at(m_position);
            if (c != u'\'') {
                value.append(c);
                continue;
            }
            if (m_position + 1 < m_text.size() && m_text.at(m_position + 1) == u'\'') {
                value.append(u'\'');
                ++m_position;
                continue;
            }
            ++m_position;
            return value;
        }
        return std::nullopt; // no closing quote
    }

    bool startsWithSpace() const { return m_position < m_text.size() && m_text.at(m_position).isSpace(); }

private:
    void skipSpaces()
    {
        while (m_position < m_text.size() && m_text.at(m_position).isSpace())
            ++m_position;
    }

    const QString &m_text;
    qsizetype m_position = 0;
};

} // namespace

std::optional<QrsFilterParser::Filter> QrsFilterParser::parse(const QString &filter)
{
    Filter alternatives;
    Reader reader(filter);
    if (reader.atEnd())
        return alternatives;
    QList<Condition> conditions;
    while (true) {
        const std::optional<QString> property = reader.name();
        if (!property)
            return std::nullopt;
        Condition condition {*property, {}};
        if (reader.keyword(u"so"))
            condition.op = Operator::SubstringOf;
        else if (!reader.keyword(u"eq"))
            return std::nullopt;
        if (const std::optional<QString> value = reader.quoted())
            condition.value = *value;
        else if (condition.op == Operator::Equals && reader.keyword(u"true"))
            condition.value = QStringLiteral("true");
        else if (condition.op == Operator::Equals && reader.keyword(u"false"))
            condition.value = QStringLiteral("false");
        else
            return std::nullopt;
        conditions.append(condition);
        const bool spaced = reader.startsWithSpace();
        if (reader.atEnd()) {
            alternatives.append(conditions);
            return alternatives;
        }
        if (!spaced)
            return std::nullopt;
        if (reader.keyword(u"or")) {
            alternatives.append(conditions);
            conditions.clear();
        } else if (!reader.keyword(u"and")) {
            return std::nullopt;
        }
    }
}

bool QrsFilterParser::knowsEveryProperty(const Filter &filter, const PropertyLookup &lookup)
{
    return std::all_of(filter.cbegin(), filter.cend(), [&lookup](const QList<Condition> &conditions) {
        return std::all_of(conditions.cbegin(), conditions.cend(),
                           [&lookup](const Condition &condition) { return lookup(condition.property).has_value(); });
    });
}

bool QrsFilterParser::matches(const Filter &filter, const PropertyLookup &lookup)
{
    const auto holds = [&lookup](const Condition &condition) {
        const std::optional<QString> value = lookup(condition.property);
        if (!value)
            return false;
        return condition.op == Operator::SubstringOf ? value->contains(condition.value, Qt::CaseInsensitive)
                                                     : value->compare(condition.value, Qt::CaseInsensitive) == 0;
    };
    return filter.isEmpty() || std::any_of(filter.cbegin(), filter.cend(), [&holds](const QList<Condition> &all) {
               return std::all_of(all.cbegin(), all.cend(), holds);
           });
}

} // namespace Dawiso::Simulator
