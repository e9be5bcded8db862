#include "token/ApiKeyToken.h"

#include "token/SecureMemory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

#include <utility>

namespace Dawiso {

namespace {

const QLatin1String kApiKeyAudience("qlik.api");
const QLatin1String kApiKeyIssuer("qlik.api/api-keys");

// Far beyond any Unix time a key could carry (the year 9999), so the conversion to QDateTime cannot overflow.
constexpr double kLatestExpiry = 253402300799.0;

bool isQuote(QChar c)
{
    switch (c.unicode()) {
    case u'"':
    case u'\'':
    case u'`':
    case 0x00AB: // « »
    case 0x00BB:
    case 0x2018: // ‘ ’ ‚
    case 0x2019:
    case 0x201A:
    case 0x201C: // “ ” „
    case 0x201D:
    case 0x201E:
        return true;
    default:
        return false;
    }
}

// Characters that web pages and mail programs insert into long words and that nobody sees.
bool isInvisible(QChar c)
{
    switch (c.unicode()) {
    case 0x00AD: // soft hyphen
    case 0x200B: // zero-width space
    case 0x200C:
    case 0x200D:
    case 0x2060: // word joiner
    case 0xFEFF: // byte order mark
        return true;
    default:
        return false;
    }
}

// base64url plus the dots between the parts; the key cannot contain anything else.
bool isTokenCharacter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-' || c == u'_'
        || c == u'.';
}

bool isSeparator(QChar c)
{
    return c.isSpace() || isQuote(c) || c == u':';
}

// Strips what surrounds a key when it is copied from an HTTP header, a script or a document:
// `Authorization: Bearer eyJ…`, `"Bearer eyJ…"`, `'eyJ…'`. Works on a view, so the secret is not copied.
QStringView stripDecoration(QStringView view)
{
    const QLatin1String authorization("authorization");
    const QLatin1String bearer("bearer");
    for (;;) {
        const qsizetype before = view.size();
        view = view.trimmed();
        while (!view.isEmpty() && isQuote(view.front()))
            view = view.mid(1);
        while (!view.isEmpty() && isQuote(view.back()))
            view.chop(1);
        view = view.trimmed();
        if (view.startsWith(authorization, Qt::CaseInsensitive)) {
            QStringView rest = view.mid(authorization.size());
            while (!rest.isEmpty() && (rest.front().isSpace() || isQuote(rest.front())))
                rest = rest.mid(1);
            if (rest.startsWith(u':'))
                view = rest.mid(1);
        }
        if (view.startsWith(bearer, Qt::CaseInsensitive)
            && (view.size() == bearer.size() || isSeparator(view[bearer.size()])))
            view = view.mid(bearer.size());
        if (view.size() == before)
            return view;
    }
}

// Decodes one base64url part of the token into a JSON object; false when the part cannot be read.
bool decodeJsonObject(const QByteArray &part, QJsonObject *object)
{
    // A base64 text of 4n+1 characters cannot come from any input; Qt would silently drop the extra one.
    if (part.isEmpty() || part.size() % 4 == 1)
        return false;
    auto decoded =
        QByteArray::fromBase64Encoding(part, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    bool ok = false;
    if (decoded) {
        const QJsonDocument document = QJsonDocument::fromJson(decoded.decoded);
        ok = document.isObject();
        if (ok)
            *object = document.object();
    }
    SecureMemory::wipe(decoded.decoded);
    return ok;
}

QString stringClaim(const QJsonObject &claims, QLatin1String name)
{
    return claims.value(name).toString();
}

QString describeCharacter(QChar c)
{
    if (c.isPrint())
        return ApiKeyToken::tr("“%1”").arg(c);
    const QString code = QString::number(c.unicode(), 16).toUpper().rightJustified(4, u'0');
    return ApiKeyToken::tr("an invisible character (U+%1)").arg(code);
}

} // namespace

ApiKeyToken &ApiKeyToken::operator=(const ApiKeyToken &other)
{
    if (this != &other) {
        SecureMemory::wipe(m_token);
        m_token = other.m_token;
        m_details = other.m_details;
    }
    return *this;
}

ApiKeyToken::ApiKeyToken(ApiKeyToken &&other) noexcept
    : m_token(std::move(other.m_token))
    , m_details(std::exchange(other.m_details, Details()))
{ }

ApiKeyToken &ApiKeyToken::operator=(ApiKeyToken &&other) noexcept
{
    if (this != &other) {
        SecureMemory::wipe(m_token);
        m_token = std::move(other.m_token);
        m_details = std::exchange(other.m_details, Details());
    }
    return *this;
}

ApiKeyToken::~ApiKeyToken()
{
    SecureMemory::wipe(m_token);
}

ApiKeyToken ApiKeyToken::fromPastedText(const QString &text)
{
    ApiKeyToken result;
    if (text.size() > MaxLength) {
        result.m_details.problem = Problem::TooLong;
        return result;
    }

    const QStringView view = stripDecoration(QStringView(text));
    // Reserved up front so that appending never reallocates and leaves a stray copy behind.
    result.m_token.reserve(view.size());
    for (const QChar c : view) {
        if (c.isSpace() || isInvisible(c))
            continue;
        if (!isTokenCharacter(c)) {
            SecureMemory::wipe(result.m_token);
            result.m_details.problem = Problem::InvalidCharacters;
            result.m_details.invalidCharacter = c;
            return result;
        }
        result.m_token.append(static_cast<char>(c.unicode()));
    }
    result.inspect();
    return result;
}

void ApiKeyToken::inspect()
{
    if (m_token.isEmpty()) {
        m_details.problem = Problem::Empty;
        return;
    }
    m_details.partCount = m_token.count('.') + 1;
    if (m_details.partCount != 3) {
        m_details.problem = Problem::NotThreeParts;
        SecureMemory::wipe(m_token);
        return;
    }

    // Views into the token rather than copies of it.
    const qsizetype firstDot = m_token.indexOf('.');
    const qsizetype secondDot = m_token.indexOf('.', firstDot + 1);
    const QByteArray header = QByteArray::fromRawData(m_token.constData(), firstDot);
    const QByteArray payload = QByteArray::fromRawData(m_token.constData() + firstDot + 1, secondDot - firstDot - 1);
    const qsizetype signatureLength = m_token.size() - secondDot - 1;

    QJsonObject headerObject;
    QJsonObject claims;
    if (signatureLength == 0 || signatureLength % 4 == 1 || !decodeJsonObject(header, &headerObject)
        || !decodeJsonObject(payload, &claims)) {
        m_details.problem = Problem::BadEncoding;
        SecureMemory::wipe(m_token);
        return;
    }
    m_details.problem = Problem::None;
    readClaims(claims);
}

void ApiKeyToken::readClaims(const QJsonObject &claims)
{
    m_details.keyId = stringClaim(claims, QLatin1String("jti"));
    m_details.subject = stringClaim(claims, QLatin1String("sub"));
    m_details.subjectType = stringClaim(claims, QLatin1String("subType"));
    m_details.tenantId = stringClaim(claims, QLatin1String("tenantId"));

    const QJsonValue issuer = claims.value(QLatin1String("iss"));
    m_details.hasIssuer = !issuer.isUndefined();
    m_details.issuer = issuer.toString();

    const QJsonValue audience = claims.value(QLatin1String("aud"));
    m_details.hasAudience = !audience.isUndefined();
    if (audience.isArray()) {
        const QJsonArray audiences = audience.toArray();
        m_details.audience = audiences.isEmpty() ? QString() : audiences.first().toString();
        m_details.audienceMatches = audiences.contains(QJsonValue(kApiKeyAudience));
    } else {
        m_details.audience = audience.toString();
        m_details.audienceMatches = m_details.audience == kApiKeyAudience;
    }

    const QJsonValue expiry = claims.value(QLatin1String("exp"));
    if (expiry.isDouble() && expiry.toDouble() >= 0 && expiry.toDouble() <= kLatestExpiry)
        m_details.expiresAt = QDateTime::fromSecsSinceEpoch(static_cast<qint64>(expiry.toDouble()), Qt::UTC);

    // Claims of OAuth access tokens that API keys do not carry.
    m_details.looksLikeOAuth = claims.contains(QLatin1String("scope")) || claims.contains(QLatin1String("scp"))
        || claims.contains(QLatin1String("client_id")) || claims.contains(QLatin1String("azp"));
}

QString ApiKeyToken::problem() const
{
    switch (m_details.problem) {
    case Problem::None:
        return {};
    case Problem::Empty:
        return tr("There is no API key here yet. Copy the key from Qlik and paste it here.");
    case Problem::TooLong:
        return tr("The pasted text is far too long to be an API key. Copy only the key itself and paste it again.");
    case Problem::InvalidCharacters:
        if (m_details.invalidCharacter == QChar(0x2026)) {
            return tr("The key contains “…”, so only a shortened version of it was copied. Copy the whole key; Qlik "
                      "shows it only once, so you may need to generate a new one.");
        }
        return tr("The pasted text contains %1, which cannot be part of an API key. Copy only the key itself, "
                  "without any text around it.")
            .arg(describeCharacter(m_details.invalidCharacter));
    case Problem::NotThreeParts:
        if (m_details.partCount == 1) {
            return tr("This is not an API key: a key is a long text in three parts separated by dots. You may have "
                      "copied the key's ID or description instead of the key itself.");
        }
        if (m_details.partCount == 2) {
            return tr("Only part of the key was copied: a key has three parts separated by dots, and this has two. "
                      "Copy the whole key again; it may have been cut off.");
        }
        return tr("This has more parts than an API key, which has three parts separated by dots. Copy only the key "
                  "itself, without any text around it.");
    case Problem::BadEncoding:
        return tr("Part of the key cannot be read, so it was probably cut off or mistyped when copying. Copy the "
                  "whole key again; Qlik shows it only once, so you may need to generate a new one.");
    }
    return {};
}

bool ApiKeyToken::isExpired(const QDateTime &now) const
{
    return m_details.expiresAt && *m_details.expiresAt <= now;
}

bool ApiKeyToken::looksLikeQlikApiKey() const
{
    if (!isWellFormed() || (!m_details.hasAudience && !m_details.hasIssuer))
        return false;
    if (m_details.hasAudience && !m_details.audienceMatches)
        return false;
    return !m_details.hasIssuer || m_details.issuer == kApiKeyIssuer;
}

QString ApiKeyToken::notAnApiKeyReason() const
{
    if (!isWellFormed() || looksLikeQlikApiKey())
        return {};
    if (m_details.looksLikeOAuth) {
        return tr("This is a sign-in (OAuth) access token, not an API key, and it stops working after a short time. "
                  "Generate an API key in Qlik and paste that instead.");
    }
    return tr("This is a token, but not a Qlik API key: it was issued for something else. Generate an API key in "
              "Qlik, on the API keys page of your profile settings, and paste that instead.");
}

void ApiKeyToken::wipe()
{
    SecureMemory::wipe(m_token);
    m_details = Details();
}

} // namespace Dawiso
