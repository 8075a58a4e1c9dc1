using NodaTime;
using NodaTime.Text;
using Postmortem.Analysis;
using Postmortem.Model;

namespace Postmortem.Rendering.Markdown;

/// <summary>
/// The front matter of a drafted Markdown record (docs/format.md, "The Markdown record"): the facts the body cannot hold
/// exactly — ids, dates, zone, severity as written, impact facts, team, the exact times and the key timestamps — in the
/// incident file's own keys where it has them, so the document reads back into the same model.
/// </summary>
internal static class RecordFrontMatter
{
    public static string Write(AnalyzedPostmortem pm, IReadOnlyDictionary<string, string> observed)
    {
        var d = pm.Document;
        var w = new FrontMatterWriter();
        w.Plain("id", d.Id);
        w.Plain("type", d.Type == PostmortemType.Project ? "project" : "incident");
        if (d.Type == PostmortemType.Incident)
        {
            w.Plain("date", Date(d.Date));
            w.Plain("timeZone", d.TimeZone.Id);
            w.Text("severity", d.Severity);
            w.Mapping("impact", m =>
            {
                m.Plain("scope", d.Impact.Scope);
                m.Plain("effect", d.Impact.Effect);
                m.Plain("usersAffectedPercent", d.Impact.UsersAffectedPercent);
                m.Plain("dataLoss", d.Impact.DataLoss);
                m.Plain("securityBreach", d.Impact.SecurityBreach);
                m.Plain("workaround", d.Impact.Workaround);
            });
            w.Text("resolution", d.Resolution);
        }

        w.Mapping("team", m =>
        {
            m.Text("context", d.Team.Context);
            m.Text("experience", d.Team.Experience);
            m.Text("onCall", d.Team.OnCall);
            m.Sequence("roster", d.Team.Roster, (r, member) =>
            {
                r.Text("name", member.Name);
                r.Text("role", member.Role);
                r.Sequence("handles", member.Handles);
            });
            m.Mapping("retro", r =>
            {
                r.Plain("cadenceDays", d.Team.RetroCadenceDays);
                r.Plain("anchor", Date(d.Team.RetroAnchor));
            });
        });
        w.Mapping("analysis", m => m.Plain("silenceThresholdMinutes", d.SilenceThresholdMinutes));
        if (d.Project is { } p)
        {
            Project(w, p);
        }

        if (d.Type == PostmortemType.Incident)
        {
            Timeline(w, pm);
            Keys(w, pm);
            w.Mapping("observed", m =>
            {
                foreach (var (phase, hash) in observed)
                {
                    m.Plain(phase, hash);
                }
            });
        }

        w.Mapping("actionLinks", m =>
        {
            foreach (var a in d.Actions.Where(a => a.Effort is not null || a.Factors.Count > 0))
            {
                m.Mapping(a.Id, x =>
                {
                    x.Plain("effort", a.Effort);
                    x.Sequence("factors", a.Factors);
                });
            }
        });
        return w.ToString();
    }

    /// <summary>The UTC date the first row's time is on, and the times the table shows only to the minute.</summary>
    private static void Timeline(FrontMatterWriter w, AnalyzedPostmortem pm)
    {
        if (pm.Timeline.Count == 0)
        {
            return;
        }

        w.Mapping("timeline", m =>
        {
            m.Plain("date", Date(pm.Timeline[0].Time.InUtc().Date));
            // Every time, in row order, of each minute that has one with seconds: the read takes them back in the same order.
            var times = pm.Timeline.SelectMany(e => e.EndTime is { } end ? new[] { e.Time, end } : [e.Time]).ToList();
            var minutes = times.Where(t => t.InUtc() is var utc && (utc.Second != 0 || utc.NanosecondOfSecond != 0)).Select(Minute).ToHashSet();
            var exact = times.Where(t => minutes.Contains(Minute(t))).Select(RecordedKeyTimestamps.Format).ToList();
            m.Sequence("exact", exact, plain: true);
        });
    }

    private static void Keys(FrontMatterWriter w, AnalyzedPostmortem pm)
    {
        var k = pm.Keys;
        w.Mapping("keys", m =>
        {
            Key(m, "impactStart", k.ImpactStart, pm);
            Key(m, "detection", k.Detection, pm);
            m.Plain("detectionMethod", k.DetectionMethod);
            Key(m, "firstCustomerReport", k.FirstCustomerReport, pm);
            Key(m, "escalation", k.Escalation, pm);
            Key(m, "mitigation", k.Mitigation, pm);
            Key(m, "resolution", k.Resolution, pm);
            Key(m, "communication", k.Communication, pm);
        });
    }

    // "none", the instant, or the instant and which row at it ("2023-11-24T12:31:00Z 2") when an earlier row shares it.
    private static void Key(FrontMatterWriter m, string name, KeyTimestamp? key, AnalyzedPostmortem pm)
    {
        if (key is null)
        {
            m.Plain(name, "none");
            return;
        }

        var ordinal = RecordedKeyTimestamps.AtStart(key) ? RecordedKeyTimestamps.Ordinal(key, pm.Timeline) : 1;
        var time = RecordedKeyTimestamps.Format(key.Time);
        m.Plain(name, ordinal == 1 ? time : $"{time} {ordinal}");
    }

    private static void Project(FrontMatterWriter w, ProjectDetails p)
    {
        w.Mapping("period", m =>
        {
            m.Plain("start", Date(p.Start));
            m.Plain("end", Date(p.End));
        });
        w.Sequence("goals", p.Goals, (m, g) =>
        {
            m.Text("goal", g.Name);
            m.Text("target", g.Target);
            m.Text("actual", g.Actual);
            m.Plain("assessment", g.Assessment);
        });
        w.Sequence("milestones", p.Milestones, (m, x) =>
        {
            m.Text("name", x.Name);
            m.Plain("planned", Date(x.Planned));
            m.Plain("actual", Date(x.Actual));
        });
        w.Mapping("delivered", m =>
        {
            foreach (var (key, value) in p.Delivered)
            {
                m.Text(key, value);
            }
        });
        w.Sequence("feedback", p.StakeholderFeedback);
        w.Sequence("doDifferently", p.DoDifferently);
        w.Mapping("lessons", m =>
        {
            m.Sequence("process", p.Lessons.Process);
            m.Sequence("technical", p.Lessons.Technical);
            m.Sequence("people", p.Lessons.People);
            m.Sequence("client", p.Lessons.Client);
        });
        w.Sequence("recommendations", p.Recommendations);
    }

    private static long Minute(Instant t) => Math.DivRem(t.ToUnixTimeTicks(), NodaConstants.TicksPerMinute, out var rest) - (rest < 0 ? 1 : 0);

    private static string? Date(LocalDate? date) => date is { } value ? LocalDatePattern.Iso.Format(value) : null;
}
