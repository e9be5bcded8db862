#include "simulator/cloud/ScimFilter.h"

#include <QList>

#include <algorithm>

namespace Dawiso::Simulator {

struct ScimFilter::Node
{
    enum class Kind { And, Or, Not, Compare, Present };

    Kind kind = Kind::Compare;
    QList<std::shared_ptr<const Node>> children;
    QString attribute; // lowercase
    QString op; // lowercase
    QString value;
};

namespace {

using Node = ScimFilter::Node;
using NodePtr = std::shared_ptr<const Node>;

struct Token
{
    enum class Type { Word, String, Open, Close, End };
    Type type = Type::End;
    QString text;
    qsizetype position = 0;
};

bool tokenize(const QString &text, QList<Token> *tokens, QString *error)
{
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (c == u'(' || c == u')') {
            tokens->append({c == u'(' ? Token::Type::Open : Token::Type::Close, QString(c), i});
            ++i;
        } else if (c == u'"') {
            const qsizetype start = i++;
            QString value;
            bool closed = false;
            while (i < text.size()) {
                const QChar d = text.at(i++);
                if (d == u'\\' && i < text.size()) {
                    value.append(text.at(i++));
                } else if (d == u'"') {
                    closed = true;
                    break;
                } else {
                    value.append(d);
                }
            }
            if (!closed) {
                *error = QStringLiteral("unterminated string starting at position %1").arg(start);
                return false;
            }
            tokens->append({Token::Type::String, value, start});
        } else {
            const qsizetype start = i;
            while (i < text.size() && !text.at(i).isSpace() && text.at(i) != u'(' && text.at(i) != u')'
                   && text.at(i) != u'"')
                ++i;
            tokens->append({Token::Type::Word, text.mid(start, i - start), start});
        }
    }
    tokens->append({Token::Type::End, QString(), text.size()});
    return true;
}

class Parser
{
public:
    Parser(const QList<Token> &tokens, const ScimFilter::Rules &rules)
        : m_tokens(tokens)
        , m_rules(rules)
    { }

    NodePtr parse(QString *error)
    {
        NodePtr root = parseOr();
        if (root && peek().type != Token::Type::End)
            fail(QStringLiteral("unexpected '%1' at position %2").arg(peek().text).arg(peek().position));
        if (!m_error.isEmpty()) {
            *error = m_error;
            return nullptr;
        }
        return root;
    }

private:
    const Token &peek() const { return m_tokens.at(m_position); }
    const Token &take() { return m_tokens.at(m_position < m_tokens.size() - 1 ? m_position++ : m_position); }
    bool peekKeyword(const QString &keyword) const
    {
        return peek().type == Token::Type::Word && peek().text.compare(keyword, Qt::CaseInsensitive) == 0;
    }
    NodePtr fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
        return nullptr;
    }

    NodePtr combine(Node::Kind kind, NodePtr (Parser::*operand)(), const QString &keyword)
    {
        NodePtr first = (this->*operand)();
        if (!first || !peekKeyword(keyword))
            return first;
        auto node = std::make_shared<Node>();
        node->kind = kind;
        node->children.append(first);
        while (peekKeyword(keyword)) {
            take();
            NodePtr next = (this->*operand)();
            if (!next)
                return nullptr;
            node->children.append(next);
        }
        return node;
    }

    NodePtr parseOr() { return combine(Node::Kind::Or, &Parser::parseAnd, QStringLiteral("or")); }
    NodePtr parseAnd() { return combine(Node::Kind::And, &Parser::parseUnary, QStringLiteral("and")); }

    NodePtr parseGroup()
    {
        take();
        NodePtr inner = parseOr();
        if (!inner)
            return nullptr;
        if (peek().type != Token::Type::Close)
            return fail(QStringLiteral("missing ')' at position %1").arg(peek().position));
        take();
        return inner;
    }

    NodePtr parseUnary()
    {
        if (peekKeyword(QStringLiteral("not"))) {
            take();
            if (peek().type != Token::Type::Open)
                return fail(QStringLiteral("'not' must be followed by '(' at position %1").arg(peek().position));
            NodePtr inner = parseGroup();
            if (!inner)
                return nullptr;
            auto node = std::make_shared<Node>();
            node->kind = Node::Kind::Not;
            node->children.append(inner);
            return node;
        }
        if (peek().type == Token::Type::Open)
            return parseGroup();
        return parseCondition();
    }

    NodePtr parseCondition()
    {
        const Token attribute = take();
        if (attribute.type != Token::Type::Word)
            return fail(QStringLiteral("expected an attribute name at position %1").arg(attribute.position));
        const Token op = take();
        if (op.type != Token::Type::Word)
            return fail(QStringLiteral("expected an operator after '%1'").arg(attribute.text));
        auto node = std::make_shared<Node>();
        node->attribute = attribute.text.toLower();
        node->op = op.text.toLower();
        if (node->op == u"pr") {
            node->kind = Node::Kind::Present;
        } else {
            const Token value = take();
            if (value.type == Token::Type::String) {
                node->value = value.text;
            } else if (value.type == Token::Type::Word && isBareValue(value.text)) {
                node->value = value.text.toLower();
            } else {
                return fail(QStringLiteral("expected a quoted value after '%1 %2'").arg(attribute.text, op.text));
            }
        }
        if (!m_rules.attributesByOperator.contains(node->op))
            return fail(QStringLiteral("unsupported operator '%1'").arg(op.text));
        if (!m_rules.attributesByOperator.value(node->op).contains(node->attribute))
            return fail(QStringLiteral("'%1' cannot be filtered with '%2'").arg(attribute.text, op.text));
        return node;
    }

    static bool isBareValue(const QString &word)
    {
        const QString lower = word.toLower();
        if (lower == u"true" || lower == u"false" || lower == u"null")
            return true;
        bool isNumber = false;
        word.toDouble(&isNumber);
        return isNumber;
    }

    const QList<Token> &m_tokens;
    const ScimFilter::Rules &m_rules;
    qsizetype m_position = 0;
    QString m_error;
};

bool mentions(const Node &node, const QString &attribute, bool *mentionsOthers)
{
    if (node.kind == Node::Kind::Compare || node.kind == Node::Kind::Present) {
        const bool same = node.attribute == attribute;
        if (!same)
            *mentionsOthers = true;
        return same;
    }
    bool found = false;
    for (const NodePtr &child : node.children)
        found = mentions(*child, attribute, mentionsOthers) || found;
    return found;
}

void collectConjuncts(const NodePtr &node, QList<NodePtr> *conjuncts)
{
    if (node->kind == Node::Kind::And) {
        for (const NodePtr &child : node->children)
            collectConjuncts(child, conjuncts);
    } else {
        conjuncts->append(node);
    }
}

bool evaluate(const Node &node, const ScimFilter::Values &values)
{
    switch (node.kind) {
    case Node::Kind::And:
        for (const NodePtr &child : node.children) {
            if (!evaluate(*child, values))
                return false;
        }
        return true;
    case Node::Kind::Or:
        for (const NodePtr &child : node.children) {
            if (evaluate(*child, values))
                return true;
        }
        return false;
    case Node::Kind::Not:
        return !evaluate(*node.children.constFirst(), values);
    case Node::Kind::Present:
        for (const QString &value : values(node.attribute)) {
            if (!value.isEmpty())
                return true;
        }
        return false;
    case Node::Kind::Compare:
        break;
    }

    const QStringList candidates = values(node.attribute);
    const auto any = [&candidates](const auto &predicate) {
        return std::any_of(candidates.cbegin(), candidates.cend(), predicate);
    };
    const QString &wanted = node.value;
    if (node.op == u"eq")
        return any([&wanted](const QString &v) { return v.compare(wanted, Qt::CaseInsensitive) == 0; });
    if (node.op == u"ne")
        return !any([&wanted](const QString &v) { return v.compare(wanted, Qt::CaseInsensitive) == 0; });
    if (node.op == u"co")
        return any([&wanted](const QString &v) { return v.contains(wanted, Qt::CaseInsensitive); });
    if (node.op == u"sw")
        return any([&wanted](const QString &v) { return v.startsWith(wanted, Qt::CaseInsensitive); });
    if (node.op == u"ew")
        return any([&wanted](const QString &v) { return v.endsWith(wanted, Qt::CaseInsensitive); });
    return false;
}

} // namespace

ScimFilter::ScimFilter(std::shared_ptr<const Node> root)
    : m_root(std::move(root))
{ }

std::optional<ScimFilter> ScimFilter::parse(const QString &text, const Rules &rules, QString *error)
{
    QList<Token> tokens;
    if (!tokenize(text, &tokens, error))
        return std::nullopt;
    if (tokens.size() == 1) {
        *error = QStringLiteral("the filter is empty");
        return std::nullopt;
    }
    Parser parser(tokens, rules);
    NodePtr root = parser.parse(error);
    if (!root)
        return std::nullopt;

    if (!rules.wholeQueryAttribute.isEmpty()) {
        QList<NodePtr> conjuncts;
        collectConjuncts(root, &conjuncts);
        for (const NodePtr &conjunct : std::as_const(conjuncts)) {
            bool mentionsOthers = false;
            if (mentions(*conjunct, rules.wholeQueryAttribute, &mentionsOthers) && mentionsOthers) {
                *error = QStringLiteral("conditions on '%1' must be grouped together and applied to the whole query")
                             .arg(rules.wholeQueryAttribute);
                return std::nullopt;
            }
        }
    }
    return ScimFilter(std::move(root));
}

bool ScimFilter::matches(const Values &values) const
{
    return evaluate(*m_root, values);
}

} // namespace Dawiso::Simulator
