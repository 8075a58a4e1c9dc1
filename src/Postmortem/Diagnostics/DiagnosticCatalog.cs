namespace Postmortem.Diagnostics;

/// <summary>
/// Every diagnostic the library can raise, with its stable code and message text, in one place.
/// </summary>
/// <remarks>Codes are grouped: PM00xx input files, PM01xx time extraction, PM02xx analysis, PM03xx CLI input, PM04xx exports, PM05xx the index store, PM06xx Markdown records (front matter and body), PM07xx trackers (sync), PM08xx edits of a source document, PM09xx the web app.
/// The table in <c>docs/diagnostics.md</c> lists them; a test keeps the two in step.</remarks>
public static partial class DiagnosticCatalog
{
    /// <summary>Info notes the CLI prints although it hides other info: what an export left out.</summary>
    public static IReadOnlySet<string> AlwaysShown { get; } = new HashSet<string>(StringComparer.Ordinal) { "PM0404", "PM0405" };

    /// <summary>A file could not be read.</summary>
    public static Diagnostic FileUnreadable(string file, string reason) =>
        new("PM0001", DiagnosticSeverity.Error, $"cannot read file: {reason}", file, 0, 0);

    /// <summary>The YAML is not well formed.</summary>
    public static Diagnostic YamlSyntax(string file, int line, int column, string reason) =>
        new("PM0002", DiagnosticSeverity.Error, $"malformed YAML: {reason}", file, line, column);

    /// <summary>A YAML file passes one of <see cref="Ingest.Yaml.YamlLimits"/>: nesting depth, alias expansion or size.</summary>
    public static Diagnostic YamlLimit(string file, int line, int column, string reason) =>
        new("PM0010", DiagnosticSeverity.Error, $"YAML refused: {reason}", file, line, column);

    /// <summary>A Markdown file nests blocks or inlines past the reader's limit.</summary>
    public static Diagnostic MarkdownTooDeep(string file, int line, int column, string reason) =>
        new("PM0011", DiagnosticSeverity.Error, $"Markdown refused: {reason}", file, line, column);

    /// <summary>A date or time that lies outside the range the tool computes with (years 1 to 9999, after any offset or margin).</summary>
    public static Diagnostic DateOutOfRange(string file, int line, int column, string value) =>
        new("PM0012", DiagnosticSeverity.Error, $"'{value}' is outside the supported range of dates (years 2 to 9998, leaving room for offsets, margins and follow-up dates)", file, line, column);

    /// <summary>A mapping key that the format does not define.</summary>
    public static Diagnostic UnknownKey(string file, int line, int column, string key, string where, string? suggestion) =>
        new("PM0003", DiagnosticSeverity.Error,
            $"unknown key '{key}' in {where}" + (suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?"),
            file, line, column);

    /// <summary>A value of the wrong YAML shape (scalar, list or mapping).</summary>
    public static Diagnostic WrongType(string file, int line, int column, string key, string expected) =>
        new("PM0004", DiagnosticSeverity.Error, $"'{key}' must be {expected}", file, line, column);

    /// <summary>A date or date-time that is malformed or does not exist.</summary>
    public static Diagnostic InvalidDate(string file, int line, int column, string key, string value, string expected) =>
        new("PM0005", DiagnosticSeverity.Error, $"'{key}' has an invalid date or time '{value}' (expected {expected})", file, line, column);

    /// <summary>A value outside a closed set.</summary>
    public static Diagnostic InvalidValue(string file, int line, int column, string key, string value, string allowed) =>
        new("PM0006", DiagnosticSeverity.Error, $"'{key}' has an invalid value '{value}' (allowed: {allowed})", file, line, column);

    /// <summary>A required key is missing.</summary>
    public static Diagnostic MissingKey(string file, int line, int column, string key, string where) =>
        new("PM0007", DiagnosticSeverity.Error, $"missing required key '{key}' in {where}", file, line, column);

    /// <summary>A time zone identifier that the time zone database does not know.</summary>
    public static Diagnostic UnknownTimeZone(string file, int line, int column, string zone) =>
        new("PM0008", DiagnosticSeverity.Error, $"unknown time zone '{zone}' (use an IANA id such as 'America/New_York' or 'UTC')", file, line, column);

    /// <summary>A key appears twice in one mapping.</summary>
    public static Diagnostic DuplicateKey(string file, int line, int column, string key) =>
        new("PM0009", DiagnosticSeverity.Error, $"duplicate key '{key}'", file, line, column);

    /// <summary>A path in <c>notesFiles</c> or <c>sources</c> outside the incident file's folder tree or repository.</summary>
    public static Diagnostic PathOutsideScope(string file, int line, int column, string key, string path) =>
        new("PM0013", DiagnosticSeverity.Error,
            $"'{key}' entry '{path}' is outside the incident file's folder and repository: not read (pass --allow-outside PATH to allow it)", file, line, column);

    /// <summary>A notes file named in <c>notesFiles</c> that cannot be read.</summary>
    public static Diagnostic NotesFileUnreadable(string file, int line, int column, string path, string reason) =>
        new("PM0014", DiagnosticSeverity.Error, $"cannot read notes file '{path}': {reason}", file, line, column);

    /// <summary>A file that is not text: invalid bytes for its encoding, or NUL.</summary>
    public static Diagnostic NotText(string file, int line, int column, string what) =>
        new("PM0015", DiagnosticSeverity.Error, $"not a text file: {what}", file, line, column);

    /// <summary>A YAML file that holds a second document (after <c>---</c>): only one is read, so the rest would be lost quietly.</summary>
    public static Diagnostic SecondYamlDocument(string file, int line, int column) =>
        new("PM0016", DiagnosticSeverity.Error, "a second YAML document starts here: this file holds one document (remove the '---' line, or move the rest into the first document)", file, line, column);

    /// <summary>An export named in <c>sources</c> that does not exist or cannot be opened, at its entry.</summary>
    public static Diagnostic SourceUnreadable(string file, int line, int column, string path, string reason) =>
        new("PM0017", DiagnosticSeverity.Error, $"cannot read export '{path}': {reason}", file, line, column);

    /// <summary>A zone abbreviation with several meanings; the configured zone was used.</summary>
    public static Diagnostic AmbiguousZoneAbbreviation(string file, int line, int column, string abbreviation, string meanings, string used) =>
        new("PM0101", DiagnosticSeverity.Warning,
            $"'{abbreviation}' is ambiguous ({meanings}); used the configured zone {used}. Write an IANA zone or a UTC offset to be exact",
            file, line, column);

    /// <summary>A standard/daylight abbreviation written for a date when the region observes the other.</summary>
    public static Diagnostic AbbreviationOutOfSeason(string file, int line, int column, string abbreviation, string region, string observed, string used) =>
        new("PM0102", DiagnosticSeverity.Warning,
            $"'{abbreviation}' written for a date when {region} observes {observed}; used {used} as written",
            file, line, column);

    /// <summary>A time of day with no date anywhere to anchor it.</summary>
    public static Diagnostic NoDateForTime(string file, int line, int column, string text) =>
        new("PM0103", DiagnosticSeverity.Error,
            $"time '{text}' has no date: add a date to the notes, 'date:' to the incident file, or pass --date", file, line, column);

    /// <summary>A local time that the zone skips (spring-forward gap).</summary>
    public static Diagnostic SkippedLocalTime(string file, int line, int column, string text, string zone, string used) =>
        new("PM0104", DiagnosticSeverity.Warning,
            $"'{text}' does not exist in {zone} (clocks went forward); used {used}", file, line, column);

    /// <summary>A local time that occurs twice (fall-back overlap).</summary>
    public static Diagnostic AmbiguousLocalTime(string file, int line, int column, string text, string zone, string used) =>
        new("PM0105", DiagnosticSeverity.Warning,
            $"'{text}' occurs twice in {zone} (clocks went back); used {used} (the earlier, unless that would go back before the previous event). Write the offset to choose",
            file, line, column);

    /// <summary>A numeric date such as 09/04 that could be read day-first too: read month/day.</summary>
    public static Diagnostic AmbiguousNumericDate(string file, int line, int column, string text, string date) =>
        new("PM0150", DiagnosticSeverity.Info, $"'{text}' read month/day as {date}; write the month's name or an ISO date (2024-09-04) to settle it", file, line, column);

    /// <summary>An event's text was longer than the extractor keeps.</summary>
    public static Diagnostic EventTextCut(string file, int line, int column, int length, int kept) =>
        new("PM0151", DiagnosticSeverity.Info, $"the text of this event is {length:N0} characters long; the first {kept:N0} were kept", file, line, column);

    /// <summary>A clock in a forum or blog post later than the post's own stamp, read as the day before.</summary>
    public static Diagnostic DayBeforePost(string file, int line, int column, string text, string date) =>
        new("PM0152", DiagnosticSeverity.Info, $"'{text}' read as {date}, the day before: it is later than the stamp of the post that tells of it", file, line, column);

    /// <summary>A relative time ("three minutes later") with nothing before it.</summary>
    public static Diagnostic RelativeWithoutAnchor(string file, int line, int column, string text) =>
        new("PM0106", DiagnosticSeverity.Warning, $"'{text}' is relative but no earlier event gives it a start; left out of the timeline", file, line, column);

    /// <summary>A clock reading that cannot be a time of day.</summary>
    public static Diagnostic InvalidClock(string file, int line, int column, string text) =>
        new("PM0107", DiagnosticSeverity.Warning, $"'{text}' is not a valid time of day; left out of the timeline", file, line, column);

    /// <summary>A time read as the next day because the notes crossed midnight.</summary>
    public static Diagnostic MidnightRollover(string file, int line, int column, string text, string date) =>
        new("PM0108", DiagnosticSeverity.Info, $"'{text}' read as {date}: the notes crossed midnight", file, line, column);

    /// <summary>A time without a date in a status page's history, read on the day of its first "Posted" stamp.</summary>
    public static Diagnostic DateFromStatusHistory(string file, int line, int column, string text, string date) =>
        new("PM0210", DiagnosticSeverity.Info,
            $"'{text}' has no date of its own: read as {date}, the day of the status history's first 'Posted' update; write the date to settle it",
            file, line, column);

    /// <summary>A North American standard-time label (<c>PST</c>) written for a date when its region observes daylight time.</summary>
    public static Diagnostic StandardLabelInSummer(string file, int line, int column, string abbreviation, string region, string observed) =>
        new("PM0211", DiagnosticSeverity.Warning,
            $"'{abbreviation}' written for a date when {region} observes {observed}: read as {region} wall-clock time ({observed}), as writers use '{abbreviation}' all year; write the offset or UTC to settle it",
            file, line, column);

    /// <summary>A 24-hour clock written with a meridiem ("13:00PM"): read as the 24-hour time.</summary>
    public static Diagnostic MeridiemIgnored(string file, int line, int column, string text, string read) =>
        new("PM0212", DiagnosticSeverity.Info,
            $"'{text}' writes a 24-hour hour with am/pm: read as {read}, the 24-hour time; drop the am/pm to settle it",
            file, line, column);

    /// <summary>A structured event whose time could not be read.</summary>
    public static Diagnostic InvalidEventTime(string file, int line, int column, string value) =>
        new("PM0109", DiagnosticSeverity.Error,
            $"event time '{value}' is not understood (write ISO 8601 such as 2023-11-24T07:14:00-05:00, or HH:MM with 'date' and 'timeZone' set)",
            file, line, column);

    /// <summary>Key timestamps in an order that cannot be right.</summary>
    public static Diagnostic KeyTimesOutOfOrder(string file, string first, string firstTime, string second, string secondTime) =>
        new("PM0201", DiagnosticSeverity.Warning,
            $"{second} ({secondTime}) is earlier than {first} ({firstTime}); check the timeline — the gap is reported as negative, not clamped",
            file, 0, 0);

    /// <summary>The severity written in the file disagrees with the one the impact facts give.</summary>
    public static Diagnostic SeverityDisagrees(string file, int line, int column, string written, string computed, string rule) =>
        new("PM0202", DiagnosticSeverity.Info,
            $"severity {written} is set in the file; the impact facts give {computed} ({rule})", file, line, column);

    /// <summary>No timeline events at all.</summary>
    public static Diagnostic EmptyTimeline(string file) =>
        new("PM0203", DiagnosticSeverity.Warning, "no timeline events were found: key timestamps are unknown", file, 0, 0);

    /// <summary>No severity could be chosen from the facts given.</summary>
    public static Diagnostic SeverityUnknown(string file) =>
        new("PM0204", DiagnosticSeverity.Warning,
            "severity cannot be classified: set 'severity' or the impact facts ('impact.scope', 'impact.dataLoss', 'impact.securityBreach')",
            file, 0, 0);

    /// <summary>The command line itself does not parse (unknown option, missing argument).</summary>
    public static Diagnostic UsageError(string message) =>
        new("PM0300", DiagnosticSeverity.Error, message, "<command line>", 0, 0);

    /// <summary>A command-line argument or option value is invalid.</summary>
    public static Diagnostic InvalidArgument(string name, string value, string expected) =>
        new("PM0301", DiagnosticSeverity.Error, $"{name} '{value}' is invalid: expected {expected}", "<command line>", 0, 0);

    /// <summary>A command-line value refused by the command-line parser, with its message.</summary>
    public static Diagnostic InvalidArgument(string message) =>
        new("PM0301", DiagnosticSeverity.Error, message, "<command line>", 0, 0);

    /// <summary>An interview answer that does not fit its question.</summary>
    public static Diagnostic InvalidAnswer(string file, int line, int column, string question, string problem) =>
        new("PM0303", DiagnosticSeverity.Error, $"answer '{question}': {problem}", file, line, column);

    /// <summary>The interview's input ended before every question was answered.</summary>
    public static Diagnostic InterviewEnded() =>
        new("PM0304", DiagnosticSeverity.Error, "the interview ended before every question was answered; nothing was written", "<stdin>", 0, 0);

    /// <summary>'new' was run without a terminal and without an answers file.</summary>
    public static Diagnostic InterviewNeedsTerminal() =>
        new("PM0305", DiagnosticSeverity.Error, "'postmortem new' asks questions on a terminal; without one, pass --answers FILE", "<command line>", 0, 0);

    /// <summary>The output file could not be written.</summary>
    public static Diagnostic OutputUnwritable(string file, string reason) =>
        new("PM0302", DiagnosticSeverity.Error, $"cannot write output: {reason}", file, 0, 0);

    /// <summary>The output file is one of the command's inputs.</summary>
    public static Diagnostic OutputIsInput(string output, string input) =>
        new("PM0306", DiagnosticSeverity.Error, $"refusing to write the output over the input '{input}': name another file with -o", output, 0, 0);

    /// <summary>A file that no export reader recognises.</summary>
    public static Diagnostic ExportUnrecognised(string file, string what) =>
        new("PM0401", DiagnosticSeverity.Error,
            $"not a recognised export: {what} (supported: Slack export folder or .zip, PagerDuty, Opsgenie, Datadog, Alertmanager, Statuspage, GitHub deployments, Zendesk, Teams, Discord, CSV; see docs/exports.md)",
            file, 0, 0);

    /// <summary>An export that is broken where its reader expected something else.</summary>
    public static Diagnostic ExportMalformed(string file, int line, int column, string reason) =>
        new("PM0402", DiagnosticSeverity.Error, reason, file, line, column);

    /// <summary>One record of an export without a usable time; it is left out.</summary>
    public static Diagnostic ExportRecordWithoutTime(string file, int line, int column, string what) =>
        new("PM0403", DiagnosticSeverity.Warning, $"{what} has no readable time; left out of the timeline", file, line, column);

    /// <summary>How many chat messages curation left out.</summary>
    public static Diagnostic ExportCurated(string file, int kept, int noise, int leftOut) =>
        new("PM0404", DiagnosticSeverity.Info,
            $"kept {kept} messages; left out {noise} joins, leaves and deleted or empty messages"
            + (leftOut > 0 ? $", and {leftOut} that are not pinned, have no marker reaction and name no event kind (--all keeps those)" : string.Empty),
            file, 0, 0);

    /// <summary>How many records fell outside the incident window.</summary>
    public static Diagnostic ExportOutsideWindow(string file, int count, string from, string to) =>
        new("PM0405", DiagnosticSeverity.Info, $"{count} events outside the window {from} – {to} left out", file, 0, 0);

    /// <summary>A Slack channel asked for that the export does not have.</summary>
    public static Diagnostic ChannelNotFound(string file, string channel, string available) =>
        new("PM0406", DiagnosticSeverity.Error, $"channel '{channel}' is not in this export (channels: {available})", file, 0, 0);

    /// <summary>The same event seen at different times in two sources.</summary>
    public static Diagnostic ConflictingTimes(string file, int line, int column, string kind, string time, string otherTime, string otherPlace) =>
        new("PM0407", DiagnosticSeverity.Warning,
            $"conflicting times for the same {kind}: {time} here, {otherTime} in {otherPlace}; both kept — check which is right",
            file, line, column);

    /// <summary>A CSV export without the columns it needs.</summary>
    public static Diagnostic CsvMissingColumn(string file, string column, string header) =>
        new("PM0408", DiagnosticSeverity.Error, $"no '{column}' column in the header ({header}); name it in the source's 'columns' mapping", file, 1, 1);

    /// <summary>An export time that is a number or date outside the range the tool computes with (an epoch in year 300000); the record is left out.</summary>
    public static Diagnostic ExportTimeOutOfRange(string file, int line, int column, string value, string reading) =>
        new("PM0410", DiagnosticSeverity.Warning, $"time '{value}' {reading}, outside the supported range of dates (years 2 to 9998); left out of the timeline", file, line, column);

    /// <summary>A key written twice in one object of a JSON export; the first value is used.</summary>
    public static Diagnostic JsonDuplicateKey(string file, int line, int column, string key) =>
        new("PM0411", DiagnosticSeverity.Warning, $"duplicate key '{key}' in one JSON object: the first value was used, this one ignored", file, line, column);

    /// <summary>An export record's text is longer than an event keeps; it was cut.</summary>
    public static Diagnostic ExportTextCut(string file, int line, int column, int length, int max) =>
        new("PM0409", DiagnosticSeverity.Warning, $"a text of {length:N0} characters was cut to its first {max:N0} for the timeline", file, line, column);

    /// <summary>The index store cannot be opened or used (a bad --store value, a refused connection, a newer schema).</summary>
    public static Diagnostic StoreUnavailable(string store, string reason) =>
        new("PM0501", DiagnosticSeverity.Error, $"the index store cannot be used: {reason}", store, 0, 0);

    /// <summary>A folder or file given to <c>index</c> does not exist.</summary>
    public static Diagnostic IndexRootMissing(string root) =>
        new("PM0502", DiagnosticSeverity.Error, $"'{root}' does not exist: give folders or files that hold postmortems", root, 0, 0);

    /// <summary>A key timestamp the front matter records at an instant no timeline row has any more.</summary>
    public static Diagnostic RecordedKeyNotInTimeline(string file, int line, int column, string key, string time) =>
        new("PM0601", DiagnosticSeverity.Warning, $"the key timestamp '{key}' is recorded at {time}, but no timeline row is at that time any more; computed from the timeline instead (edit or remove 'keys.{key}')", file, line, column);

    /// <summary>A Markdown record's front matter is not closed by a '---' line.</summary>
    public static Diagnostic FrontMatterUnclosed(string file, int line) =>
        new("PM0602", DiagnosticSeverity.Error, "the front matter that starts here is not closed by a '---' line", file, line, 1);

    /// <summary>A value in a Markdown postmortem's body that cannot be read (a time, a date, a type); the row or value is left out.</summary>
    public static Diagnostic RecordValueUnreadable(string file, int line, int column, string what, string value, string expected) =>
        new("PM0603", DiagnosticSeverity.Warning, $"{what} '{value}' cannot be read (expected {expected}); left out", file, line, column);

    /// <summary>A section, table or list of a Markdown postmortem that maps to nothing in the model.</summary>
    public static Diagnostic RecordNotMapped(string file, int line, int column, string what) =>
        new("PM0604", DiagnosticSeverity.Info, $"{what} did not map into the postmortem model; kept in the document only", file, line, column);

    /// <summary>An edit of a Markdown record that cannot be made: no such action, two with the id, no column for the field.</summary>
    public static Diagnostic RecordEditRefused(string file, int line, int column, string reason) =>
        new("PM0605", DiagnosticSeverity.Error, reason, file, line, column);

    /// <summary>No action in the document has the id an edit names.</summary>
    public static Diagnostic ActionNotFound(string file, string id, IEnumerable<string> known) =>
        new("PM0801", DiagnosticSeverity.Error, $"no action has the id '{id}'" + (known.Any() ? $"; the actions here are {string.Join(", ", known)}" : "; the document has no action items"), file, 0, 0);

    /// <summary>Two actions in one document share the id an edit names.</summary>
    public static Diagnostic ActionIdAmbiguous(string file, int line, int column, string id, int firstLine) =>
        new("PM0802", DiagnosticSeverity.Error, $"a second action has the id '{id}' (the first is on line {firstLine}): give each action its own id, then run the command again", file, line, column);

    /// <summary>An edit cannot be made as a one-line change (the layout is one the editor does not rewrite).</summary>
    public static Diagnostic EditNotPossible(string file, int line, int column, string why) =>
        new("PM0803", DiagnosticSeverity.Error, $"cannot change this by one line: {why}; edit the file by hand", file, line, column);

    /// <summary>The document, once edited, would not read back as it should; nothing is written.</summary>
    public static Diagnostic EditWouldBreak(string file, string why) =>
        new("PM0804", DiagnosticSeverity.Error, $"the edit was not written: read back, the file {why}", file, 0, 0);

    /// <summary><c>actions set</c> names an action the index does not hold, or more than one.</summary>
    public static Diagnostic IndexedActionNotFound(string reference, IReadOnlyList<string> candidates) =>
        new("PM0805", DiagnosticSeverity.Error, candidates.Count == 0
            ? $"the index holds no action '{reference}': 'postmortem actions' lists them (run 'postmortem index' after adding one)"
            : $"'{reference}' names {candidates.Count} actions; name one as PATH#ID: {string.Join(", ", candidates)}", "actions set", 0, 0);

    /// <summary>A setting of the web app (<c>Postmortem:*</c>) that is incomplete or wrong: the app does not start.</summary>
    public static Diagnostic WebSetting(string reason) =>
        new("PM0940", DiagnosticSeverity.Error, $"the web app's settings are wrong: {reason}", "configuration", 0, 0);

    /// <summary><c>sync</c> has no usable tracker: no <c>tracker:</c> section, the one asked for is not configured, or a key is wrong.</summary>
    public static Diagnostic TrackerNotConfigured(string file, string reason) =>
        new("PM0701", DiagnosticSeverity.Error, $"no tracker to sync with: {reason} (docs/trackers.md)", file, 0, 0);

    /// <summary>The tracker's token is not in the environment or the credentials file; names the variables, never a value.</summary>
    public static Diagnostic TrackerCredentialsMissing(string tracker, string variables) =>
        new("PM0702", DiagnosticSeverity.Error, $"no credentials for {tracker}: set {variables} in the environment or in the credentials file that .postmortem.yml names (tracker.credentials)", tracker, 0, 0);

    /// <summary>A tracker URL that is not HTTPS (plain HTTP is allowed to loopback only) or not an absolute URL.</summary>
    public static Diagnostic TrackerInsecureUrl(string file, string url) =>
        new("PM0703", DiagnosticSeverity.Error, $"'{url}' is not an https:// URL: tokens are sent only over HTTPS (plain http only to localhost)", file, 0, 0);

    /// <summary>401: the token was refused.</summary>
    public static Diagnostic TrackerUnauthorized(string tracker, string request) =>
        new("PM0704", DiagnosticSeverity.Error, $"{tracker} refused the credentials (401) at {request}: check the token and, for Jira, JIRA_EMAIL; see docs/trackers.md for the scopes", tracker, 0, 0);

    /// <summary>403 that is not a rate limit: the token lacks a permission.</summary>
    public static Diagnostic TrackerForbidden(string tracker, string request, string detail) =>
        new("PM0705", DiagnosticSeverity.Error, $"{tracker} forbade {request} (403){detail}: the token lacks a scope or the user a permission (docs/trackers.md)", tracker, 0, 0);

    /// <summary>404 or 410: the repository, project or issue is not there (or not visible to the token).</summary>
    public static Diagnostic TrackerNotFound(string tracker, string request, int status) =>
        new("PM0706", DiagnosticSeverity.Error, $"{tracker} has nothing at {request} ({status}{(status == 410 ? ", gone" : string.Empty)}): check the repository or project in .postmortem.yml, and that the token can see it", tracker, 0, 0);

    /// <summary>400 or 422: the tracker refused the request's content (a label, an assignee, a field).</summary>
    public static Diagnostic TrackerRejected(string tracker, string request, int status, string detail) =>
        new("PM0707", DiagnosticSeverity.Error, $"{tracker} refused {request} ({status}){detail}", tracker, 0, 0);

    /// <summary>Rate limited past the retries, or asked to wait longer than the sync waits.</summary>
    public static Diagnostic TrackerRateLimited(string tracker, string request, string until) =>
        new("PM0708", DiagnosticSeverity.Error, $"{tracker} rate-limited {request}: try again {until}; what was done so far is kept, and a rerun continues", tracker, 0, 0);

    /// <summary>5xx after the retries, a refused connection, or no answer within the time-out.</summary>
    public static Diagnostic TrackerUnavailable(string tracker, string request, string reason) =>
        new("PM0709", DiagnosticSeverity.Error, $"{tracker} did not answer {request}: {reason}; what was done so far is kept, and a rerun continues", tracker, 0, 0);

    /// <summary>An answer that is not the documented JSON shape.</summary>
    public static Diagnostic TrackerBadResponse(string tracker, string request, string reason) =>
        new("PM0710", DiagnosticSeverity.Error, $"{tracker} answered {request} with something other than the documented JSON: {reason}", tracker, 0, 0);

    /// <summary>The action and its issue both changed since the last sync; neither was overwritten.</summary>
    public static Diagnostic SyncConflict(string file, int line, string actionId, string issue, string local, string remote, string settle) =>
        new("PM0711", DiagnosticSeverity.Warning,
            $"conflict on action {actionId}: the postmortem says '{local}', {issue} says '{remote}', and both changed since the last sync; neither was changed. To settle it, {settle}",
            file, line, 1);

    /// <summary>The postmortem file could not be changed (no editor for its format, an unknown id, a write that failed): nothing of it was written.</summary>
    public static Diagnostic SyncEditFailed(string file, int line, string reason) =>
        new("PM0712", DiagnosticSeverity.Error, $"cannot write the tracker link or status into the postmortem: {reason}; the file is unchanged", file, line, line > 0 ? 1 : 0);

    /// <summary>An action linked to an issue that the tracker no longer lists (deleted, moved, or its marker label removed).</summary>
    public static Diagnostic SyncIssueMissing(string file, int line, string actionId, string issue) =>
        new("PM0713", DiagnosticSeverity.Warning,
            $"action {actionId} was linked to {issue}, which the tracker no longer lists with the 'postmortem' label: not recreated; put the label back, or remove the tracker line and its sync state to create a new one",
            file, line, 1);

    /// <summary>The Jira workflow has no transition of the configured name from the issue's status.</summary>
    public static Diagnostic JiraTransitionMissing(string issue, string wanted, string available) =>
        new("PM0714", DiagnosticSeverity.Error,
            $"{issue} has no transition named '{wanted}' from its status (available: {available}); set tracker.jira.transitions in .postmortem.yml", issue, 0, 0);

    /// <summary>A section edit names a part the document does not have (a heading renamed, a value removed since the page was read).</summary>
    public static Diagnostic SectionNotFound(string file, string key, IEnumerable<string> known) =>
        new("PM0901", DiagnosticSeverity.Error, $"no section '{key}' in the document" + (known.Any() ? $"; its sections are {string.Join(", ", known)}" : "; it has no editable sections"), file, 0, 0);

    /// <summary>The new text of a section would not read back as that section; nothing is written.</summary>
    public static Diagnostic SectionEditRefused(string file, int line, string why) =>
        new("PM0902", DiagnosticSeverity.Error, $"the section was not saved: {why}", file, line, line > 0 ? 1 : 0);

    /// <summary>The file changed since the edit started (another save, a commit, a pull): nothing is written over it.</summary>
    public static Diagnostic SectionVersionStale(string file, string startedFrom, string now) =>
        new("PM0903", DiagnosticSeverity.Error, $"the file changed since this edit started (version {startedFrom}, now {now}); nothing was written: compare, then save again", file, 0, 0);
}
