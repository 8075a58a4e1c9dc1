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
    /// <summary>The version of the JSON shape (docs/metrics.md, "The JSON shape"): 2 added recurring factors and repeat incidents.</summary>
    public const int FormatVersion = 2;

    /// <summary>The writers by name: <c>markdown</c> (the default), <c>json</c> and <c>html</c>.</summary>
    public static RendererRegistry<IStatsReportWriter> Writers { get; } =
        new([new Writer("markdown", (r, o) => TextOutput.Write(o, w => Markdown(r, w))), new Writer("json", Json), new StatsHtmlWriter()], w => w.Name);

    /// <summary>The formats <c>--format</c> takes.</summary>
    public static IReadOnlyList<string> Formats => Writers.Names;

    /// <summary>Writes <paramref name="report"/> in <paramref name="format"/>.</summary>
    /// <exception cref="ArgumentException">No format has that name.</exception>
    public static void Write(StatsReport report, string format, Stream output) => Writers.Get(format).Write(report, output);

    // Written as it is made, a few kilobytes at a time (issue 10: at 100,000 postmortems the report is 44 MB, and holding it whole
    // took stats past 256 MB).
    private static void Markdown(StatsReport r, TextWriter output)
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

        RecurringMarkdown(b, r, output);
        RepeatsMarkdown(b, r, output);
        Spill(b, output, 0);
    }

    // Moves what the builder holds to the writer once it holds more than a few kilobytes.
    private static void Spill(StringBuilder b, TextWriter output, int threshold = 1 << 14)
    {
        if (b.Length > threshold)
        {
            output.Write(b);
            b.Clear();
        }
    }

    private static void RecurringMarkdown(StringBuilder b, StatsReport r, TextWriter output)
    {
        b.Append("\n### Recurring contributing factors\n\n");
        b.Append("Factors of two or more incidents grouped as one cause (method v").Append(r.FactorMethodVersion).Append(", docs/metrics.md); the label is the member most like the others.\n\n");
        if (r.RecurringFactors.Count == 0)
        {
            b.Append("None: no factor text of one incident is like one of another.\n");
            return;
        }

        foreach (var g in r.RecurringFactors)
        {
            b.Append(g.Number).Append(". ").Append(MarkdownText.Inline(g.Label)).Append(" — ").Append(g.Incidents).Append(" incidents, ").Append(g.Occurrences.Count)
                .Append(" factors (shared: ").Append(MarkdownText.Inline(string.Join(", ", g.Terms))).Append(")\n");
            foreach (var o in g.Occurrences)
            {
                b.Append("   - ").Append(Incident(o.Incident)).Append(": ").Append(MarkdownText.Inline(o.Text)).Append('\n');
                Spill(b, output);
            }
        }
    }

    private static void RepeatsMarkdown(StringBuilder b, StatsReport r, TextWriter output)
    {
        b.Append("\n### Repeat incidents: fixed, and it came back\n\n");
        b.Append("A later incident that shares a service or a recurring-factor group with an earlier one whose actions were all closed (one done at least).\n\n");
        if (r.Repeats.Count == 0)
        {
            b.Append("None.\n");
            return;
        }

        foreach (var x in r.Repeats)
        {
            var why = x.Services.Select(s => "service " + s).Concat(x.FactorGroups.Select(g => "factor group " + g.ToString(CultureInfo.InvariantCulture)));
            b.Append("- ").Append(Incident(x.Later)).Append(" came back after ").Append(Incident(x.Earlier)).Append(" (its actions closed: ").Append(x.EarlierDone).Append(" done")
                .Append(x.EarlierActions > x.EarlierDone ? $", {x.EarlierActions - x.EarlierDone} not doing" : string.Empty).Append("): ").Append(MarkdownText.Inline(string.Join(", ", why))).Append('\n');
            Spill(b, output);
        }
    }

    private static string Incident(IncidentRef i) =>
        MarkdownText.Inline($"{i.Date ?? "no date"} {i.Title ?? i.Id ?? i.Path}") + " (`" + MarkdownText.Inline(i.Path).Replace("`", "'", StringComparison.Ordinal) + "`)";


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
        w.WriteNumber("formatVersion", FormatVersion);
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
        RecurringJson(w, r);
        RepeatsJson(w, r);
        w.WriteEndObject();
        w.Flush();
        output.WriteByte((byte)'\n');
    }

    // The writer holds what it wrote until it is flushed: at 100,000 postmortems the JSON is 100 MB.
    private static void FlushSome(Utf8JsonWriter w)
    {
        if (w.BytesPending > 1 << 16)
        {
            w.Flush();
        }
    }

    private static void RecurringJson(Utf8JsonWriter w, StatsReport r)
    {
        w.WriteStartObject("recurringFactors");
        w.WriteString("methodVersion", r.FactorMethodVersion);
        w.WriteStartArray("groups");
        foreach (var g in r.RecurringFactors)
        {
            w.WriteStartObject();
            w.WriteNumber("number", g.Number);
            w.WriteString("label", g.Label);
            Strings(w, "terms", g.Terms);
            w.WriteNumber("incidents", g.Incidents);
            w.WriteStartArray("factors");
            foreach (var o in g.Occurrences)
            {
                w.WriteStartObject();
                IncidentJson(w, "incident", o.Incident);
                w.WriteString("category", o.Category);
                w.WriteString("text", o.Text);
                w.WriteEndObject();
                FlushSome(w);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void RepeatsJson(Utf8JsonWriter w, StatsReport r)
    {
        w.WriteStartArray("repeats");
        foreach (var x in r.Repeats)
        {
            w.WriteStartObject();
            IncidentJson(w, "earlier", x.Earlier);
            IncidentJson(w, "later", x.Later);
            Strings(w, "services", x.Services);
            w.WriteStartArray("factorGroups");
            foreach (var g in x.FactorGroups)
            {
                w.WriteNumberValue(g);
            }

            w.WriteEndArray();
            w.WriteNumber("earlierActions", x.EarlierActions);
            w.WriteNumber("earlierDone", x.EarlierDone);
            w.WriteEndObject();
            FlushSome(w);
        }

        w.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static void IncidentJson(Utf8JsonWriter w, string name, IncidentRef i)
    {
        w.WriteStartObject(name);
        w.WriteString("path", i.Path);
        w.WriteString("id", i.Id);
        w.WriteString("title", i.Title);
        w.WriteString("date", i.Date);
        w.WriteEndObject();
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
