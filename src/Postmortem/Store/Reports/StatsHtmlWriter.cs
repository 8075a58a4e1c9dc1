using System.Globalization;
using System.Text;
using NodaTime.Text;
using Postmortem.Rendering;
using Postmortem.Rendering.Html;

namespace Postmortem.Store.Reports;

/// <summary>
/// The <c>html</c> format of <c>postmortem stats</c>: one standalone page with each metric's distribution as a strip
/// plot (every known incident a dot, the median and p90 marked where the sample is large enough) and its monthly
/// trend, beside the same tables the Markdown report has. SVG written by hand (docs/cli.md says why).
/// </summary>
internal sealed class StatsHtmlWriter : IStatsReportWriter
{
    /// <summary>The colour of an incident's dot.</summary>
    public const string DotColour = "#2563eb";

    /// <summary>The colour of the median mark and line.</summary>
    public const string MedianColour = "#111827";

    /// <summary>The colour of the p90 mark and line.</summary>
    public const string P90Colour = "#dc2626";

    private const string Muted = "#9ca3af";
    private const double Width = 960;
    private const double PlotLeft = 240;
    private const double PlotRight = 936;
    private const double StripRow = 64;

    /// <inheritdoc/>
    public string Name => "html";

    /// <inheritdoc/>
    public void Write(StatsReport report, Stream output) =>
        TextOutput.Write(output, w =>
        {
            var page = new HtmlPage(w, "Postmortem stats");
            page.Heading(1, "Postmortem stats");
            page.Note(StatsReportWriter.Preamble(report));
            if (report.Groups.Count == 0)
            {
                page.Paragraph("No incidents in the index" + (report.Since is null ? string.Empty : " for this period") + ": run postmortem index first.");
            }
            else
            {
                Distributions(page, report);
                Trends(page, report);
            }

            Actions(page, report);
            page.End($"Metrics v{report.MetricsVersion}, as of {LocalDatePattern.Iso.Format(report.AsOf)}; drawn by postmortem from its index.");
        });

    private static void Distributions(HtmlPage page, StatsReport r)
    {
        page.Heading(2, "Response times");
        page.Legend([(DotColour, "one incident"), (MedianColour, "median"), (P90Colour, "p90 (dashed)"), (Muted, $"fewer than {Metrics.MinimumSample} known: no figure")]);
        foreach (var g in r.Groups)
        {
            page.Heading(3, (r.By is null ? "All incidents" : $"{r.By}: {g.Key}") + $" ({g.Incidents} {(g.Incidents == 1 ? "incident" : "incidents")})");
            page.Raw("<figure>" + StripPlot(g) + "</figure>\n");
            page.TableStart(("Metric", 40), ("Median", 20), ("p90", 20), ("Known for", 20));
            foreach (var m in g.Metrics)
            {
                page.Row(m.Name, Figure(m.MedianMinutes), Figure(m.P90Minutes), $"{m.Known} of {m.Total}");
            }

            page.TableEnd();
        }
    }

    /// <summary>One row per metric: each known value a dot on the metric's own minute axis, the median and p90 as lines when the sample allows them.</summary>
    private static string StripPlot(StatsGroup g)
    {
        var height = (g.Metrics.Count * StripRow) + 8;
        var b = Open(height, $"Distribution of response times, {g.Incidents} incidents");
        for (var row = 0; row < g.Metrics.Count; row++)
        {
            var m = g.Metrics[row];
            var top = (row * StripRow) + 4;
            var middle = top + 24;
            var enough = m.MedianMinutes is not null;
            Text(b, 8, top + 16, m.Name, "600", MedianColour);
            Text(b, 8, top + 31, $"known for {m.Known} of {m.Total}", null, "#4b5563");
            Text(b, 8, top + 46, enough ? $"median {StatsReportWriter.Minutes(m.MedianMinutes!.Value)}, p90 {StatsReportWriter.Minutes(m.P90Minutes!.Value)}" : "too few to say", null, enough ? "#4b5563" : Muted);
            b.Append($"<line x1=\"{N(PlotLeft)}\" y1=\"{N(top + 44)}\" x2=\"{N(PlotRight)}\" y2=\"{N(top + 44)}\" stroke=\"#e5e7eb\"/>");
            if (m.Values.Count == 0)
            {
                Text(b, PlotLeft, middle + 4, "no incident knows both timestamps", null, Muted);
                continue;
            }

            var max = NiceMax(m.Values[^1]);
            double X(long v) => PlotLeft + (v / max * (PlotRight - PlotLeft));
            foreach (var tick in Ticks(max))
            {
                Text(b, X(tick), top + 56, StatsReportWriter.Minutes(tick), null, "#6b7280", "middle");
            }

            // Jitter by rank (deterministic) so that equal values stay visible; one dot per pixel column and lane.
            foreach (var dot in m.Values.Select((v, i) => (X: (int)Math.Round(X(v)), Lane: i % 5, Value: v)).DistinctBy(d => (d.X, d.Lane)))
            {
                b.Append($"<circle cx=\"{dot.X}\" cy=\"{N(middle - 12 + (dot.Lane * 5))}\" r=\"3.5\" fill=\"{(enough ? DotColour : "none")}\" stroke=\"{(enough ? DotColour : Muted)}\" fill-opacity=\".55\"><title>{StatsReportWriter.Minutes(dot.Value)}</title></circle>");
            }

            if (enough)
            {
                Mark(b, X(m.MedianMinutes!.Value), middle, MedianColour, null, "median");
                Mark(b, X(m.P90Minutes!.Value), middle, P90Colour, "5 3", "p90");
            }

            b.Append('\n');
        }

        return b.Append("</svg>").ToString();
    }

    private static void Trends(HtmlPage page, StatsReport r)
    {
        page.Heading(2, "Monthly trend");
        var months = Months(r.Monthly);
        var undated = r.Monthly.Where(g => !months.Any(m => m.Key == g.Key)).Sum(g => g.Incidents);
        if (months.Count == 0)
        {
            page.Note("No incident has a date: there is no monthly trend to draw.");
            return;
        }

        page.Note($"Median and p90 per month; a month with fewer than {Metrics.MinimumSample} known values has no point (its coverage is printed under it)."
            + (undated > 0 ? $" {undated} incidents without a date are not in the trend." : string.Empty));
        page.Legend([(MedianColour, "median"), (P90Colour, "p90 (dashed)"), (Muted, "too few to say")]);
        for (var i = 0; i < Metrics.All.Count; i++)
        {
            page.Heading(3, Metrics.All[i].Name);
            page.Raw("<figure>" + TrendChart(months, i) + "</figure>\n");
        }
    }

    /// <summary>Every month from the first to the last with incidents, those without any as empty groups, so the axis spaces months evenly.</summary>
    private static List<(string Key, StatsGroup? Group)> Months(IReadOnlyList<StatsGroup> monthly)
    {
        var pattern = YearMonthPattern.CreateWithInvariantCulture("uuuu-MM");
        var dated = monthly.Select(g => (Group: g, Parsed: pattern.Parse(g.Key))).Where(p => p.Parsed.Success).ToDictionary(p => p.Parsed.Value, p => p.Group);
        if (dated.Count == 0)
        {
            return [];
        }

        var result = new List<(string, StatsGroup?)>();
        for (var month = dated.Keys.Min(); month <= dated.Keys.Max() && result.Count < 1200; month = month.PlusMonths(1))
        {
            result.Add((pattern.Format(month), dated.GetValueOrDefault(month)));
        }

        return result;
    }

    private static string TrendChart(List<(string Key, StatsGroup? Group)> months, int metric)
    {
        const double left = 64, right = 936, top = 14, bottom = 120;
        var summaries = months.Select(m => m.Group?.Metrics[metric]).ToList();
        var max = NiceMax(summaries.Max(s => s?.P90Minutes ?? 0));
        var step = (right - left) / months.Count;
        double X(int i) => left + (step * (i + 0.5));
        double Y(long v) => bottom - (v / max * (bottom - top));
        var b = Open(168, $"Monthly median and p90 of {Metrics.All[metric].Name}");
        foreach (var tick in Ticks(max))
        {
            b.Append($"<line x1=\"{N(left)}\" y1=\"{N(Y(tick))}\" x2=\"{N(right)}\" y2=\"{N(Y(tick))}\" stroke=\"#e5e7eb\"/>");
            Text(b, left - 6, Y(tick) + 4, StatsReportWriter.Minutes(tick), null, "#6b7280", "end");
        }

        Series(b, summaries, s => s?.P90Minutes, X, Y, P90Colour, "5 3");
        Series(b, summaries, s => s?.MedianMinutes, X, Y, MedianColour, null);
        var every = (int)Math.Ceiling(months.Count / 16.0);
        for (var i = 0; i < months.Count; i++)
        {
            var s = summaries[i];
            if (s is { MedianMinutes: null, Known: > 0 })
            {
                b.Append($"<circle cx=\"{N(X(i))}\" cy=\"{N(bottom)}\" r=\"3.5\" fill=\"none\" stroke=\"{Muted}\"><title>{HtmlText.Encode(months[i].Key)}: too few to say</title></circle>");
            }

            if (i % every == 0)
            {
                Text(b, X(i), bottom + 18, months[i].Key, null, "#374151", "middle");
                Text(b, X(i), bottom + 33, s is null ? "0" : $"{s.Known}/{s.Total}", null, Muted, "middle");
            }
        }

        if (summaries.All(s => s?.MedianMinutes is null))
        {
            Text(b, left + 8, top + 14, $"No month has {Metrics.MinimumSample} known values yet: too few to say.", null, "#4b5563");
        }

        return b.Append("</svg>").ToString();
    }

    /// <summary>Points of one figure per month, joined where two neighbouring months both have one; a month without breaks the line.</summary>
    private static void Series(StringBuilder b, List<MetricSummary?> summaries, Func<MetricSummary?, long?> value, Func<int, double> x, Func<long, double> y, string colour, string? dash)
    {
        for (var i = 0; i < summaries.Count; i++)
        {
            if (value(summaries[i]) is not { } v)
            {
                continue;
            }

            if (i > 0 && value(summaries[i - 1]) is { } previous)
            {
                b.Append($"<line x1=\"{N(x(i - 1))}\" y1=\"{N(y(previous))}\" x2=\"{N(x(i))}\" y2=\"{N(y(v))}\" stroke=\"{colour}\" stroke-width=\"2\"{(dash is null ? string.Empty : $" stroke-dasharray=\"{dash}\"")}/>");
            }

            b.Append($"<circle cx=\"{N(x(i))}\" cy=\"{N(y(v))}\" r=\"4\" fill=\"{colour}\"><title>{StatsReportWriter.Minutes(v)}</title></circle>");
        }
    }

    private static void Actions(HtmlPage page, StatsReport r)
    {
        var a = r.Actions;
        page.Heading(2, "Action items");
        page.Facts(
        [
            ("In all", $"{a.Total}: {a.Done} done, {a.Open} open, {a.NotDoing} not doing"),
            ("Completion rate (done of done + open)", a.CompletionRate is { } rate ? rate.ToString("P0", CultureInfo.InvariantCulture) : "no actions"),
            ("Overdue as of " + LocalDatePattern.Iso.Format(r.AsOf), a.Overdue.ToString(CultureInfo.InvariantCulture)),
        ]);
        if (a.OverdueByOwner.Count > 0)
        {
            page.TableStart(("Owner", 70), ("Overdue", 30));
            foreach (var (owner, count) in a.OverdueByOwner)
            {
                page.Row(owner, count.ToString(CultureInfo.InvariantCulture));
            }

            page.TableEnd();
        }
    }

    private static StringBuilder Open(double height, string title) =>
        new StringBuilder($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {N(Width)} {N(height)}\" role=\"img\" font-family=\"system-ui, sans-serif\" font-size=\"11\">")
            .Append("<title>").Append(HtmlText.Encode(title)).Append("</title>\n");

    private static void Mark(StringBuilder b, double x, double middle, string colour, string? dash, string name) =>
        b.Append($"<line x1=\"{N(x)}\" y1=\"{N(middle - 18)}\" x2=\"{N(x)}\" y2=\"{N(middle + 18)}\" stroke=\"{colour}\" stroke-width=\"3\"{(dash is null ? string.Empty : $" stroke-dasharray=\"{dash}\"")}><title>{name}</title></line>");

    private static void Text(StringBuilder b, double x, double y, string text, string? weight, string colour, string? anchor = null) =>
        b.Append($"<text x=\"{N(x)}\" y=\"{N(y)}\" fill=\"{colour}\"")
            .Append(weight is null ? string.Empty : $" font-weight=\"{weight}\"")
            .Append(anchor is null ? string.Empty : $" text-anchor=\"{anchor}\"")
            .Append('>').Append(HtmlText.Encode(text)).Append("</text>");

    private static string? Figure(long? minutes) => minutes is { } m ? StatsReportWriter.Minutes(m) : "too few to say";

    /// <summary>The smallest 1, 2 or 5 × 10ⁿ at or above <paramref name="value"/> (at least 1): the top of an axis.</summary>
    private static double NiceMax(long value)
    {
        double nice = 1;
        while (nice < value)
        {
            nice = nice.ToString(CultureInfo.InvariantCulture)[0] switch { '1' => nice * 2, '2' => nice * 2.5, _ => nice * 2 };
        }

        return nice;
    }

    /// <summary>Ticks from 0 to <paramref name="max"/> (1, 2 or 5 × 10ⁿ) at whole, round minutes: fifths of a 5, quarters of a 1 or 2.</summary>
    private static IEnumerable<long> Ticks(double max)
    {
        var top = (long)max;
        var divisions = Math.Min(top, top.ToString(CultureInfo.InvariantCulture)[0] == '5' ? 5 : 4);
        return Enumerable.Range(0, (int)divisions + 1).Select(i => top * i / divisions);
    }

    private static string N(double value) => HtmlPage.Number(value);
}
