using System.Globalization;
using NodaTime;
using Postmortem.Analysis;
using Postmortem.Ingest.Notes;
using Postmortem.Model;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Eighteenth session (s18-rfix): a review of s18-fresh14's rules and the lead's two changes with ordinary sentences of our
/// own that the rules could misread (docs/accuracy.md, "eighteenth session: review of s18-fresh14's rules").
/// </summary>
public sealed class ReviewFresh14Tests
{
    private static string Hm(KeyTimestamp? key) => key!.Time.ToString("HH:mm", null);

    [Theory]
    // A monitor's UP: not the UP inside a word or a compound, nor a rise.
    [InlineData("DB-2 BACKUP FAILED AT 02:00", "resolution", false)]
    [InlineData("SIGN-UP ERRORS ON CHECKOUT", "resolution", false)]
    [InlineData("FOLLOW-UP: CHECK THE LOGS", "resolution", false)]
    [InlineData("CLEANUP JOB STUCK ON NODE 4", "resolution", false)]
    [InlineData("SCALE UP THE WORKERS NOW", "resolution", false)]
    [InlineData("PICK UP THE PAGER PLEASE", "resolution", false)]
    [InlineData("Latency is UP 300ms since the deploy", "resolution", false)]
    [InlineData("Error rate is UP sharply on eu-west", "resolution", false)]
    [InlineData("Queue depth was UP to 40k", "resolution", false)]
    [InlineData("ALERT: LATENCY UP 40%", "resolution", false)]
    [InlineData("api.example.com is UP", "resolution", true)]
    [InlineData("Monitor: UP (was down 12m)", "resolution", true)]
    // Sessions or ports shut down by the fault are impact, not our isolation.
    [InlineData("All user sessions were shut down by the fault", "mitigation", false)]
    [InlineData("The crash shut down all BGP sessions", "mitigation", false)]
    [InlineData("The power failure shut down the core switch ports", "mitigation", false)]
    // "need you" said to customers is an instruction to them, not a call for help.
    [InlineData("We need you to clear your browser cache and sign in again", "escalation", false)]
    [InlineData("@sam need you on the bridge", "escalation", true)]
    // A verb's -s form after its object: an automatic failover is still an action taken.
    [InlineData("Traffic fails over to the secondary region", "mitigation", true)]
    [InlineData("We shut down the sessions to the bad peer", "mitigation", true)]
    [InlineData("The BGP sessions were shut down by the on-call", "mitigation", true)]
    [InlineData("Getting the standby database ready", "mitigation", false)]
    // A verb with -s followed by a participle and a longer object is still the action.
    [InlineData("The on-call restarts stuck worker pods", "mitigation", true)]
    [InlineData("Ops restarts failed web servers one by one", "mitigation", true)]
    [InlineData("Support emails affected enterprise customers", "communication", true)]
    [InlineData("Rollbacks queued behind the deploy lock", "mitigation", false)]
    // "that worked" makes the action the mitigation, but a full recovery stays one.
    [InlineData("That fixed it, all services are back to normal", "resolution", true)]
    // "get … ready" only when the action is what is made ready.
    [InlineData("After getting paged, we rolled back the release and staged a fix", "mitigation", true)]
    [InlineData("Got the page and restarted the cache once the new node was ready", "mitigation", true)]
    [InlineData("Getting the rollback ready", "mitigation", false)]
    // Passengers told.
    [InlineData("The crew told passengers to stay on board", "communication", true)]
    public void Probes(string text, string kind, bool expected)
    {
        var evidence = KindLexicon.Default.Read(text, null);
        Assert.True(expected == evidence.Any(e => e.Kind.ToName() == kind), $"{text}: {string.Join("; ", evidence.Select(e => $"{e.Kind.ToName()}:'{e.Phrase}'"))}");
    }

    [Theory]
    // A metric down again, an update out again: no failure back.
    [InlineData("14:00 FIRING latency high on api\n14:05 restarted the api pods\n14:10 latency down again under 200ms\n14:40 all clear, resolved", "14:05")]
    [InlineData("14:00 FIRING latency high on api\n14:05 restarted the api pods\n14:10 latency went down again\n14:40 all clear, resolved", "14:05")]
    [InlineData("14:00 checkout failing for everyone\n14:05 failed over to the standby db\n14:12 status update out again on the page\n14:40 resolved", "14:05")]
    [InlineData("14:00 site down\n14:05 restarted nginx\n14:08 and it's down again\n14:20 rolled back the deploy\n14:30 recovered", "14:20")]
    // "ok" before an action told done is no order.
    [InlineData("10:02 checkout failing for everyone\n10:10 ok, failover done, traffic on the standby\n10:25 restarting the workers\n10:50 all good, resolved", "10:10")]
    [InlineData("10:02 checkout failing for everyone\n10:10 right, rollback complete\n10:25 restarting the workers\n10:50 all good, resolved", "10:10")]
    public void Mitigation_probes(string notes, string expected)
    {
        var pm = AnalysisTests.FromNotes(notes);
        Assert.Equal(expected, Hm(pm.Keys.Mitigation));
    }

    [Theory]
    [InlineData("1. 09:00 to 17:00 maintenance window\n2. 12:30 errors on checkout", "09:00|12:30")]
    [InlineData("[10:02] Ana: checkout failing\n[10:05] rollback started by Ben\n[10:09] Ben: checkout ok", "10:02|10:05|10:09")]
    [InlineData("Notes\n[4:27 PM] paged the DBA\n[4:30 PM] DBA joined", "16:27|16:30")]
    [InlineData("Rolled back 14:20 which fixed\nthe errors by 14:25 for most users.", "14:20|14:25")]
    [InlineData("Errors started 14:20 for EU\nusers and 14:31 for US users.", "14:20|14:31")]
    [InlineData("deploy 14:20 went out\nrollback 14:35 done", "14:20|14:35")]
    public void Note_probes(string notes, string times)
    {
        var events = Read(notes);
        Assert.True(times == string.Join('|', events.Select(e => e.Time)), string.Join(" || ", events.Select(e => $"{e.Time} [{e.Actor}] {e.Text}")));
    }

    private static List<(string Time, string Text, string? Actor)> Read(string notes)
    {
        var result = NotesExtractor.Extract(notes, new NotesOptions { File = "notes", AnchorDate = new LocalDate(2024, 6, 12), DefaultZone = DateTimeZone.Utc });
        return [.. result.Events.OrderBy(e => e.Time).Select(e => (e.Time.ToString("HH:mm", CultureInfo.InvariantCulture), e.Text, e.Actor))];
    }
}
