using NodaTime;
using Postmortem.Analysis;
using Postmortem.Ingest.Notes;
using Postmortem.Model;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Thirty-first session (s31-open): forms batch 27's train half missed at arrival, fixed by principle, each with sentences of our
/// own in several registers (bullets, a chat, prose) and a variant the rule must not misread (docs/accuracy.md, "batch 27's train
/// half opened").
/// </summary>
public sealed class Judgement31Tests
{
    private static string? Hm(KeyTimestamp? key) => key?.Time.ToString("HH:mm", null);

    private static IReadOnlyList<TimelineEvent> Events(string notes) =>
        NotesExtractor.Extract(notes, new NotesOptions { File = "notes.md", AnchorDate = new LocalDate(2024, 5, 3), DefaultZone = DateTimeZoneProviders.Tzdb["UTC"] }).Events;

    private static string Kind(string text) => KindLexicon.Default.Classify(text).Kind.ToName();

    // A Teams header whose sender is a team or role, a dash, then the name ("Service Desk - Ana Silva"): before, the header was
    // no header, and its line and message ran into the message above (one message took the next one's words and kinds).
    private const string TeamsWithRoles =
        "[5/3/2024 10:00 PM] Kevin Ito\nthe data hall lost power, everything is down\n[5/3/2024 10:06 PM] Service Desk - Ana Silva\n" +
        "calls coming in from two clinics, nothing loads\n[5/3/2024 10:20 PM] Kevin Ito\npaging the network on-call now\n" +
        "[5/4/2024 7:15 AM] Corporate Comms – Lee Park\nstatement posted on the status page: the portal is offline";

    [Fact]
    public void A_teams_header_with_a_team_before_the_name_starts_its_own_message()
    {
        var events = Events(TeamsWithRoles);
        Assert.Equal(["22:00", "22:06", "22:20", "07:15"], events.Select(e => e.Time.ToString("HH:mm", null)));
        Assert.DoesNotContain("calls coming in", events[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("status page", events[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_notice_under_a_team_header_is_the_communication_not_the_message_above_it()
    {
        var chat = AnalysisTests.FromNotes(TeamsWithRoles);
        Assert.Equal("07:15", Hm(chat.Keys.Communication));
    }

    // German kinds: the outage ("nicht mehr zu erreichen", "Störung", "ausgefallen"), the step taken ("neu gestartet", "vom Netz
    // genommen"), the end ("lief alles wieder normal", "wieder erreichbar", "behoben").
    [Theory]
    [InlineData("Das Kundenportal war nicht mehr zu erreichen", "impact")]
    [InlineData("Die Seite ist nicht erreichbar", "impact")]
    [InlineData("Störung im Rechenzentrum Nord", "impact")]
    [InlineData("Beide Datenbankserver sind ausgefallen", "impact")]
    [InlineData("Wir haben die Datenbank neu gestartet", "mitigation")]
    [InlineData("Das System wurde bewusst vom Netz genommen", "mitigation")]
    [InlineData("Danach lief alles wieder normal", "resolution")]
    [InlineData("Das Portal ist wieder erreichbar", "resolution")]
    [InlineData("Das Problem wurde behoben", "resolution")]
    [InlineData("The payment gateway was out of action for two hours", "impact")]
    public void German_kinds_and_out_of_action_are_read(string text, string kind) => Assert.Equal(kind, Kind(text));

    // Negated or forecast: "noch nicht wieder erreichbar", "wird voraussichtlich wieder verfügbar", "kein Neustart", "nie gestört".
    [Theory]
    [InlineData("Das Portal ist noch nicht wieder erreichbar", "resolution")]
    [InlineData("Der Dienst wird voraussichtlich gegen Abend wieder verfügbar sein", "resolution")]
    [InlineData("Kein Neustart nötig, wir beobachten weiter", "mitigation")]
    [InlineData("Die Telefonie war zu keinem Zeitpunkt gestört", "impact")]
    [InlineData("The old gateway was never out of action", "impact")]
    public void A_german_kind_denied_or_forecast_is_not_read(string text, string notKind) => Assert.NotEqual(notKind, Kind(text));

    [Fact]
    public void German_keys_in_bullets_a_chat_and_prose()
    {
        var bullets = AnalysisTests.FromNotes("- 09:05 Das Kundenportal ist nicht mehr zu erreichen\n- 09:15 Das Portal ist noch nicht wieder erreichbar\n- 09:20 Datenbank neu gestartet\n- 09:40 Alles läuft wieder normal");
        Assert.Equal(("09:05", "09:20", "09:40"), (Hm(bullets.Keys.ImpactStart), Hm(bullets.Keys.Mitigation), Hm(bullets.Keys.Resolution)));

        var chat = AnalysisTests.FromNotes("[09:05] <ana> portal nicht erreichbar\n[09:20] <bo> datenbank neu gestartet\n[09:40] <ana> läuft wieder");
        Assert.Equal(("09:05", "09:20", "09:40"), (Hm(chat.Keys.ImpactStart), Hm(chat.Keys.Mitigation), Hm(chat.Keys.Resolution)));

        var prose = AnalysisTests.FromNotes("Um 9.05 Uhr war das Kundenportal nicht mehr zu erreichen. Um 9.20 Uhr haben wir die Datenbank neu gestartet. Um 9.40 Uhr war das Portal wieder erreichbar.");
        Assert.Equal(("09:05", "09:20", "09:40"), (Hm(prose.Keys.ImpactStart), Hm(prose.Keys.Mitigation), Hm(prose.Keys.Resolution)));
    }

    // Japanese and Chinese kinds: CJK text has no word boundary inside a run, so the word is matched as the whole run that holds it
    // ("システム障害のため", "フォームが使用できなくなりました", "サービスは復旧しております"); a recovery not yet made ("復旧しておりません",
    // "復旧見込み") or only planned ("復旧したら連絡します") is no end.
    [Theory]
    [InlineData("決済システム障害のため、カードが使えない状態でした", "impact")]
    [InlineData("管理画面が使用できなくなりました", "impact")]
    [InlineData("サービスは復旧しております", "resolution")]
    [InlineData("全機能が復旧済み", "resolution")]
    [InlineData("決済機能は正常に戻りました", "resolution")]
    public void Japanese_kinds_are_read_inside_a_run(string text, string kind) => Assert.Equal(kind, Kind(text));

    [Theory]
    [InlineData("現在もまだ復旧しておりません")]
    [InlineData("復旧したら改めてご連絡します")]
    [InlineData("復旧見込みは未定です")]
    public void A_japanese_recovery_not_yet_made_is_no_end(string text) => Assert.NotEqual("resolution", Kind(text));

    [Fact]
    public void Japanese_keys_in_bullets_and_a_table()
    {
        var bullets = AnalysisTests.FromNotes("- 09:05 決済システム障害のため、カードが使えない状態\n- 09:30 まだ復旧しておりません\n- 10:10 サービスは復旧しております");
        Assert.Equal(("09:05", "10:10"), (Hm(bullets.Keys.ImpactStart), Hm(bullets.Keys.Resolution)));

        var table = AnalysisTests.FromNotes("| 日時 | イベント |\n|---|---|\n| 09:05 | 管理画面が使用できなくなりました |\n| 10:10 | 決済機能は正常に戻りました |");
        Assert.Equal(("09:05", "10:10"), (Hm(table.Keys.ImpactStart), Hm(table.Keys.Resolution)));
    }
}
