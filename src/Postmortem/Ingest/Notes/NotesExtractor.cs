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
    /// <summary>Reads <paramref name="text"/> into events (kind <see cref="EventKind.Other"/> until classified). Never throws on input.</summary>
    public static NotesResult Extract(string text, NotesOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        var run = new ExtractionRun(options);
        run.Execute(text);
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

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z0-9""'(\[])")]
    internal static partial Regex SentenceBreak();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+(?<text>.*?)\s*#*\s*$")]
    internal static partial Regex Heading();

    [GeneratedRegex(@"^\s*\[(?<t>[^\]]{1,60})\]\s*(?<who>@?[\p{L}\p{N}_.\-]+)\s*:\s*(?<text>.*)$")]
    internal static partial Regex ChatTimeFirst();

    [GeneratedRegex(@"^\s*(?<who>@?[\p{L}\p{N}_.\-]+)\s+\[(?<t>[^\]]{1,60})\]\s*:?\s*(?<text>.*)$")]
    internal static partial Regex ChatNameFirst();

    [GeneratedRegex(@"^\s*(?<t>\d{1,2}:\d{2}(?::\d{2})?)\s+<(?<who>[^>\s]{1,40})>\s*(?<text>.*)$")]
    internal static partial Regex ChatIrc();

    [GeneratedRegex(@"^(?<prefix>\s*(?:[-*+]\s+|\d{1,3}[.)]\s+)?(?:\*\*|__)?)")]
    internal static partial Regex LinePrefix();

    [GeneratedRegex(@"^\s*(?:[-*+]|\d{1,3}[.)])\s+")]
    internal static partial Regex Bullet();

    [GeneratedRegex(@"^(?:\*\*|__)?\s*(?:[-–—:|,]\s*)?(?:\*\*|__)?\s*")]
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
        var before = sentence[..index];
        var after = sentence[(index + length)..];
        var connector = TrailingConnector().Match(before);
        if (connector.Success)
        {
            before = before[..connector.Index];
        }

        before = before.TrimEnd();
        after = after.TrimStart();
        if (before.Length == 0)
        {
            after = after.TrimStart(',', ':', ';', '-', '–', '—', ' ');
        }
        else if (after.StartsWith(',') && (before.EndsWith(',') || before.Length == 0))
        {
            after = after[1..].TrimStart();
        }

        var joined = before.Length == 0 ? after : after.Length == 0 ? before
            : char.IsPunctuation(after[0]) && after[0] is not '(' and not '"' ? before + after : before + " " + after;
        return Tidy(joined);
    }

    /// <summary>Collapses white space, drops trailing separators and a final period, capitalises the first letter.</summary>
    internal static string Tidy(string text)
    {
        var t = Spaces().Replace(text.Replace('\t', ' '), " ").Trim().TrimEnd(',', ';', ':', '-', '–', '—', ' ');
        if (t.EndsWith('.') && !t.EndsWith("..", StringComparison.Ordinal))
        {
            t = t[..^1].TrimEnd();
        }

        if (t.Length > 0 && char.IsLower(t[0]))
        {
            t = char.ToUpperInvariant(t[0]) + t[1..];
        }

        return t;
    }
}
