using Postmortem.Analysis;
using Postmortem.Model;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Review37's findings on `s37-open`'s phrases (docs/accuracy.md, the lead's thirty-seventh-session section), each a sentence a
/// real write-up or chat holds that the new phrases misread; sentences of the reviewer's and our own.
/// </summary>
public sealed class Review37Tests
{
    private static IEnumerable<EventKind> Kinds(string text) => KindLexicon.Default.Read(text, null).Select(e => e.Kind);

    private static string? Hm(KeyTimestamp? key) => key?.Time.ToString("HH:mm", null);

    [Theory]
    // H6: "wieder oben" is said of an error rate ("up again"); H7: "est reparti" of a problem starting again, "sont repartis" of
    // people leaving.
    [InlineData("Die Fehlerrate ist nach dem Deployment wieder oben.")]
    [InlineData("Das Problem ist wieder hochgekommen.")]
    [InlineData("Le problème est reparti de plus belle.")]
    [InlineData("Les techniciens sont repartis après le remplacement de la carte réseau.")]
    public void A_word_of_up_again_or_leaving_is_no_recovery(string text) =>
        Assert.DoesNotContain(EventKind.Resolution, Kinds(text));

    [Theory]
    [InlineData("Les serveurs sont repartis vers 11h.")]
    [InlineData("Die Datenbank ist wieder hochgefahren.")]
    public void The_machines_back_up_stay_a_recovery(string text) =>
        Assert.Contains(EventKind.Resolution, Kinds(text));

    [Fact]
    public void A_morning_greeting_is_no_day_ahead()
    {
        // H8: "Guten Morgen" and "Morgen zusammen" greet; they do not put the recovery on the next day.
        var greeting = AnalysisTests.FromNotes("[08:00] <jan> shop is down, checkout returns 502\n[08:20] <jan> Guten Morgen, ich habe db2 neu gestartet und der Shop ist wieder online.");
        Assert.Equal("08:20", Hm(greeting.Keys.Resolution));
        Assert.Contains(EventKind.Resolution, Kinds("Morgen zusammen, alles läuft wieder."));
        Assert.DoesNotContain(EventKind.Resolution, Kinds("Ich denke morgen früh läuft alles wieder."));
    }

    [Theory]
    // H10: monitoring that did not fire; M1: "PROBLEM:" heading a summary or a sentence, with no monitoring state.
    [InlineData("监控系统没有触发告警。")]
    [InlineData("PROBLEM: Customers could not log in between 13:05 and 13:50 UTC.")]
    [InlineData("The PROBLEM: our runbook was out of date.")]
    public void No_alert_where_none_fired_or_no_monitor_wrote(string text) =>
        Assert.DoesNotContain(EventKind.Alert, Kinds(text));

    [Theory]
    [InlineData("PROBLEM: mx1/SMTP is CRITICAL - connection refused")]
    [InlineData("监控系统触发告警，API 调用超时")]
    public void A_monitor_that_fired_stays_an_alert(string text) =>
        Assert.Contains(EventKind.Alert, Kinds(text));

    [Theory]
    // M3: a notice planned, asked for or not yet out.
    [InlineData("计划明天发布公告")]
    [InlineData("发布公告之前请先审核")]
    [InlineData("请发布通知给客户")]
    public void A_chinese_notice_planned_or_asked_for_is_no_communication(string text) =>
        Assert.DoesNotContain(EventKind.Communication, Kinds(text));

    [Theory]
    // M4: a report that answers nothing, customers asked to call, people no longer needed or needed tomorrow.
    [InlineData("El informe no responde a la pregunta de fondo", EventKind.Impact)]
    [InlineData("Die Kunden melden sich bitte bei der Hotline", EventKind.CustomerReport)]
    [InlineData("Wir brauchen die Admins nicht mehr, alles läuft", EventKind.Escalation)]
    [InlineData("Ich brauche die Kollegen morgen für das Review", EventKind.Escalation)]
    public void Broad_words_in_other_senses_are_not_the_kind(string text, EventKind kind) =>
        Assert.DoesNotContain(kind, Kinds(text));
}
