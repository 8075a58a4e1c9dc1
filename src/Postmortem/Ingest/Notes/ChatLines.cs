using System.Text.RegularExpressions;

namespace Postmortem.Ingest.Notes;

/// <summary>
/// Recognises the header of a chat message as people paste chat: Slack's desktop copy (<c>Name  9:14 PM</c>,
/// a bot's <c>APP</c> badge, a bare <c>9:15 PM</c> for the same speaker), <c>[9:14 PM] Name: text</c>,
/// Teams (<c>Name 10:02 AM</c>, <c>Name 12/10 11:04</c>, <c>[10/2 10:02 AM] Name</c>), Zoom and Meet (<c>10:02:33 From Name to Everyone: text</c>)
/// and IRC/Matrix logs (<c>[10:02] &lt;nick&gt; text</c>). One message is one event (docs/notes-format.md, "Chat").
/// </summary>
internal static partial class ChatLines
{
    // A speaker: one to four words of letters, digits and name punctuation, optionally an @handle.
    private const string Name = @"(?<who>@?\p{L}[\p{L}\p{N}_.'’\-]*(?:[ \t][\p{L}\p{N}_.'’\-]+){0,3}?)";

    private const string Clock12Or24 = @"\d{1,2}:\d{2}(?::\d{2})?(?:\s?(?i:[ap]\.?m\.?))?";

    // The days a header may name before its clock: "Today at 9:14 PM", "Yesterday 4:15 PM", "Monday 4:15 PM" (Discord, Teams).
    // One list: the header reads them as a date (DayWord), and the speaker check as words that are no name (NotNames).
    private const string Days = "today|yesterday|" + TimeScanner.FullWeekdays;

    private const string DayWord = @"(?:(?i:" + Days + @")\s+(?:at\s+)?)";

    // A numeric date before a header's clock, as the locale writes it: "12/10", "03/04/2024", "05.03.2024".
    private const string NumericDate = @"(?:\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?,?\s+)";

    // Words that make "Name 9:14" read as prose ("Errors at 9:14", "rollback done 14:20") rather than a speaker.
    private static readonly HashSet<string> NotNames = new(
    [
        "at", "by", "around", "about", "since", "until", "till", "from", "to", "on", "the", "and", "or", "of", "in", "after", "before",
        "approx", "approximately", "roughly", "circa", "was", "were", "is", "are", "utc", "gmt", "et", "pt", "done", "started", "began",

        // A status page's labels: "Identified [11/02/2022 09:47]" heads an update, it is not someone speaking.
        "investigating", "identified", "monitoring", "resolved", "update", "postmortem", "scheduled", "verifying", "completed", "recovering",

        // A day before a clock ("Yesterday 4:15 PM", "Monday 4:15 PM") dates the header; it is not a speaker.
        .. Days.Split('|'),
    ], StringComparer.OrdinalIgnoreCase);

    // Lower-case words inside a person's name ("Anna van Dijk", "Luis de la Cruz").
    private static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal)
    {
        "van", "von", "der", "den", "de", "del", "della", "di", "da", "das", "dos", "du", "la", "le", "ten", "ter", "bin", "al", "el",
    };

    // The headers with a bracketed time or an <nick>, in the order they are tried.
    private static readonly Regex[] BracketedHeaders = [TimeFirst(), NameFirst(), Irc(), BracketSpeakerOnly()];

    // The numbers of the groups the speaker check reads, for each pattern it checks (BracketedHeaders' order): a group looked up by
    // number, not by name, spares a lookup of its name in the pattern's table on every header (docs/benchmarks.md).
    private static readonly SpeakerGroups[] BracketedHeaderGroups = [.. BracketedHeaders.Select(SpeakerGroups.Of)];

    private static readonly SpeakerGroups SpeakerHeaderGroups = SpeakerGroups.Of(SpeakerHeader());

    private static readonly SpeakerGroups PhoneExportGroups = SpeakerGroups.Of(PhoneExport());

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotNamesBySpan = NotNames.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A recognised header: the time text, the speaker (null: the previous one) and any text on the same line.</summary>
    public readonly record struct Header(string TimeText, int TimeColumn, string? Who, string Text, int TextColumn);

    /// <summary>
    /// True when the text is a chat paste: at least two lines are "Name  9:14 PM"-style headers. A lone lower-case word
    /// before a clock ("dkim  9:14 AM", a Mattermost username) is a speaker only when it heads two or more such lines:
    /// a username recurs beside another speaker, while prose such as "deploy 14:20" repeats at most its one word. Those
    /// usernames are returned. A phone
    /// export's line ("3/5/24, 9:14 PM - Dana: text") counts only when the name before its colon looks like a person's and
    /// recurs (two speakers, or one heading two lines).
    /// </summary>
    public static bool IsChatPaste(IReadOnlyList<string> lines, out IReadOnlySet<string> usernames)
    {
        var headers = 0;
        Dictionary<string, int>? lower = null;
        Dictionary<string, int>? phoneSpeakers = null;
        foreach (var line in lines)
        {
            if (PhoneSpeaker(line) is { } phoneWho)
            {
                // "3/5/24, 9:14 PM - Dana: text": a phone's export, whose messages may run on below their line.
                phoneSpeakers ??= new(StringComparer.Ordinal);
                phoneSpeakers[phoneWho] = phoneSpeakers.GetValueOrDefault(phoneWho) + 1;
                continue;
            }

            if (line.Length >= 80 || !MayBeHeader(line))
            {
                continue;
            }

            if (BracketSpeakerOnly().IsMatch(line))
            {
                headers++;
            }
            else if (MayBeSpeakerHeader(line) && SpeakerHeader().Match(line) is { Success: true } m)
            {
                if (ValidName(m, SpeakerHeaderGroups, null))
                {
                    headers++;
                }
                else if (LoneLowerName(m) is { } word)
                {
                    lower ??= new(StringComparer.Ordinal);
                    lower[word] = lower.GetValueOrDefault(word) + 1;
                }
            }
        }

        // A phone export's speakers recur ("Dana", "Sam"); a note's "03/05/2024 14:20 - Rollback: started" names no one twice.
        if (phoneSpeakers is not null && (phoneSpeakers.Count >= 2 || phoneSpeakers.Values.Any(n => n >= 2)))
        {
            headers += phoneSpeakers.Values.Sum();
        }

        // A chat is a conversation: a recurring lower-case word is a username beside another speaker (a second such word, or a
        // named header); alone ("deploy 14:20 … deploy 15:10") it is a note's label written twice.
        var recurring = lower?.Where(p => p.Value >= 2).ToList() ?? [];
        if (recurring.Count == 1 && headers == 0)
        {
            recurring.Clear();
        }

        usernames = recurring.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        return headers + recurring.Sum(p => p.Value) >= 2;
    }

    /// <summary>Reads a header line. In a chat paste, bare "Name  9:14 PM" and "9:15 PM" lines count too.</summary>
    public static bool TryRead(string line, bool chatPaste, bool messageOpen, out Header header, IReadOnlySet<string>? usernames = null)
    {
        header = default;
        if (line.Length > 400 || line.Length == 0)
        {
            return false;
        }

        Match m;
        if (line.Contains('[', StringComparison.Ordinal) || line.Contains('<', StringComparison.Ordinal))
        {
            for (var p = 0; p < BracketedHeaders.Length; p++)
            {
                m = BracketedHeaders[p].Match(line);
                if (m.Success && ValidName(m, BracketedHeaderGroups[p], null) && TimeScanner.FindAll(m.Groups["t"].Value).Count > 0)
                {
                    // "We shipped [the fix] at 14:00", "Deploy [v2]: rolled back": a bracket with no time in it is the text's, not a
                    // chat header's stamp (the line was lost as a message without a time).
                    header = From(m);
                    return true;
                }
            }
        }

        if (line.Contains("From ", StringComparison.Ordinal) && Zoom().Match(line) is { Success: true } zoom)
        {
            header = From(zoom);
            return true;
        }

        if (!chatPaste)
        {
            return false; // Among notes, "03/05/2024 14:20 - Alert fired: p99 over 2s" is an event whose text keeps "Alert fired:".
        }

        if (PhoneSpeaker(line) is not null)
        {
            header = From(PhoneExport().Match(line));
            return true;
        }

        if (MayBeHeader(line) && MayBeSpeakerHeader(line) && SpeakerHeader().Match(line) is { Success: true } speaker && ValidName(speaker, SpeakerHeaderGroups, usernames))
        {
            header = From(speaker);
            return true;
        }

        if (messageOpen && TimeOnly().Match(line) is { Success: true } bare)
        {
            header = From(bare);
            return true;
        }

        // "[4:26 PM] our app hosts look healthy" under a Discord header: a further message by the same speaker, its stamp in
        // brackets and its text on the same line (the bracketed clock alone on its line is TimeOnly).
        if (messageOpen && line.StartsWith('[') && BracketedFollowUp().Match(line) is { Success: true } followUp)
        {
            header = From(followUp);
            return true;
        }

        return false;
    }

    /// <summary>True when a header's time names the day relative to when the chat was copied ("Today at 9:14 PM", "Yesterday 4:15 PM").</summary>
    public static bool IsRelativeToPasteDay(string timeText) =>
        timeText.StartsWith("today", StringComparison.OrdinalIgnoreCase) || timeText.StartsWith("yesterday", StringComparison.OrdinalIgnoreCase);

    /// <summary>The days back a chat's day divider names ("Today" 0, "Yesterday" 1, also "— Today —"), or null.</summary>
    public static int? DaysBackDivider(string line)
    {
        var word = line.AsSpan().Trim().Trim("—–-= ").Trim();
        return word.Equals("today", StringComparison.OrdinalIgnoreCase) ? 0 : word.Equals("yesterday", StringComparison.OrdinalIgnoreCase) ? 1 : null;
    }

    // A header ends with its clock ("9:14 PM", "10:02") or its speaker after a bracketed clock ("[10/2 10:02 AM] Dana"),
    // and every clock of a header has its colon: a line without one (most prose) is not tried against the patterns.
    private static bool MayBeHeader(string line)
    {
        var span = line.AsSpan().Trim();
        return span.Length > 4 && (span[0] == '[' || char.IsAsciiDigit(span[^1]) || span[^1] is 'M' or 'm' or '.' or ']') && span.Contains(':');
    }

    // False only when SpeakerHeader cannot match: after the white space that starts the line comes neither "@" nor a letter, with
    // which its name begins ("[14:05] @sam: …" is a bracketed header, tried before), or before the white space that ends it comes
    // neither a digit, "m", "M", "m." or "M." (the end of its clock) nor "]" (white space counted with every control character, a
    // superset of \s; docs/benchmarks.md, twenty-fourth session).
    internal static bool MayBeSpeakerHeader(string line)
    {
        var i = 0;
        while (i < line.Length && (char.IsWhiteSpace(line[i]) || char.IsControl(line[i])))
        {
            i++;
        }

        var end = line.Length;
        while (end > i && (char.IsWhiteSpace(line[end - 1]) || char.IsControl(line[end - 1])))
        {
            end--;
        }

        return i < end && (line[i] == '@' || char.IsLetter(line[i]))
            && (char.IsDigit(line[end - 1]) || line[end - 1] is 'm' or 'M' or ']' || (line[end - 1] == '.' && end - 2 >= i && line[end - 2] is 'm' or 'M'));
    }

    // The speaker of a phone export's line ("3/5/24, 9:14 PM - Dana: text"), or null when there is none or the words before
    // the colon read as an event ("Alert fired", "Rolled back").
    private static string? PhoneSpeaker(string line)
    {
        if (line.Length >= 400 || !HasSpacedDash(line)
            || PhoneExport().Match(line) is not { Success: true } phone || !ValidName(phone, PhoneExportGroups, null))
        {
            return null;
        }

        var who = phone.Groups["who"].Value.Trim();
        return LooksLikePersonName(who) ? who : null;
    }

    // " - " or " – " in the line (a phone export's stamp and speaker): one search for either dash instead of a search for each.
    internal static bool HasSpacedDash(string line)
    {
        if (line.Length < 3)
        {
            return false;
        }

        for (var i = line.AsSpan(1).IndexOfAny('-', '–') + 1; i > 0 && i + 1 < line.Length; i = line.AsSpan(i + 1).IndexOfAny('-', '–') is var next and >= 0 ? i + 1 + next : -1)
        {
            if (line[i - 1] == ' ' && line[i + 1] == ' ')
            {
                return true;
            }
        }

        return false;
    }

    // A person's or a handle's name: one to three words, each capitalised, a number ("+44 7700 900123") or a name particle
    // ("Anna van Dijk"). "Alert fired", "Failover complete", "Primary DB lost" have a lower-case word that is not a particle.
    private static bool LooksLikePersonName(ReadOnlySpan<char> name)
    {
        var words = 0;
        foreach (var range in name.SplitAny(" \t"))
        {
            var word = name[range];
            if (word.IsEmpty)
            {
                continue;
            }

            words++;
            if (words > 3 || (char.IsLower(word[0]) && !NameParticles.Contains(word.ToString())))
            {
                return false;
            }
        }

        return words > 0;
    }

    private static bool ValidName(Match m, SpeakerGroups groups, IReadOnlySet<string>? usernames)
    {
        var who = m.Groups[groups.Who];
        if (!who.Success)
        {
            return true;
        }

        var name = who.ValueSpan;

        foreach (var range in name.SplitAny(" \t"))
        {
            var word = name[range].TrimStart('@');
            if (name[range].Length > 0 && NotNamesBySpan.Contains(word))
            {
                return false;
            }
        }

        // Before a dash ("Ravi — Today at 10:40 AM", Discord) a speaker is a person's name, a bot's or a known username:
        // "Failover complete - 14:20" is a note's words and its time.
        if (m.Groups[groups.Dash].Success && !m.Groups[groups.Strong].Success && !LooksLikePersonName(name.TrimStart('@'))
            && !(usernames is not null && usernames.Contains(name.ToString())))
        {
            return false;
        }

        // A lone lower-case word before a clock ("deploy 14:20") is prose unless it is a handle ("@sam", "sam.k").
        return name.Contains(' ') || char.IsUpper(name[0]) || name[0] == '@' || m.Groups[groups.Strong].Success || m.Groups[groups.Handle].Success
            || (usernames is not null && usernames.Contains(name.ToString()));
    }

    // The speaker of a header that failed only for being one lower-case word ("dkim  9:14 AM"), or null.
    private static string? LoneLowerName(Match m)
    {
        var who = m.Groups[SpeakerHeaderGroups.Who];
        return who.Success && !who.ValueSpan.Contains(' ') && ValidName(m, SpeakerHeaderGroups, new HashSet<string>(StringComparer.Ordinal) { who.Value }) ? who.Value : null;
    }

    // The numbers of a pattern's groups "who", "dash", "strong" and "handle" (-1 for one it lacks: an unsuccessful empty group, as
    // a lookup by a name the pattern lacks gives).
    private readonly record struct SpeakerGroups(int Who, int Dash, int Strong, int Handle)
    {
        public static SpeakerGroups Of(Regex pattern) =>
            new(pattern.GroupNumberFromName("who"), pattern.GroupNumberFromName("dash"), pattern.GroupNumberFromName("strong"), pattern.GroupNumberFromName("handle"));
    }

    private static Header From(Match m)
    {
        var t = m.Groups["t"];
        var who = m.Groups["who"];
        var text = m.Groups["text"];
        return new Header(t.Value, t.Index + 1, who.Success ? who.Value.Trim().TrimStart('@') : null, text.Success ? text.Value : string.Empty, text.Success ? text.Index + 1 : 1);
    }

    // [9:14 PM] Name: text — [10/2 10:02 AM] Name: text
    [GeneratedRegex(@"^\s*\[(?<t>[^\]]{1,40})\]\s*" + Name + @"\s*:\s*(?<text>.*)$")]
    private static partial Regex TimeFirst();

    // Name [9:14 PM]: text
    [GeneratedRegex(@"^\s*" + Name + @"\s+\[(?<t>[^\]]{1,40})\]\s*:?\s*(?<text>.*)$")]
    private static partial Regex NameFirst();

    // [10:02] <nick> text — 10:02 <nick> text
    [GeneratedRegex(@"^\s*\[?(?<t>\d{1,2}:\d{2}(?::\d{2})?)\]?\s+<(?<who>[^>\s]{1,40})>(?<strong>)\s*(?<text>.*)$")]
    private static partial Regex Irc();

    // [10/2 10:02 AM] Name — the message on the lines below (Teams); an app posting shows its tag in brackets after the name
    // ("[09.10.2024 19:24] Build Alerts (Workflows)", "… Deploy Bot (via Power Automate)"); a team or role before the name and a
    // dash ("[5/14/2018 10:36 PM] Service Desk - Alicia Gomez", "… Corporate Comms – Dana Reyes"), as an organisation's chat shows it:
    // only after a bracket that holds a date (Teams writes "[5/14/2018 10:36 PM]") and before a capital, so that a note's own
    // "[09:05] SEV1 - Checkout down for everyone" stays a timed note (review31 F9).
    [GeneratedRegex(@"^\s*\[(?<t>[^\]]{0,20}" + Clock12Or24 + @")\]\s*(?:(?<=\[[^\]]{0,20}\d/\d[^\]]{0,20}\]\s*)\p{Lu}[\p{L}\p{N}&._'’]*(?:[ \t][\p{L}\p{N}&._'’]+){0,2}[ \t][-–—][ \t](?=\p{Lu}))?" + Name + @"(?:\s+\((?:via\s+)?[\p{L}\p{N}][\p{L}\p{N} ._-]{0,30}\))?\s*$")]
    private static partial Regex BracketSpeakerOnly();

    // 10:02:33 From Name to Everyone: text — 10:02:33 From Name : text
    [GeneratedRegex(@"^\s*(?<t>\d{1,2}:\d{2}(?::\d{2})?(?:\s?(?i:[ap]m))?)\s+From\s+(?<who>[^:]{1,60}?)(?:\s+to\s+[^:]{1,60}?)?\s*:\s*(?<text>.*)$")]
    private static partial Regex Zoom();

    // Priya Raman  9:14 PM — PagerDuty  APP  9:16 PM — Name 10:02 AM — Name 12/10 11:04 (Teams, an older day) — Name Yesterday 4:15 PM
    // (Teams) — Name — Today at 9:14 PM, Name BOT — 03/04/2024 11:52 PM (Discord) — Name @handle 9:14 AM (Rocket.Chat) — Name, 9:14 AM
    // (Google Chat) — Name, [05.03.2024 09:14] (Telegram) (the message on the lines below).
    // A display name may carry a tag in brackets after it, a team, a role or pronouns ("Sam (LF team) — Today at 09:22", "Dana
    // (she/her)  9:14 PM", "Ravi (SRE) — Yesterday at 10:40"): the speaker is the name before it.
    [GeneratedRegex(@"^\s*" + Name + @"(?:\s+\((?<tag>[\p{L}\p{N}][\p{L}\p{N} ./&'’-]{0,28})\))?(?:\s+@(?<handle>[\p{L}\p{N}_.\-]{1,40}))?(?:\s+(?<strong>APP|BOT))?(?:\s+(?<dash>[—–-])\s+|,\s*|\s+)(?<open>\[)?(?<t>" + DayWord + "?" + NumericDate + "?" + Clock12Or24 + @")(?(open)\])\s*$")]
    private static partial Regex SpeakerHeader();

    // 3/5/24, 9:14 PM - Dana: text — 05.03.24, 09:14 - Dana: text (WhatsApp on Android; on iOS the stamp is in brackets).
    [GeneratedRegex(@"^\s*(?<t>\d{1,2}[/.]\d{1,2}[/.]\d{2,4},?\s+" + Clock12Or24 + @")\s+[-–]\s+(?<who>[^:]{1,60}?):\s*(?<text>.*)$")]
    private static partial Regex PhoneExport();

    // 9:15 PM — a further message by the same speaker in Slack's copy.
    [GeneratedRegex(@"^\s*\[?(?<t>" + Clock12Or24 + @")\]?\s*$")]
    private static partial Regex TimeOnly();

    // [9:15 PM] text — a further message by the same speaker, the text on the stamp's line (Discord's copy of grouped messages).
    [GeneratedRegex(@"^\[(?<t>" + Clock12Or24 + @")\]\s+(?<text>\S.*)$")]
    private static partial Regex BracketedFollowUp();
}
