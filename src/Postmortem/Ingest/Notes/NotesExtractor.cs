using System.Text;
using System.Text.RegularExpressions;
using Postmortem.Model;

namespace Postmortem.Ingest.Notes;

/// <summary>
/// Reconstructs timeline events from raw notes as people paste them: prose, time-led lines, bullets,
/// Markdown tables, dated headings and chat lines. Our own code over NodaTime: no library reads incident prose.
/// </summary>
/// <remarks>The accepted forms and the rules for dates and zones are in docs/notes-format.md.</remarks>
public static partial class NotesExtractor
{
    private static readonly char[] Separators = [',', ';', ':', '-', '–', '—', ' '];

    /// <summary>Reads <paramref name="text"/> into events (kind <see cref="EventKind.Other"/> until classified). Never throws on input.</summary>
    public static NotesResult Extract(string text, NotesOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        var run = new ExtractionRun(options);
        run.Execute(text);
        return new NotesResult(run.Events, run.Diagnostics);
    }

    /// <summary>Reads notes given as their lines (<see cref="TextFile.ReadLines"/>: split at <c>\r\n</c>, <c>\r</c> and <c>\n</c>) into events, as <see cref="Extract(string, NotesOptions)"/> reads their text.</summary>
    public static NotesResult Extract(IReadOnlyList<string> lines, NotesOptions options)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(options);
        var run = new ExtractionRun(options);
        run.Execute(lines);
        return new NotesResult(run.Events, run.Diagnostics);
    }

    /// <summary>Reads one written time, as a structured event gives it ("07:14", "07:14 ET", ISO 8601).</summary>
    /// <returns>An event holding the instant, zone and provenance (empty text), or null with diagnostics.</returns>
    public static (TimelineEvent? Event, IReadOnlyList<Postmortem.Diagnostics.Diagnostic> Diagnostics) ResolveTime(string written, NotesOptions options, int line, int column)
    {
        ArgumentNullException.ThrowIfNull(written);
        ArgumentNullException.ThrowIfNull(options);
        var run = new ExtractionRun(options);
        var e = run.ResolveOne(written, line, column);
        return (e, run.Diagnostics);
    }

    // Not after "a.m."/"P.M." (a zone or a name often follows), common abbreviations (with "godz.", "kl.", "ca." before a clock), a month's ("Oct. 12"), nor a day's
    // ordinal dot before its month ("17. August", German "7. März", "24. Dezember"; before "May" or "March" only when no clause word follows: "node 2. May need a
    // restart" ends there, as TimeScanner's dotted date reads it). A sentence ended inside its brackets ("went offline at 22:36 CET (game
    // time.) The portal …") ends there too.
    internal const string SentenceBreakPattern = @"(?<=[.!?]|[.!?]\))(?<![ap]\.m\.|[AP]\.M\.|\b(?:e\.g|i\.e|approx|vs|etc|incl|Mr|Ms|Dr|St|No|U\.S|godz|kl|ca)\.)(?<!\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.(?=\s+\d))(?<!(?<![\d:.])\d{1,2}\.(?=\s+(?:(?:January|February|April|June|July|August|September|October|November|December|Januar|Februar|März|Juni|Juli|Oktober|Dezember|Mai)\b|(?:March|May)\b(?!\s+(?!(?:" + TimeScanner.WordsOfTimeAfterMonth + @")\b)\p{Ll}))))\s+(?=[A-Z0-9""'(\[])";

    // The break as it may start at one place: tried only right after a sentence mark (NextSentenceBreak).
    [GeneratedRegex(@"\G" + SentenceBreakPattern)]
    private static partial Regex SentenceBreakAt();

    private static readonly System.Buffers.SearchValues<char> SentenceMarks = System.Buffers.SearchValues.Create(".!?");

    /// <summary>
    /// The first match of <see cref="SentenceBreakPattern"/> in <paramref name="text"/> at or after <paramref name="from"/>, as a scan
    /// of the pattern from there finds it, without running its matcher at every white space: a break is white space right after a
    /// sentence mark (".", "!", "?") or after one and its closing bracket, so it is tried only there (its lookbehind), in order.
    /// </summary>
    internal static bool NextSentenceBreak(string text, int from, out int index, out int length)
    {
        for (var mark = NextSentenceMark(text, Math.Max(0, from - 2)); mark >= 0; mark = NextSentenceMark(text, mark + 1))
        {
            var at = mark + 1;
            if (at < text.Length && text[at] == ')')
            {
                at++;
            }

            if (at >= from && at < text.Length && char.IsWhiteSpace(text[at]))
            {
                foreach (var m in SentenceBreakAt().EnumerateMatches(text, at))
                {
                    (index, length) = (m.Index, m.Length);
                    return true;
                }
            }
        }

        (index, length) = (-1, 0);
        return false;

        static int NextSentenceMark(string text, int from) => text.AsSpan(from).IndexOfAny(SentenceMarks) is var k and >= 0 ? from + k : -1;
    }

    [GeneratedRegex(@"^\s*(?:\*\*)?(?<w>Investigating|Identified|Monitoring|Resolved|Update|Postmortem|Scheduled|In progress|Verifying|Completed|Recovering)(?:\*\*)?\s*$")]
    internal static partial Regex StatusWord();

    // "Identified [11/02/2022 09:47]", "Resolved (15/02/2022 23:09)": a status page's label and its stamp head an update.
    [GeneratedRegex(@"^\s*(?:\*\*)?(?<w>Investigating|Identified|Monitoring|Resolved|Update|Postmortem|Verifying|Recovering|Completed)(?:\*\*)?\s*(?:[-–—:|]\s*)?[\[(](?<when>[^\])]{4,40})[\])]\s*$")]
    internal static partial Regex StatusStamp();

    // "1. investigating Oct 13, 2021, 02:40 PM UTC", "Resolved — 18:01 UTC": a status aggregator's label and stamp, unbracketed.
    // So is "- investigating May 11, 2021, 02:35 AM UTC" as a bullet, and a "postmortem" label.
    [GeneratedRegex(@"^\s*(?:\d{1,3}[.)]\s+|[-*•]\s+)?(?:\*\*)?(?<w>(?i:investigating|identified|monitoring|resolved|update|verifying|recovering|completed|postmortem))(?:\*\*)?\s*(?:[-–—:|]\s*)?(?<when>\d.{3,40}|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.? .{3,40})$")]
    internal static partial Regex StatusThenStamp();

    [GeneratedRegex(@"^\s*(?:\*\*)?Posted(?:\*\*)?\s+(?<when>.{4,120})$")]
    internal static partial Regex Posted();

    // The title block of a copied status page ("Incident Report for Discord"): not part of the first update.
    [GeneratedRegex(@"^\s*Incident Report for\b")]
    internal static partial Regex IncidentReportTitle();

    // A sentence looking back to an earlier day ("Two days earlier, on March 3", "the day before", "a week ago").
    [GeneratedRegex(@"(?i)\b(?:earlier|previously|prior|ago|the (?:day|night|week|evening|morning) before)\b")]
    internal static partial Regex LookingBack();

    // The marks of a quoted e-mail ("> ", "> > "): the quoted text is read as written.
    [GeneratedRegex(@"^\s*(?:>[ \t]?)+")]
    internal static partial Regex QuoteMarks();

    // A forum post's byline with its stamp ("Post by Morwen » Feb 17th 2017 10:55", "Posted by Dana on 3 May 2021, 14:02").
    [GeneratedRegex(@"^\W*(?:Post|Posted|Reply|Comment)\s+by\s+[^\s»,]+(?:\s+[^\s»,]+){0,3}?\s*(?:»|\bon\b|\bat\b|[-–—,|])")]
    internal static partial Regex PostByline();

    // A clause in the past perfect that names a day ("whose migration we had already announced on 15 June 2022").
    [GeneratedRegex(@"(?i)\bhad\s+(?:[\w-]+\s+){0,4}?(?:on|in)\s+(?=\S)")]
    internal static partial Regex PastPerfectDate();

    [GeneratedRegex(@"(?i)\d\s?[ap]\.?m\b|noon|midnight")]
    internal static partial Regex Meridiem();

    [GeneratedRegex(@"(?i)^\W*day\s+(?<n>\d{1,3})\b")]
    internal static partial Regex DayNumber();

    // "overnight" is not the next day in a sentence that goes on to name today: it is the night before it ("Because of a leak
    // overnight the library is closed today; it opens tomorrow morning at 10am").
    [GeneratedRegex(@"(?i)\b(?:the\s+)?(?:next|following)\s+(?:day|morning|afternoon|evening)\b|\bovernight\b(?![^.\n]{0,120}\b(?:today|this\s+morning)\b)")]
    internal static partial Regex NextDay();

    [GeneratedRegex(@"(?i)^[\s,;.:\-–—]*(?:(?:and|then|but|while|so|before|after|when|until)\b\s*)?(?:(?:and|then)\b\s*)?")]
    internal static partial Regex PieceLead();

    // A heading's marks: "## ", at most three spaces before them. Its text is the rest without closing marks ("## Day 2 ##").
    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+")]
    private static partial Regex HeadingMarks();

    /// <summary>
    /// Where a Markdown heading's text is in <paramref name="line"/> (<c>^\s{0,3}#{1,6}\s+(?&lt;text&gt;.*?)\s*#*\s*$</c>, read without a
    /// <see cref="Match"/>): after its marks, without the white space and closing marks that end the line; false when it is no heading.
    /// </summary>
    internal static bool TryHeading(string line, out int index, out int length)
    {
        index = MatchLength(HeadingMarks(), line);
        if (index < 0)
        {
            length = 0;
            return false;
        }

        var end = line.Length;
        while (end > index && char.IsWhiteSpace(line[end - 1]))
        {
            end--;
        }

        while (end > index && line[end - 1] == '#')
        {
            end--;
        }

        while (end > index && char.IsWhiteSpace(line[end - 1]))
        {
            end--;
        }

        // The pattern's "." stops at a line feed, which only lines given by a caller can hold.
        length = end - index;
        return !line.AsSpan(index, length).Contains('\n');
    }

    [GeneratedRegex(@"^\s*\[(?<t>[^\]]{1,60})\]\s*(?<who>@?[\p{L}\p{N}_.\-]+)\s*:\s*(?<text>.*)$")]
    internal static partial Regex ChatTimeFirst();

    [GeneratedRegex(@"^\s*(?<who>@?[\p{L}\p{N}_.\-]+)\s+\[(?<t>[^\]]{1,60})\]\s*:?\s*(?<text>.*)$")]
    internal static partial Regex ChatNameFirst();

    [GeneratedRegex(@"^\s*(?<t>\d{1,2}:\d{2}(?::\d{2})?)\s+<(?<who>[^>\s]{1,40})>\s*(?<text>.*)$")]
    internal static partial Regex ChatIrc();

    /// <summary>Length of a line's list marker and bold opener (<c>"- "</c>, <c>"1. "</c>, <c>"**"</c>): the text before a leading time.</summary>
    internal static int LinePrefixLength(string line)
    {
        var i = 0;
        while (i < line.Length && char.IsWhiteSpace(line[i]))
        {
            i++;
        }

        var marker = i;
        if (marker < line.Length && line[marker] is '-' or '*' or '+' or '•' or '◦' or '▪' or '‣' or '·' or '–' or '—')
        {
            marker++;
        }
        else
        {
            while (marker < line.Length && marker - i < 3 && char.IsAsciiDigit(line[marker]))
            {
                marker++;
            }

            marker = marker > i && marker < line.Length && line[marker] is '.' or ')' ? marker + 1 : i;
        }

        // A marker counts only when white space follows it ("-5" or "3.5" are not list markers).
        if (marker > i && marker < line.Length && char.IsWhiteSpace(line[marker]))
        {
            i = marker;
            while (i < line.Length && char.IsWhiteSpace(line[i]))
            {
                i++;
            }
        }

        if (i + 1 < line.Length && ((line[i] == '*' && line[i + 1] == '*') || (line[i] == '_' && line[i + 1] == '_')))
        {
            i += 2;
        }

        return i;
    }

    /// <summary>The length of <paramref name="pattern"/>'s first match in <paramref name="text"/>, -1 when none: no <see cref="Match"/> object made.</summary>
    internal static int MatchLength(Regex pattern, ReadOnlySpan<char> text)
    {
        foreach (var m in pattern.EnumerateMatches(text))
        {
            return m.Length;
        }

        return -1;
    }

    // A bullet: a mark and a space, or the Japanese middle dot ("・16時54分 …"), which writers put right before the text (session 34).
    [GeneratedRegex(@"^\s*(?:(?:[-*+•◦▪‣·–—]|\d{1,3}[.)])\s+|[・･]\s*)")]
    internal static partial Regex Bullet();

    [GeneratedRegex(@"^~?(?:\*\*|__)?\s*(?:[-–—:|,]\s*)?(?:\*\*|__)?\s*")]
    internal static partial Regex LeadSeparator();

    [GeneratedRegex(@"(?i)(?:\b(?:at|around|about|by|from|on|since)|@|~)\s*$")]
    internal static partial Regex TrailingConnector();

    [GeneratedRegex(@"(?i)\b(?:all\s+)?times?(?:tamps)?\s+(?:(?:are|is|shown|listed|given|below|here|written)\s+)*(?:in\s+)?(?<z>[A-Za-z]+/[A-Za-z_]+(?:/[A-Za-z_]+)?|(?:UTC|GMT)[+-]\d{1,2}(?::?\d{2})?|[A-Za-z]{1,8})\b")]
    internal static partial Regex ZoneDeclaration();

    [GeneratedRegex(@"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")]
    internal static partial Regex TableSeparator();

    [GeneratedRegex(@"\s{2,}")]
    internal static partial Regex Spaces();

    /// <summary>Splits a Markdown table row into cells, honouring <c>\|</c> escapes.</summary>
    internal static List<string> SplitCells(string row)
    {
        if (!row.Contains('\\', StringComparison.Ordinal))
        {
            var parts = row.Trim().Split('|', StringSplitOptions.TrimEntries);
            var from = row.AsSpan().TrimStart().StartsWith('|') ? 1 : 0;
            var to = parts.Length - (row.AsSpan().TrimEnd().EndsWith('|') && parts.Length > from ? 1 : 0);
            return [.. parts.AsSpan(from, to - from)];
        }

        var cells = new List<string>();
        var current = new StringBuilder();
        var trimmed = row.Trim();
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (c == '\\' && i + 1 < trimmed.Length && trimmed[i + 1] == '|')
            {
                current.Append('|');
                i++;
            }
            else if (c == '|')
            {
                cells.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        cells.Add(current.ToString().Trim());
        if (trimmed.StartsWith('|'))
        {
            cells.RemoveAt(0);
        }

        if (trimmed.EndsWith('|') && cells.Count > 0)
        {
            cells.RemoveAt(cells.Count - 1);
        }

        return cells;
    }

    /// <summary>Removes a time expression and the word that introduced it ("at 07:14") from a sentence.</summary>
    internal static string RemoveTime(string sentence, int index, int length)
    {
        var before = sentence.AsSpan(0, index);
        var after = sentence.AsSpan(index + length);
        foreach (var connector in TrailingConnector().EnumerateMatches(before, ConnectorSearchStart(before)))
        {
            before = before[..connector.Index];
            break;
        }

        before = before.TrimEnd();
        after = after.TrimStart();
        if (before.Length == 0)
        {
            after = after.TrimStart(Separators);
        }
        else if (after.StartsWith(',') && (before.EndsWith(',') || before.Length == 0))
        {
            after = after[1..].TrimStart();
        }

        return before.Length == 0 ? Tidy(after, sentence) : after.Length == 0 ? Tidy(before, sentence)
            : Tidy(char.IsPunctuation(after[0]) && after[0] is not '(' and not '"' ? string.Concat(before, after) : string.Concat(before, " ", after));
    }

    // Where TrailingConnector's search of text may start: a match is a connector of at most six letters (or "@", "~") and white space
    // to the end, so it starts at most six characters before the text's trailing white space (counted here with every control
    // character, a superset of \s). The search reads only those characters instead of every one of the text; \b still sees the
    // character before (docs/benchmarks.md, twenty-fourth session).
    internal static int ConnectorSearchStart(ReadOnlySpan<char> text)
    {
        var end = text.Length;
        while (end > 0 && (char.IsWhiteSpace(text[end - 1]) || char.IsControl(text[end - 1])))
        {
            end--;
        }

        return Math.Max(0, end - 6);
    }

    /// <summary>Collapses white space, drops trailing separators and a final period, capitalises the first letter.</summary>
    internal static string Tidy(string text) => Tidy(text, text);

    // Tidy of a part of whole (or of all of it): a string is made only when the tidy text is not whole itself.
    private static string Tidy(ReadOnlySpan<char> text, string whole)
    {
        if (text.Contains("  ", StringComparison.Ordinal) || text.Contains('\t'))
        {
            whole = Spaces().Replace(text.ToString().Replace('\t', ' '), " ");
            text = whole;
        }

        var t = text.Trim().TrimEnd(Separators);
        if (t.EndsWith('.') && !t.EndsWith("..", StringComparison.Ordinal))
        {
            t = t[..^1].TrimEnd();
        }

        if (t.Length > 0 && char.IsLower(t[0]))
        {
            var first = char.ToUpperInvariant(t[0]);
            return string.Concat(new ReadOnlySpan<char>(in first), t[1..]);
        }

        return t.Length == whole.Length && t.Overlaps(whole) ? whole : t.ToString();
    }
}
