using System.Text;
using NodaTime;
using Postmortem.Analysis;

namespace Postmortem.Rendering.Html;

/// <summary>
/// The timeline as an SVG figure: the impact band (impact start to resolution), the key timestamps marked, silent
/// stretches shaded, every event a dot on a UTC axis. Written by hand: rectangles, lines and text on a time axis.
/// </summary>
/// <remarks>Every mark stands for an event or a key timestamp of the analysis; nothing is drawn that the input does not hold.</remarks>
internal static class TimelineSvg
{
    /// <summary>The impact band's fill.</summary>
    public const string BandColour = "#fecaca";

    /// <summary>The fill of a silent stretch.</summary>
    public const string SilenceColour = "#d1d5db";

    /// <summary>The colour of an event dot.</summary>
    public const string EventColour = "#374151";

    private const double Width = 960;
    private const double Left = 16;
    private const double Right = 16;
    private const double LabelRow = 16;
    private const double BandHeight = 64;
    private const double CharWidth = 6.6;

    /// <summary>The key timestamps the figure marks, each with its colour.</summary>
    public static IReadOnlyList<(string Name, string Colour, Func<KeyTimestamps, KeyTimestamp?> Key)> Marks { get; } =
    [
        ("Impact start", "#dc2626", k => k.ImpactStart),
        ("Detection", "#2563eb", k => k.Detection),
        ("Escalation", "#7c3aed", k => k.Escalation),
        ("Communication", "#0891b2", k => k.Communication),
        ("Mitigation", "#ea580c", k => k.Mitigation),
        ("Resolution", "#16a34a", k => k.Resolution),
    ];

    /// <summary>The figure with its legend and caption, or a sentence saying why there is none.</summary>
    public static void Write(HtmlPage page, AnalyzedPostmortem pm)
    {
        if (pm.Timeline.Count == 0)
        {
            page.Note("No timed event in the inputs: there is no timeline to draw.");
            return;
        }

        page.Raw("<figure>\n" + Svg(pm) + "\n");
        var legend = new List<(string, string)> { (BandColour, "impact (impact start to resolution)"), (SilenceColour, "silent stretch: no recorded event") };
        legend.AddRange(Marks.Where(m => m.Key(pm.Keys) is not null).Select(m => (m.Colour, m.Name)));
        legend.Add((EventColour, "an event"));
        page.Legend(legend);
        var unknown = Marks.Where(m => m.Key(pm.Keys) is null).Select(m => m.Name.ToLowerInvariant()).ToList();
        var caption = "Times on the axis are UTC." + (unknown.Count == 0 ? string.Empty : $" Not in the timeline, so not marked: {string.Join(", ", unknown)}.");
        if (pm.Keys.ImpactStart is not null && pm.Keys.Resolution is null)
        {
            caption += " The band runs to the last event because the resolution is unknown.";
        }

        page.Raw("<figcaption>" + HtmlText.Encode(caption) + "</figcaption>\n</figure>\n");
    }

    /// <summary>The SVG element alone.</summary>
    public static string Svg(AnalyzedPostmortem pm)
    {
        var keys = Marks.Select(m => (m.Name, m.Colour, Key: m.Key(pm.Keys))).Where(m => m.Key is not null).Select(m => (m.Name, m.Colour, Key: m.Key!)).ToList();
        var start = pm.Timeline.Min(e => e.Time);
        var end = pm.Timeline.Max(e => e.EndTime is { } e2 && e2 > e.Time ? e2 : e.Time);
        if (end - start < Duration.FromMinutes(10))
        {
            var middle = start + ((end - start) / 2);
            (start, end) = (middle - Duration.FromMinutes(5), middle + Duration.FromMinutes(5));
        }

        var pad = (end - start) / 40;
        var axis = new Axis(start - pad, end + pad);
        var multiDay = axis.From.InUtc().Date != axis.To.InUtc().Date;

        // Key labels in rows: each takes the first row where it does not run into a label already there.
        var rows = new List<List<(double From, double To)>>();
        var labels = new List<(string Text, string Colour, double X, int Row, bool AnchorEnd)>();
        foreach (var (name, colour, key) in keys.OrderBy(k => k.Key.Time))
        {
            var x = axis.X(key.Time);
            var text = $"{name} {Clock(key.Time, multiDay)}";
            var width = text.Length * CharWidth;
            var anchorEnd = x + width > Width - Right;
            var extent = anchorEnd ? (x - width - 4, x) : (x, x + width + 4);
            var row = rows.FindIndex(r => r.All(o => extent.Item2 < o.From || extent.Item1 > o.To));
            if (row < 0)
            {
                rows.Add([]);
                row = rows.Count - 1;
            }

            rows[row].Add(extent);
            labels.Add((text, colour, x, row, anchorEnd));
        }

        var bandTop = (Math.Max(rows.Count, 1) * LabelRow) + 8;
        var bandBottom = bandTop + BandHeight;
        var axisY = bandBottom + 6;
        var height = axisY + 28;
        var b = new StringBuilder();
        b.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {N(Width)} {N(height)}\" role=\"img\" aria-labelledby=\"timeline-title\" font-family=\"system-ui, sans-serif\" font-size=\"11\">");
        b.Append("<title id=\"timeline-title\">Timeline: ").Append(pm.Timeline.Count).Append(pm.Timeline.Count == 1 ? " event" : " events")
            .Append(pm.DurationMinutes is { } d ? $", impact {IncidentProse.Minutes(d)}" : string.Empty).Append("</title>\n");
        b.Append($"<rect x=\"{N(Left)}\" y=\"{N(bandTop)}\" width=\"{N(Width - Left - Right)}\" height=\"{N(BandHeight)}\" fill=\"#f9fafb\"/>\n");

        if (pm.Keys.ImpactStart is { } impact)
        {
            var x1 = axis.X(impact.Time);
            var x2 = pm.Keys.Resolution is { } resolved ? axis.X(resolved.Time) : axis.X(end);
            var title = pm.DurationMinutes is { } minutes ? $"Impact: {IncidentProse.Minutes(minutes)}" : "Impact: resolution unknown";
            b.Append($"<rect class=\"impact\" x=\"{N(Math.Min(x1, x2))}\" y=\"{N(bandTop)}\" width=\"{N(Math.Max(Math.Abs(x2 - x1), 2))}\" height=\"{N(BandHeight)}\" fill=\"{BandColour}\"><title>{title}</title></rect>\n");
        }

        foreach (var silence in pm.Silences)
        {
            var x1 = axis.X(IncidentProse.SilenceStart(silence));
            var x2 = axis.X(silence.After.Time);
            b.Append($"<rect class=\"silence\" x=\"{N(x1)}\" y=\"{N(bandTop + 14)}\" width=\"{N(Math.Max(x2 - x1, 1))}\" height=\"{N(BandHeight - 28)}\" fill=\"{SilenceColour}\">")
                .Append("<title>").Append(HtmlText.Encode($"{IncidentProse.Minutes(silence.Minutes)} with no recorded event")).Append("</title></rect>\n");
        }

        // One dot per pixel column: a timeline of a million events is still a figure of at most a thousand dots.
        var middleY = bandTop + (BandHeight / 2);
        foreach (var column in pm.Timeline.GroupBy(e => (int)Math.Round(axis.X(e.Time))).OrderBy(g => g.Key))
        {
            var first = column.First();
            var more = column.Skip(1).Count();
            if (first.EndTime is { } until && until > first.Time)
            {
                b.Append($"<line x1=\"{column.Key}\" y1=\"{N(middleY)}\" x2=\"{N(axis.X(until))}\" y2=\"{N(middleY)}\" stroke=\"{EventColour}\" stroke-width=\"3\" stroke-opacity=\".5\"/>");
            }

            b.Append($"<circle cx=\"{column.Key}\" cy=\"{N(middleY)}\" r=\"4\" fill=\"{EventColour}\"><title>")
                .Append(HtmlText.Encode(Clock(first.Time, multiDay) + " UTC: " + first.Text + (more > 0 ? $" (and {more} more)" : string.Empty)))
                .Append("</title></circle>\n");
        }

        foreach (var (text, colour, x, row, anchorEnd) in labels)
        {
            var labelY = (row * LabelRow) + 12;
            b.Append($"<line class=\"key\" x1=\"{N(x)}\" y1=\"{N(labelY + 3)}\" x2=\"{N(x)}\" y2=\"{N(bandBottom)}\" stroke=\"{colour}\" stroke-width=\"3\"/>");
            b.Append($"<text x=\"{N(anchorEnd ? x - 4 : x + 4)}\" y=\"{N(labelY)}\" fill=\"{colour}\" font-weight=\"600\"{(anchorEnd ? " text-anchor=\"end\"" : string.Empty)}>{HtmlText.Encode(text)}</text>\n");
        }

        b.Append($"<line x1=\"{N(Left)}\" y1=\"{N(axisY)}\" x2=\"{N(Width - Right)}\" y2=\"{N(axisY)}\" stroke=\"#9ca3af\"/>");
        foreach (var tick in axis.Ticks())
        {
            var x = axis.X(tick);
            b.Append($"<line x1=\"{N(x)}\" y1=\"{N(axisY)}\" x2=\"{N(x)}\" y2=\"{N(axisY + 4)}\" stroke=\"#9ca3af\"/>");
            b.Append($"<text x=\"{N(x)}\" y=\"{N(axisY + 16)}\" fill=\"#4b5563\" text-anchor=\"middle\">{Clock(tick, multiDay)}</text>\n");
        }

        b.Append("</svg>");
        return b.ToString();
    }

    private static string Clock(Instant instant, bool withDate) => instant.InUtc().ToString(withDate ? "MM-dd HH:mm" : "HH:mm", null);

    private static string N(double value) => HtmlPage.Number(value);

    /// <summary>A UTC time axis over the figure's drawing width.</summary>
    private sealed record Axis(Instant From, Instant To)
    {
        // Tick steps in minutes; a longer timeline ticks in whole days.
        private static readonly int[] Steps = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440];

        public double X(Instant t) => Left + ((t - From).TotalMinutes / (To - From).TotalMinutes * (Width - Left - Right));

        public IEnumerable<Instant> Ticks()
        {
            var span = (To - From).TotalMinutes;
            long step = Steps.FirstOrDefault(s => span / s <= 8);
            if (step == 0)
            {
                step = 1440 * (long)Math.Ceiling(span / 8 / 1440);
            }

            var first = (long)Math.Ceiling(From.ToUnixTimeSeconds() / 60.0 / step) * step;
            for (var minute = first; minute * 60 <= To.ToUnixTimeSeconds(); minute += step)
            {
                yield return Instant.FromUnixTimeSeconds(minute * 60);
            }
        }
    }
}
