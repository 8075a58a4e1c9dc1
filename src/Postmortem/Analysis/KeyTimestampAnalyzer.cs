using NodaTime;
using Postmortem.Diagnostics;
using Postmortem.Model;

namespace Postmortem.Analysis;

/// <summary>Finds the seed's key timestamps, the gaps between them and silent stretches in a classified timeline.</summary>
/// <remarks>The rules are stated in docs/analysis.md, "Key timestamps"; each result names its rule.</remarks>
public static class KeyTimestampAnalyzer
{
    /// <summary>Applies the key-timestamp rules to a timeline sorted by time.</summary>
    public static KeyTimestamps Find(IReadOnlyList<TimelineEvent> timeline)
    {
        KeyTimestamp? First(string rule, params EventKind[] kinds) =>
            timeline.FirstOrDefault(e => kinds.Contains(e.Kind)) is { } e ? new KeyTimestamp(e.Time, rule, e) : null;

        var alertOrPage = First("first alert or page", EventKind.Alert, EventKind.Page);
        var noticed = timeline.FirstOrDefault(e => e.Kind == EventKind.Impact && e.Actor is { } a && a != "Customer");
        var customer = First("first customer report", EventKind.CustomerReport);

        KeyTimestamp? detection;
        string? method;
        if (alertOrPage is not null)
        {
            detection = alertOrPage;
            method = alertOrPage.Event.Kind == EventKind.Alert ? "automated alert" : "page";
        }
        else if (noticed is not null)
        {
            detection = new KeyTimestamp(noticed.Time, "first impact observed by the team (no alert or page)", noticed);
            method = "engineer noticed";
        }
        else if (customer is not null)
        {
            detection = customer with { Rule = "first customer report (no alert, page or internal observation)" };
            method = "customer report";
        }
        else
        {
            detection = null;
            method = null;
        }

        var impact = First("first impact observation or customer report", EventKind.Impact, EventKind.CustomerReport)
            ?? (detection is null ? null : detection with { Rule = "detection (no earlier impact observation or customer report)" });

        var resolution = timeline.LastOrDefault(e => e.Kind == EventKind.Resolution) is { } r
            ? new KeyTimestamp(r.Time, "last resolution event (fix confirmed, stable, resolved)", r)
            : null;

        return new KeyTimestamps
        {
            ImpactStart = impact,
            Detection = detection,
            DetectionMethod = method,
            FirstCustomerReport = customer,
            Escalation = First("first escalation (someone beyond the first responder involved)", EventKind.Escalation),
            Mitigation = First("first mitigation (rollback, failover, flag off, …)", EventKind.Mitigation),
            Resolution = resolution,
            Communication = First("first customer or stakeholder communication", EventKind.Communication),
        };
    }

    /// <summary>The gaps of seed step 2 plus the communication gaps of the worked example.</summary>
    public static IReadOnlyList<Gap> Gaps(KeyTimestamps k) =>
    [
        Between("detection-to-escalation", "Detection to escalation", k.Detection, k.Escalation),
        Between("escalation-to-mitigation", "Escalation to mitigation", k.Escalation, k.Mitigation),
        Between("detection-to-communication", "Detection to first communication", k.Detection, k.Communication),
        Between("first-report-to-communication", "First customer report to first communication", k.FirstCustomerReport, k.Communication),
        Between("impact-to-detection", "Impact start to detection", k.ImpactStart, k.Detection),
        Between("mitigation-to-resolution", "Mitigation to resolution", k.Mitigation, k.Resolution),
    ];

    /// <summary>Whole minutes from <paramref name="from"/> to <paramref name="to"/>, or null when either is unknown.</summary>
    public static long? Minutes(KeyTimestamp? from, KeyTimestamp? to) =>
        from is null || to is null ? null : (long)Math.Floor((to.Time - from.Time).TotalMinutes);

    /// <summary>Silences longer than <paramref name="thresholdMinutes"/> between impact start and resolution.</summary>
    public static IReadOnlyList<SilentStretch> Silences(IReadOnlyList<TimelineEvent> timeline, KeyTimestamps k, int thresholdMinutes)
    {
        var start = k.ImpactStart?.Time ?? (timeline.Count > 0 ? timeline[0].Time : default);
        var end = k.Resolution?.Time ?? (timeline.Count > 0 ? timeline[^1].Time : default);
        var inWindow = timeline.Where(e => e.Time >= start && e.Time <= end).ToList();
        var result = new List<SilentStretch>();
        var covered = start;
        for (var i = 1; i < inWindow.Count; i++)
        {
            // A written range ("07:33–07:51 investigating") accounts for the time it spans.
            var previousEnd = inWindow[i - 1].EndTime is { } e && e > inWindow[i - 1].Time ? e : inWindow[i - 1].Time;
            covered = previousEnd > covered ? previousEnd : covered;
            var minutes = (long)Math.Floor((inWindow[i].Time - covered).TotalMinutes);
            if (minutes > thresholdMinutes)
            {
                result.Add(new SilentStretch(inWindow[i - 1], inWindow[i], minutes));
            }
        }

        return result;
    }

    /// <summary>Diagnostics for key timestamps in an impossible order (never clamped).</summary>
    public static IEnumerable<Diagnostic> OrderDiagnostics(KeyTimestamps k, string file)
    {
        var sequence = new (string Name, KeyTimestamp? Value)[]
        {
            ("detection", k.Detection), ("escalation", k.Escalation), ("mitigation", k.Mitigation), ("resolution", k.Resolution),
        };
        var known = sequence.Where(s => s.Value is not null).ToList();
        for (var i = 1; i < known.Count; i++)
        {
            if (known[i].Value!.Time < known[i - 1].Value!.Time)
            {
                yield return DiagnosticCatalog.KeyTimesOutOfOrder(file, known[i - 1].Name, Format(known[i - 1].Value!.Time), known[i].Name, Format(known[i].Value!.Time));
            }
        }
    }

    private static string Format(Instant instant) => instant.ToString("uuuu-MM-dd'T'HH:mm'Z'", null);

    private static Gap Between(string name, string label, KeyTimestamp? from, KeyTimestamp? to) => new(name, label, Minutes(from, to), from, to);
}
