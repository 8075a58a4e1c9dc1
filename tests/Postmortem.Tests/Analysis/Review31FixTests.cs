using NodaTime;
using Postmortem.Analysis;
using Postmortem.Ingest.Notes;
using Postmortem.Model;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// The thirty-first session's review (review31) of the merged French, German, CJK and Teams readings: sentences of our own that
/// the new rules read wrong before these fixes, in bullets, a status update and a note file.
/// </summary>
public sealed class Review31FixTests
{
    private static string Kind(string text) => KindLexicon.Default.Classify(text).Kind.ToName();

    private static string? Hm(KeyTimestamp? key) => key?.Time.ToString("HH:mm", null);

    // F5: "NE" is north-east in English, not the French "ne"; the French guard must not negate English lines.
    [Theory]
    [InlineData("Customers in NE Ohio lost power", "impact")]
    [InlineData("Crews in NE Ohio restored power and the NE region is back up", "resolution")]
    [InlineData("Le service n'est pas encore rétabli", "other")]
    [InlineData("Le trafic ne reprend pas", "other")]
    public void An_english_ne_is_no_french_negation(string text, string kind) => Assert.Equal(kind, Kind(text));

    [Fact]
    public void North_east_in_bullets_keeps_its_impact_and_its_end()
    {
        var analysis = AnalysisTests.FromNotes("- 09:00 Customers in NE Ohio lost power\n- 09:40 Crews in NE Ohio restored power\n- 10:00 The NE region is back up\n");
        Assert.Equal("09:00", Hm(analysis.Keys.ImpactStart));
        Assert.NotNull(analysis.Keys.Resolution);
    }

    // F7 and F10: a forecast told after the phrase, with its auxiliary (French) or its plan word (German), is no step and no end.
    [Theory]
    [InlineData("Le retour du service est prévu vers 11h")]
    [InlineData("Mise à jour : retour du service estimé à 11h")]
    [InlineData("Neustart der Datenbank geplant für 10 Uhr")]
    [InlineData("Normalbetrieb ab 12 Uhr erwartet")]
    public void A_forecast_after_the_phrase_is_neither_a_step_nor_the_end(string text)
    {
        var kind = Kind(text);
        Assert.NotEqual("resolution", kind);
        Assert.NotEqual("mitigation", kind);
    }

    // (A time inside the forecast, "ab 12 Uhr erwartet" or "gegen Mittag erwartet", is still read as a moment of its own and
    // splits the line: the guard then sees only "Normalbetrieb ab"; left for the reading of forms.)
    [Fact]
    public void A_german_plan_and_expected_normal_operation_leave_the_keys_to_what_happened()
    {
        var analysis = AnalysisTests.FromNotes(
            "- 09:00 Der Shop ist nicht erreichbar\n- 09:30 Neustart der Datenbank geplant für 10 Uhr\n- 10:30 Normalbetrieb wird in Kürze erwartet\n- 12:00 Das Problem wurde behoben\n");
        Assert.Equal("12:00", Hm(analysis.Keys.Resolution));
        Assert.NotEqual("09:30", Hm(analysis.Keys.Mitigation));
    }

    // F4: a Japanese or Chinese "not yet back" or "recovery time not yet known" is no recovery.
    [Theory]
    [InlineData("決済サービスはまだ正常に戻っていません")]
    [InlineData("正常に稼働していない")]
    [InlineData("復旧完了予定時刻は未定です")]
    [InlineData("支付服务尚未恢复正常")]
    public void A_cjk_recovery_not_yet_reached_is_not_the_end(string text) => Assert.NotEqual("resolution", Kind(text));

    [Theory]
    [InlineData("決済サービスは復旧しました")]
    [InlineData("支付服务已恢复正常")]
    public void A_cjk_recovery_reached_is_still_the_end(string text) => Assert.Equal("resolution", Kind(text));

    // F9: "[hh:mm] Label - text" is a note's own line, not a Teams header with a team before the name.
    [Fact]
    public void Bracketed_times_with_a_label_and_a_dash_stay_timed_notes()
    {
        var notes = "[09:00] SEV1 - Checkout down for everyone\n[09:10] Payments Team - Paged the on-call\n[09:30] Checkout Service - Rolled back release 42\n[09:50] Checkout Service - Fully Recovered\n";
        var events = NotesExtractor.Extract(notes, new NotesOptions { File = "notes.md", AnchorDate = new LocalDate(2024, 5, 3), DefaultZone = DateTimeZoneProviders.Tzdb["UTC"] }).Events;
        Assert.Equal(["09:00", "09:10", "09:30", "09:50"], events.Select(e => e.Time.ToString("HH:mm", null)));
        Assert.All(events, e => Assert.NotEqual("Chat", e.Source));
        Assert.All(events, e => Assert.Null(e.Actor));
        Assert.Contains("Checkout down", events[0].Text, StringComparison.Ordinal);
    }
}
