using Postmortem.Analysis;
using Postmortem.Model;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Thirty-seventh session (s37-open): forms batch 33's train half missed when it opened, read as the general phrase of each
/// language, with sentences of our own (none is a case's) and variants the rule must not misread (docs/accuracy.md,
/// "thirty-seventh session: s37-open").
/// </summary>
public sealed class Judgement37Tests
{
    private static IEnumerable<string> Kinds(string text) => KindLexicon.Default.Read(text, null).Select(e => e.Kind.ToName());

    // Chinese: monitoring found it, an alert fired.
    [Theory]
    [InlineData("监控发现支付接口超时,值班工程师开始排查。")]
    [InlineData("数据库 CPU 触发告警。")]
    [InlineData("监控系统检测到订单服务错误率升高")]
    public void Chinese_monitoring_found_is_an_alert(string text) => Assert.Contains("alert", Kinds(text));

    // Chinese: a notice sent or published to customers.
    [Theory]
    [InlineData("向用户发布第一条服务公告。")]
    [InlineData("官网发布故障通知,说明影响范围。")]
    [InlineData("我们向所有客户发送了事件说明")]
    public void Chinese_notice_published_is_a_communication(string text) => Assert.Contains("communication", Kinds(text));

    // Chinese: errors appearing is impact.
    [Theory]
    [InlineData("订单服务开始出现异常,用户无法下单。")]
    [InlineData("部分地域的接口调用异常")]
    public void Chinese_errors_appearing_is_impact(string text) => Assert.Contains("impact", Kinds(text));

    // Chinese: a recovery begun or of a part is a mitigation, not the end; the recovery itself still is the end.
    [Theory]
    [InlineData("华东地域开始恢复正常。")]
    [InlineData("各机房陆续恢复")]
    [InlineData("支付服务逐步恢复,仍有少量超时")]
    public void Chinese_recovery_begun_is_a_mitigation_not_the_end(string text)
    {
        Assert.Contains("mitigation", Kinds(text));
        Assert.DoesNotContain("resolution", Kinds(text));
    }

    [Theory]
    [InlineData("所有地域的服务已恢复正常。")]
    [InlineData("支付接口调用恢复正常")]
    public void Chinese_recovery_reached_is_still_the_end(string text) => Assert.Contains("resolution", Kinds(text));

    // A Nagios or Icinga notification: PROBLEM is an alert, a CRITICAL state in it is impact too; the bare word is neither.
    [Theory]
    [InlineData("PROBLEM: db2 PostgreSQL CRITICAL - connection refused")]
    [InlineData("PROBLEM: gw-fra1 is DOWN")]
    public void A_nagios_problem_is_an_alert_and_its_state_impact(string text)
    {
        Assert.Contains("alert", Kinds(text));
        Assert.Contains("impact", Kinds(text));
    }

    [Fact]
    public void A_nagios_problem_with_no_failing_state_is_an_alert_only()
    {
        // Review37: the notification names its monitoring state ("PROBLEM: customers could not log in" is a summary line).
        Assert.Contains("alert", Kinds("PROBLEM: ups-2/battery is WARNING - on battery, mains lost"));
        Assert.DoesNotContain("impact", Kinds("PROBLEM: ups-2/battery is WARNING - on battery, mains lost"));
    }

    [Theory]
    [InlineData("The problem: nobody owned the cron job.")]
    [InlineData("Severity: CRITICAL, owner: payments")]
    public void Problem_or_critical_in_prose_is_no_alert(string text)
    {
        Assert.DoesNotContain("alert", Kinds(text));
        Assert.DoesNotContain("impact", Kinds(text));
    }

    // German: a call for people ("ich brauch die Netzwerker"), not for a thing.
    [Theory]
    [InlineData("ich brauch die kollegen vom storage, jetzt bitte")]
    [InlineData("wir brauchen dringend Unterstützung im Rechenzentrum")]
    [InlineData("brauche noch jemanden, der die firewall kennt")]
    public void German_call_for_people_is_an_escalation(string text) => Assert.Contains("escalation", Kinds(text));

    [Theory]
    [InlineData("ich brauche die Logs vom Proxy")]
    [InlineData("wir brauchen einen neuen Switch")]
    public void German_need_of_a_thing_is_no_escalation(string text) => Assert.DoesNotContain("escalation", Kinds(text));

    // German: back up ("wieder hochgefahren", "wieder am laufen"; not "wieder oben", review37); a recovery dated tomorrow or only
    // thought is not one.
    [Theory]
    [InlineData("datenbank wieder am laufen, replikation läuft")]
    [InlineData("Die Server sind wieder hochgefahren.")]
    public void German_back_up_is_a_recovery(string text) => Assert.Contains("resolution", Kinds(text));

    [Theory]
    [InlineData("Kalender hakt noch, morgen läuft alles wieder")]
    [InlineData("ich denke, bis heute abend läuft das wieder")]
    [InlineData("hoffentlich läuft alles wieder nach dem Neustart")]
    public void German_recovery_ahead_or_hoped_is_none(string text)
    {
        Assert.DoesNotContain("resolution", Kinds(text));
        Assert.DoesNotContain("mitigation", Kinds(text));
    }

    // French: users noticed (a report from outside), machines restarted (back up).
    [Theory]
    [InlineData("Vers midi, les utilisateurs ont signalé des lenteurs sur le portail.")]
    [InlineData("Les clients se sont aperçus que les paiements échouaient.")]
    public void French_users_noticing_is_a_customer_report(string text) => Assert.Contains("customer-report", Kinds(text));

    [Theory]
    [InlineData("Les serveurs sont repartis vers 15h.")]
    [InlineData("La messagerie est de nouveau repartie après le redémarrage.")]
    public void French_restarted_is_a_recovery(string text) => Assert.Contains("resolution", Kinds(text));

    [Fact]
    public void French_recovery_tomorrow_is_none() => Assert.DoesNotContain("resolution", Kinds("J'espère que le site est de nouveau accessible demain matin."));

    // Polish: working without disruption; the failure on a place removed.
    [Theory]
    [InlineData("Poczta działa bez zakłóceń.")]
    [InlineData("Usterka w serwerowni została usunięta, strony ładują się poprawnie.")]
    [InlineData("Awaria w serwerowni naprawiona.")]
    public void Polish_failure_removed_is_a_recovery(string text) => Assert.Contains("resolution", Kinds(text));

    [Fact]
    public void Polish_failure_on_a_place_not_yet_removed_is_no_recovery() =>
        Assert.DoesNotContain("resolution", Kinds("Awaria na serwerze nie została jeszcze usunięta."));

    // Spanish: stopped responding or working, no service.
    [Theory]
    [InlineData("A las 9.10 la web dejó de responder.")]
    [InlineData("Los cajeros tampoco funcionaban y muchas oficinas quedaron sin servicio.")]
    public void Spanish_stopped_working_is_impact(string text) => Assert.Contains("impact", Kinds(text));

    [Theory]
    [InlineData("No responders were paged.")]
    [InlineData("There was no functional impact.")]
    public void English_no_is_not_spanish(string text) => Assert.DoesNotContain("impact", Kinds(text));
}
