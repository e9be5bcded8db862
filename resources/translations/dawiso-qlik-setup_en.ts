<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ApiKeyPolicy</name>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>more than %n year(s)</source>
        <translation>
            <numerusform>more than %n year</numerusform>
            <numerusform>more than %n years</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectionReport</name>
    <message numerus="yes">
        <source>Dawiso can use this key, with %n warning(s) to look at.</source>
        <translation>
            <numerusform>Dawiso can use this key, with %n warning to look at.</numerusform>
            <numerusform>Dawiso can use this key, with %n warnings to look at.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dawiso cannot use this key yet: %n check(s) failed. Each one says what to change.</source>
        <translation>
            <numerusform>Dawiso cannot use this key yet: %n check failed. Each one says what to change.</numerusform>
            <numerusform>Dawiso cannot use this key yet: %n checks failed. Each one says what to change.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dawiso can use this token, with %n warning(s) to look at.</source>
        <translation>
            <numerusform>Dawiso can use this token, with %n warning to look at.</numerusform>
            <numerusform>Dawiso can use this token, with %n warnings to look at.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dawiso cannot use this token yet: %n check(s) failed. Each one says what to change.</source>
        <translation>
            <numerusform>Dawiso cannot use this token yet: %n check failed. Each one says what to change.</numerusform>
            <numerusform>Dawiso cannot use this token yet: %n checks failed. Each one says what to change.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dawiso::AdminReview</name>
    <message numerus="yes">
        <source>The site holds no apps you can see, in %n stream(s).</source>
        <translation>
            <numerusform>The site holds no apps you can see, in %n stream.</numerusform>
            <numerusform>The site holds no apps you can see, in %n streams.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n app(s)</source>
        <translation>
            <numerusform>%n app</numerusform>
            <numerusform>%n apps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n stream(s).</source>
        <translation>
            <numerusform>%1 in %n stream.</numerusform>
            <numerusform>%1 in %n streams.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dawiso::ApiKeyCreation</name>
    <message numerus="yes">
        <source>Keys on this tenant may last at most %1; %n day(s) is longer.</source>
        <translation>
            <numerusform>Keys on this tenant may last at most %1; %n day is longer.</numerusform>
            <numerusform>Keys on this tenant may last at most %1; %n days is longer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 already has %n active API key(s), the most this tenant allows per user.</source>
        <translation>
            <numerusform>%1 already has %n active API key, the most this tenant allows per user.</numerusform>
            <numerusform>%1 already has %n active API keys, the most this tenant allows per user.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dawiso::AuthorizationCodeSignIn</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dawiso::CertificateDialog</name>
    <message numerus="yes">
        <source>Show the certificate chain (%n certificate(s))</source>
        <translation>
            <numerusform>Show the certificate chain (%n certificate)</numerusform>
            <numerusform>Show the certificate chain (%n certificates)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dawiso::CloudConnectionCheck</name>
    <message numerus="yes">
        <source>The key expires on %1, in %n day(s).</source>
        <translation>
            <numerusform>The key expires on %1, in %n day.</numerusform>
            <numerusform>The key expires on %1, in %n days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Read %n space(s)…</source>
        <translation>
            <numerusform>Read %n space…</numerusform>
            <numerusform>Read %n spaces…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is in %n space(s): %2 shared, %3 managed, %4 data.</source>
        <translation>
            <numerusform>%1 is in %n space: %2 shared, %3 managed, %4 data.</numerusform>
            <numerusform>%1 is in %n spaces: %2 shared, %3 managed, %4 data.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Read %n app(s)…</source>
        <translation>
            <numerusform>Read %n app…</numerusform>
            <numerusform>Read %n apps…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 sees %n app(s): %2 in shared spaces, %3 in managed, %4 in data spaces and %5 personal.</source>
        <translation>
            <numerusform>%1 sees %n app: %2 in shared spaces, %3 in managed, %4 in data spaces and %5 personal.</numerusform>
            <numerusform>%1 sees %n apps: %2 in shared spaces, %3 in managed, %4 in data spaces and %5 personal.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dawiso::CloudHostProbe</name>
    <message numerus="yes">
        <source>Qlik asked to wait %n second(s) before asking again…</source>
        <translation>
            <numerusform>Qlik asked to wait %n second before asking again…</numerusform>
            <numerusform>Qlik asked to wait %n seconds before asking again…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dawiso::ConnectionCheck</name>
    <message numerus="yes">
        <source>Qlik asked to wait %n second(s) before reading on…</source>
        <translation>
            <numerusform>Qlik asked to wait %n second before reading on…</numerusform>
            <numerusform>Qlik asked to wait %n seconds before reading on…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dawiso::EngineProbe</name>
    <message numerus="yes">
        <source>Qlik asked to wait %n second(s) before opening the engine&apos;s WebSocket…</source>
        <translation>
            <numerusform>Qlik asked to wait %n second before opening the engine&apos;s WebSocket…</numerusform>
            <numerusform>Qlik asked to wait %n seconds before opening the engine&apos;s WebSocket…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dawiso::EnterpriseConnectionCheck</name>
    <message numerus="yes">
        <source>%n stream(s)</source>
        <translation>
            <numerusform>%n stream</numerusform>
            <numerusform>%n streams</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 sees %n app(s) in the repository, and %2.</source>
        <translation>
            <numerusform>%1 sees %n app in the repository, and %2.</numerusform>
            <numerusform>%1 sees %n apps in the repository, and %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n app(s) can be opened by %2.</source>
        <translation>
            <numerusform>%1 of %n app can be opened by %2.</numerusform>
            <numerusform>%1 of %n apps can be opened by %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The engine opened %1 without data and sent its layout and its load script (%n character(s)).</source>
        <translation>
            <numerusform>The engine opened %1 without data and sent its layout and its load script (%n character).</numerusform>
            <numerusform>The engine opened %1 without data and sent its layout and its load script (%n characters).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 sees %n app(s) in the repository; its count of streams could not be read.</source>
        <translation>
            <numerusform>%1 sees %n app in the repository; its count of streams could not be read.</numerusform>
            <numerusform>%1 sees %n apps in the repository; its count of streams could not be read.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dawiso::FinishPage</name>
    <message numerus="yes">
        <source>Puts an event %n day(s) before the expiry into your calendar app, with what to do then. It holds no secret.</source>
        <translation>
            <numerusform>Puts an event %n day before the expiry into your calendar app, with what to do then. It holds no secret.</numerusform>
            <numerusform>Puts an event %n days before the expiry into your calendar app, with what to do then. It holds no secret.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dawiso::KeyAutomationPanel</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dawiso::KeyVerifier</name>
    <message numerus="yes">
        <source>Qlik asked to wait %n second(s) before asking again…</source>
        <translation>
            <numerusform>Qlik asked to wait %n second before asking again…</numerusform>
            <numerusform>Qlik asked to wait %n seconds before asking again…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dawiso::RoleAssignment</name>
    <message numerus="yes">
        <source>%1 holds the admin-level role(s) %2. A key of theirs would let Dawiso change what that role administers, not only read it; choose a user without admin roles.</source>
        <translation>
            <numerusform>%1 holds the admin-level role %2. A key of theirs would let Dawiso change what that role administers, not only read it; choose a user without admin roles.</numerusform>
            <numerusform>%1 holds the admin-level roles %2. A key of theirs would let Dawiso change what that role administers, not only read it; choose a user without admin roles.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dawiso::RotationDialog</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dawiso::SavedConnectionsPanel</name>
    <message numerus="yes">
        <source>Expires in %n day(s)</source>
        <translation>
            <numerusform>Expires in %n day</numerusform>
            <numerusform>Expires in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add an event to your calendar %n day(s) before it expires.</source>
        <translation>
            <numerusform>Add an event to your calendar %n day before it expires.</numerusform>
            <numerusform>Add an event to your calendar %n days before it expires.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dawiso::StoredSecretCopier</name>
    <message numerus="yes">
        <source>The %1 is on the clipboard for %n more second(s). Paste it into Dawiso now.</source>
        <comment>the noun: key or token</comment>
        <translation>
            <numerusform>The %1 is on the clipboard for %n more second. Paste it into Dawiso now.</numerusform>
            <numerusform>The %1 is on the clipboard for %n more seconds. Paste it into Dawiso now.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dawiso::TokenPage</name>
    <message numerus="yes">
        <source> day(s)</source>
        <translation>
            <numerusform> day</numerusform>
            <numerusform> days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dawiso::UserPickerWidget</name>
    <message numerus="yes">
        <source>%n user(s) shown. Users with an admin role cannot be chosen.</source>
        <translation>
            <numerusform>%n user shown. Users with an admin role cannot be chosen.</numerusform>
            <numerusform>%n users shown. Users with an admin role cannot be chosen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExpiryText</name>
    <message numerus="yes">
        <source>Expires on %1 (in %n day(s)).</source>
        <translation>
            <numerusform>Expires on %1 (in %n day).</numerusform>
            <numerusform>Expires on %1 (in %n days).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListCommand</name>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n day left</numerusform>
            <numerusform>%n days left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QlikUser</name>
    <message numerus="yes">
        <source>%1 holds the admin-level role(s) %2.</source>
        <translation>
            <numerusform>%1 holds the admin-level role %2.</numerusform>
            <numerusform>%1 holds the admin-level roles %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportWriter</name>
    <message numerus="yes">
        <source>%1, expires on %2 (in %n day(s))</source>
        <translation>
            <numerusform>%1, expires on %2 (in %n day)</numerusform>
            <numerusform>%1, expires on %2 (in %n days)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) to Qlik</source>
        <translation>
            <numerusform>%n request to Qlik</numerusform>
            <numerusform>%n requests to Qlik</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n list page(s) read.</source>
        <translation>
            <numerusform>%n list page read.</numerusform>
            <numerusform>%n list pages read.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RequestFailure</name>
    <message numerus="yes">
        <source>%1 did not answer within %n second(s).</source>
        <translation>
            <numerusform>%1 did not answer within %n second.</numerusform>
            <numerusform>%1 did not answer within %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The wizard waited %n time(s) as Qlik asked; try again in a few minutes.</source>
        <translation>
            <numerusform>The wizard waited %n time as Qlik asked; try again in a few minutes.</numerusform>
            <numerusform>The wizard waited %n times as Qlik asked; try again in a few minutes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Qlik asked to wait %n second(s), longer than the wizard waits; try again later.</source>
        <translation>
            <numerusform>Qlik asked to wait %n second, longer than the wizard waits; try again later.</numerusform>
            <numerusform>Qlik asked to wait %n seconds, longer than the wizard waits; try again later.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SecretStoreMessages</name>
    <message numerus="yes">
        <source>The keychain did not answer within %n second(s). If a password prompt is open, answer it; otherwise sign out of your computer and back in to restart the keychain, then try again.</source>
        <translation>
            <numerusform>The keychain did not answer within %n second. If a password prompt is open, answer it; otherwise sign out of your computer and back in to restart the keychain, then try again.</numerusform>
            <numerusform>The keychain did not answer within %n seconds. If a password prompt is open, answer it; otherwise sign out of your computer and back in to restart the keychain, then try again.</numerusform>
        </translation>
    </message>
</context>
</TS>
