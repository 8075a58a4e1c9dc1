using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Postmortem.Diagnostics;
using Postmortem.Ingest.Exports;
using Postmortem.Ingest.Notes;

namespace Postmortem.Cli;

/// <summary>
/// The one place option values are checked. Each typed option parses its own text, so a bad value becomes a
/// parse error (PM0301, exit 2) before any command runs — never an exception, whatever the value.
/// </summary>
internal static class OptionValues
{
    /// <summary>A meeting length in whole minutes, from 7 to 600.</summary>
    public static Option<int> Minutes(string name, string description, int defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = r => ParseValue<int>(r, name, "a whole number of minutes from 7 to 600", text =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 7 and <= 600 ? n : null) ?? 0,
    };

    /// <summary>A file path: not empty, no NUL.</summary>
    public static Option<string?> FilePath(string name, string description, params string[] aliases) => new(name, aliases)
    {
        Description = description,
        CustomParser = r => Parse<string>(r, name, "a file path", text => IsPath(text) ? text : null),
    };

    /// <summary>A number of days ahead: <c>7</c>, <c>7d</c> or <c>2w</c>, up to ten years.</summary>
    public static Option<int?> Days(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = r => ParseValue<int>(r, name, "a number of days such as 7d or 2w", text =>
        {
            var weeks = text.EndsWith('w');
            var digits = text.TrimEnd('d', 'w');
            return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 3660 && (!weeks || n <= 522) ? (weeks ? n * 7 : n) : null;
        }),
    };

    /// <summary>A zone: an IANA id or UTC.</summary>
    public static Option<DateTimeZone?> Zone(string name, string description, string example) => new(name)
    {
        Description = description,
        CustomParser = r => Parse(r, name, $"an IANA zone id such as {example}, or UTC", ZoneAbbreviations.ResolveZone),
    };

    /// <summary>A calendar date, YYYY-MM-DD.</summary>
    public static Option<LocalDate?> Date(string name, string description, string example) => new(name)
    {
        Description = description,
        CustomParser = r => ParseValue<LocalDate>(r, name, $"a date such as {example} (years 2 to 9998)", text =>
            LocalDatePattern.Iso.Parse(text) is { Success: true } p && Postmortem.Model.DateRange.Contains(p.Value) ? p.Value : null),
    };

    /// <summary>An ISO 8601 date-time, with or without an offset (<see cref="Instants"/> resolves one written without).</summary>
    public static Option<ExportInstant?> Time(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = r => ParseValue(r, name, "an ISO 8601 time such as 2023-11-24T12:00:00Z", ParseTime),
    };

    /// <summary>Adds the check that exactly one of two switches is given.</summary>
    public static void ExactlyOne(Command command, Option<bool> a, Option<bool> b) =>
        command.Validators.Add(r =>
        {
            if (r.GetValue(a) == r.GetValue(b))
            {
                var message = DiagnosticCatalog.InvalidArgument($"{a.Name}/{b.Name}", r.GetValue(a) ? "both" : "neither", $"exactly one of {a.Name} or {b.Name}").Message;
                ((SymbolResult?)r.GetResult(b) ?? r).AddError(message);
            }
        });

    /// <summary>
    /// Adds the check of a window's two ends to <paramref name="command"/>: a time written without an offset
    /// needs <paramref name="zone"/> to be read in, and the start may not be later than the end.
    /// </summary>
    public static void CheckWindow(Command command, Option<ExportInstant?> from, Option<ExportInstant?> to, Option<DateTimeZone?> zone) =>
        command.Validators.Add(r =>
        {
            // Values that did not parse were reported by their own parser (and GetValue would throw on them).
            ExportInstant? start0 = null, end0 = null;
            DateTimeZone? zone0 = null;
            if ((r.GetResult(from) is not null && (start0 = ParseTime(Text(r, from))) is null)
                || (r.GetResult(to) is not null && (end0 = ParseTime(Text(r, to))) is null)
                || (r.GetResult(zone) is not null && (zone0 = ZoneAbbreviations.ResolveZone(Text(r, zone))) is null))
            {
                return;
            }

            var (start, end) = Instants(start0, end0, zone0, out var problem);
            if (problem is not null)
            {
                ((SymbolResult?)r.GetResult(from) ?? r.GetResult(to) ?? (SymbolResult)r).AddError(problem);
            }
            else if (start > end)
            {
                r.GetResult(from)!.AddError(DiagnosticCatalog.InvalidArgument(from.Name, Text(r, from), $"a start no later than {to.Name} '{Text(r, to)}'").Message);
            }
        });

    /// <summary>The window's ends as instants: a time written without an offset is read in <paramref name="zone"/>, and refused when none was given.</summary>
    public static (Instant? From, Instant? To) Instants(ExportInstant? from, ExportInstant? to, DateTimeZone? zone, out string? problem)
    {
        problem = null;
        var start = Resolve(from, zone, "--from", ref problem);
        var end = Resolve(to, zone, "--to", ref problem);
        return (start, end);
    }

    private static Instant? Resolve(ExportInstant? time, DateTimeZone? zone, string name, ref string? problem)
    {
        if (time is not { } t)
        {
            return null;
        }

        if (t.OffsetWritten)
        {
            return t.Instant;
        }

        if (zone is null)
        {
            problem ??= DiagnosticCatalog.InvalidArgument(name, LocalDateTimePattern.GeneralIso.Format(t.Instant.InUtc().LocalDateTime),
                "a time with an offset (2023-11-24T12:00:00Z, …-05:00), or --tz to say the zone it is written in").Message;
            return null;
        }

        // ExportTime read the wall-clock time as UTC; read the same wall-clock time in the zone instead.
        return t.Instant.InUtc().LocalDateTime.InZoneLeniently(zone).ToInstant();
    }

    private static string Text(CommandResult r, Option option) =>
        r.GetResult(option) is { Tokens: [.., var last] } ? last.Value : string.Empty;

    private static ExportInstant? ParseTime(string text) =>
        text.Trim().Length > 10 && ExportTime.TryIso(text, out var t) && Postmortem.Model.DateRange.Contains(t.Instant.InUtc().Date) ? t : null;

    private static bool IsPath(string text) => !string.IsNullOrWhiteSpace(text) && !text.Contains('\0', StringComparison.Ordinal);

    private static T? Parse<T>(ArgumentResult r, string name, string expected, Func<string, T?> parse)
        where T : class
    {
        var text = r.Tokens.Count > 0 ? r.Tokens[^1].Value : string.Empty;
        if (parse(text) is { } value)
        {
            return value;
        }

        r.AddError(DiagnosticCatalog.InvalidArgument(name, text, expected).Message);
        return null;
    }

    private static T? ParseValue<T>(ArgumentResult r, string name, string expected, Func<string, T?> parse)
        where T : struct
    {
        var text = r.Tokens.Count > 0 ? r.Tokens[^1].Value : string.Empty;
        if (parse(text) is { } value)
        {
            return value;
        }

        r.AddError(DiagnosticCatalog.InvalidArgument(name, text, expected).Message);
        return null;
    }
}
