using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime.Text;
using Postmortem.Rendering;
using Postmortem.Rendering.Markdown;

namespace Postmortem.Store.Reports;

/// <summary>The report of <c>postmortem stats</c> as Markdown, JSON or HTML (<see cref="StatsHtmlWriter"/>): medians and p90s with their coverage, never a bare mean.</summary>
public static class StatsReportWriter
{
    /// <summary>The writers by name: <c>markdown</c> (the default), <c>json</c> and <c>html</c>.</summary>
    public static RendererRegistry<IStatsReportWriter> Writers { get; } =
        new([new Writer("markdown", (r, o) => ActionsReport.Text(o, Markdown(r))), new Writer("json", Json), new StatsHtmlWriter()], w => w.Name);

    /// <summary>The formats <c>--format</c> takes.</summary>
    public static IReadOnlyList<string> Formats => Writers.Names;

    /// <summary>Writes <paramref name="report"/> in <paramref name="format"/>.</summary>
    /// <exception cref="ArgumentException">No format has that name.</exception>
    public static void Write(StatsReport report, string format, Stream output) => Writers.Get(format).Write(report, output);

    private static string Markdown(StatsReport r)
    {
        var b = new StringBuilder("## Postmortem stats\n\n");
        b.Append(Preamble(r)).Append("\n\n");
        if (r.Groups.Count == 0)
        {
            b.Append("No incidents in the index").Append(r.Since is null ? string.Empty : " for this period").Append(": run `postmortem index` first.\n\n");
        }

        foreach (var g in r.Groups)
        {
            b.Append("### ").Append(MarkdownText.Inline(r.By is null ? "All incidents" : $"{r.By}: {g.Key}")).Append(" (").Append(g.Incidents).Append(g.Incidents == 1 ? " incident" : " incidents").Append(")\n\n");
            MarkdownText.Header(b, "Metric", "Median", "p90", "Known for");
            foreach (var m in g.Metrics)
            {
                var known = $"{m.Known} of {m.Total}";
                MarkdownText.Row(b, m.Name, m.MedianMinutes is { } median ? Minutes(median) : "too few to say", m.P90Minutes is { } p90 ? Minutes(p90) : "too few to say", known);
            }

            b.Append('\n');
        }

        var a = r.Actions;
        b.Append("### Action items\n\n");
        b.Append("- ").Append(a.Total).Append(" in all: ").Append(a.Done).Append(" done, ").Append(a.Open).Append(" open, ").Append(a.NotDoing).Append(" not doing\n");
        b.Append("- Completion rate (done of done + open): ").Append(a.CompletionRate is { } rate ? rate.ToString("P0", CultureInfo.InvariantCulture) : "no actions").Append('\n');
        b.Append("- Overdue as of ").Append(LocalDatePattern.Iso.Format(r.AsOf)).Append(": ").Append(a.Overdue).Append('\n');
        foreach (var (owner, count) in a.OverdueByOwner)
        {
            b.Append("  - ").Append(MarkdownText.Inline(owner)).Append(": ").Append(count).Append('\n');
        }

        return b.ToString();
    }

    /// <summary>"12 min".</summary>
    internal static string Minutes(long minutes) => minutes.ToString(CultureInfo.InvariantCulture) + " min";

    /// <summary>The opening sentence of every readable format: the metrics version, the method, the minimum sample and the period.</summary>
    internal static string Preamble(StatsReport r) =>
        $"Metrics v{r.MetricsVersion} (docs/metrics.md): nearest-rank median and p90 in minutes, with how many incidents each is known for; fewer than {Metrics.MinimumSample} known values give no figure."
        + (r.Since is { } since ? $" Incidents since {LocalDatePattern.Iso.Format(since)}." : string.Empty);

    private static void Json(StatsReport r, Stream output)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("metricsVersion", r.MetricsVersion);
        w.WriteNumber("minimumSample", Metrics.MinimumSample);
        w.WriteString("since", r.Since is { } since ? LocalDatePattern.Iso.Format(since) : null);
        w.WriteString("by", r.By);
        w.WriteString("asOf", LocalDatePattern.Iso.Format(r.AsOf));
        w.WriteStartArray("groups");
        foreach (var g in r.Groups)
        {
            w.WriteStartObject();
            w.WriteString("key", g.Key);
            w.WriteNumber("incidents", g.Incidents);
            w.WriteStartArray("metrics");
            foreach (var m in g.Metrics)
            {
                w.WriteStartObject();
                w.WriteString("name", m.Name);
                w.WriteNumber("known", m.Known);
                w.WriteNumber("total", m.Total);
                Number(w, "medianMinutes", m.MedianMinutes);
                Number(w, "p90Minutes", m.P90Minutes);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        var a = r.Actions;
        w.WriteStartObject("actions");
        w.WriteNumber("total", a.Total);
        w.WriteNumber("done", a.Done);
        w.WriteNumber("open", a.Open);
        w.WriteNumber("notDoing", a.NotDoing);
        w.WriteNumber("overdue", a.Overdue);
        if (a.CompletionRate is { } rate)
        {
            w.WriteNumber("completionRate", Math.Round(rate, 4));
        }
        else
        {
            w.WriteNull("completionRate");
        }

        w.WriteStartObject("overdueByOwner");
        foreach (var (owner, count) in a.OverdueByOwner)
        {
            w.WriteNumber(owner, count);
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.Flush();
        output.WriteByte((byte)'\n');
    }

    private static void Number(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary>A format written by one of the methods above.</summary>
    private sealed class Writer(string name, Action<StatsReport, Stream> write) : IStatsReportWriter
    {
        public string Name => name;

        public void Write(StatsReport report, Stream output) => write(report, output);
    }
}
