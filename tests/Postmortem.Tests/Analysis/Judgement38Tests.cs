using Postmortem.Analysis;
using Postmortem.Model;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Thirty-eighth session (s38-open): forms batch 34's train half missed when it opened, read as the general phrase of each
/// language, with sentences of our own (none is a case's) and, for every phrase, sentences with the same words and another
/// meaning (a request, a plan, a question, a negation, a condition, another thing) that must not get the kind (docs/accuracy.md,
/// "thirty-eighth session: s38-open").
/// </summary>
public sealed class Judgement38Tests
{
    private static IEnumerable<string> Kinds(string text) => KindLexicon.Default.Read(text, null).Select(e => e.Kind.ToName());

    // Portuguese: the on-call, a team or a supplier called in is an escalation.
    [Theory]
    [InlineData("Acionamos a equipe de banco de dados às 3h.")]
    [InlineData("acionei o sobreaviso de redes")]
    [InlineData("O fornecedor do link foi acionado pela operação.")]
    public void Portuguese_team_called_in_is_an_escalation(string text) => Assert.Contains("escalation", Kinds(text));

    [Theory]
    [InlineData("O alarme de incêndio foi acionado.")]
    [InlineData("Acionei o gerador para testar a carga.")]
    [InlineData("Não acionei o plantão porque era só um alerta falso.")]
    [InlineData("Vou acionar o plantão de redes.")]
    [InlineData("Acionaram o fornecedor?")]
    public void Portuguese_alarm_set_off_or_call_not_made_is_no_escalation(string text) => Assert.DoesNotContain("escalation", Kinds(text));

    // Japanese: the on-call or an engineer called out is an escalation; a program calling an API, a plan, a question are not.
    [Theory]
    [InlineData("[03:10] <ops_sato> 夜間当番を呼び出しました")]
    [InlineData("ネットワーク担当者を招集しました。")]
    public void Japanese_engineer_called_out_is_an_escalation(string text) => Assert.Contains("escalation", Kinds(text));

    [Theory]
    [InlineData("バッチが外部APIを呼び出します。")]
    [InlineData("明朝、保守業者を呼び出す予定です。")]
    [InlineData("担当者を呼び出しますか？")]
    [InlineData("夜勤の当番を呼び出していない。")]
    public void Japanese_call_of_a_program_or_not_made_is_no_escalation(string text) => Assert.DoesNotContain("escalation", Kinds(text));

    // Japanese: a monitoring alert fired is an alert; one that did not fire, or its settings, are not.
    [Theory]
    [InlineData("[22:05] <mon> 監視アラート: DBサーバ応答なし")]
    [InlineData("ディスク使用率のアラートが発報しました。")]
    [InlineData("外形監視で検知、対応開始")]
    public void Japanese_monitoring_alert_is_an_alert(string text) => Assert.Contains("alert", Kinds(text));

    [Theory]
    [InlineData("今回はアラートが発報しなかった。")]
    [InlineData("監視アラートの設定を見直す。")]
    public void Japanese_alert_not_fired_or_its_settings_is_no_alert(string text) => Assert.DoesNotContain("alert", Kinds(text));

    // Portuguese: a note published is a communication; a plan, a negation or a question is not.
    [Theory]
    [InlineData("Comunicado publicado no portal às 9h.")]
    [InlineData("Publicamos uma nota para os clientes sobre a instabilidade.")]
    public void Portuguese_note_published_is_a_communication(string text) => Assert.Contains("communication", Kinds(text));

    [Theory]
    [InlineData("Vamos publicar uma nota assim que tivermos a causa.")]
    [InlineData("A nota ainda não foi publicada.")]
    [InlineData("Nota publicada já?")]
    public void Portuguese_note_planned_or_not_out_is_no_communication(string text) => Assert.DoesNotContain("communication", Kinds(text));

    // Japanese: posted on the web site is a communication; a plan or a question is not.
    [Theory]
    [InlineData("ホームページに障害のお詫びを掲載しました。")]
    [InlineData("公式サイトに掲載済み")]
    public void Japanese_posted_on_the_site_is_a_communication(string text) => Assert.Contains("communication", Kinds(text));

    [Theory]
    [InlineData("夕方にHPへ掲載予定。")]
    [InlineData("ホームページに掲載しますか？")]
    public void Japanese_posting_planned_or_asked_is_no_communication(string text) => Assert.DoesNotContain("communication", Kinds(text));

    // Portuguese: the first or some systems back is a mitigation (a recovery begun), not the end.
    [Theory]
    [InlineData("Alguns caixas eletrônicos já de volta.")]
    [InlineData("As primeiras lojas voltaram a funcionar às 10h.")]
    public void Portuguese_first_systems_back_is_a_mitigation(string text)
    {
        Assert.Contains("mitigation", Kinds(text));
        Assert.DoesNotContain("resolution", Kinds(text));
    }

    [Theory]
    [InlineData("Os primeiros servidores ainda não estão de volta.")]
    [InlineData("Se alguns servidores voltarem a funcionar, avisamos.")]
    [InlineData("Primeiros servidores de volta?")]
    public void Portuguese_systems_not_back_is_no_mitigation(string text) => Assert.DoesNotContain("mitigation", Kinds(text));

    // Japanese: switched to the standby or a replacement unit is a mitigation; a plan or a forecast is not.
    [Theory]
    [InlineData("予備系へ切り替えました。")]
    [InlineData("[04:40] <net_ito> 待機系に切替完了、疎通確認中")]
    public void Japanese_switched_to_the_standby_is_a_mitigation(string text) => Assert.Contains("mitigation", Kinds(text));

    [Theory]
    [InlineData("代替機への切替を決定しました。")]
    [InlineData("予備機に切替完了予定は15時。")]
    public void Japanese_switch_decided_or_forecast_is_no_mitigation(string text) => Assert.DoesNotContain("mitigation", Kinds(text));

    // Portuguese: repaired, restored, back to normal is the end; negated or asked is not.
    [Theory]
    [InlineData("O link de fibra foi reparado por volta das 16h.")]
    [InlineData("O sistema de pagamentos voltou ao normal.")]
    public void Portuguese_repaired_is_a_resolution(string text) => Assert.Contains("resolution", Kinds(text));

    [Theory]
    [InlineData("O link ainda não foi reparado.")]
    [InlineData("O sistema já foi restabelecido?")]
    [InlineData("Nunca foi consertado de verdade.")]
    public void Portuguese_repair_negated_or_asked_is_no_resolution(string text) => Assert.DoesNotContain("resolution", Kinds(text));

    // German: restored, available again is the end; to come or negated is not.
    [Theory]
    [InlineData("Um 18 Uhr waren alle Mailboxen wiederhergestellt.")]
    [InlineData("Das Portal steht wieder zur Verfügung.")]
    public void German_restored_is_a_resolution(string text) => Assert.Contains("resolution", Kinds(text));

    [Theory]
    [InlineData("Die Datenbank soll bis Freitag wiederhergestellt werden.")]
    [InlineData("Die Verbindung ist noch nicht wiederhergestellt.")]
    [InlineData("Die Stromversorgung wird derzeit wiederhergestellt.")]
    [InlineData("Das Portal wird wieder zur Verfügung stehen, sobald der Fehler gefunden ist.")]
    public void German_restore_to_come_or_negated_is_no_resolution(string text) => Assert.DoesNotContain("resolution", Kinds(text));

    // Dutch: reachable or working again, the fault fixed is the end; negated, conditional or asked is not.
    [Theory]
    [InlineData("Om 16:20 was de webmail weer bereikbaar.")]
    [InlineData("Na de herstart werkt alles weer.")]
    [InlineData("De storing is verholpen.")]
    public void Dutch_reachable_again_is_a_resolution(string text) => Assert.Contains("resolution", Kinds(text));

    [Theory]
    [InlineData("De webmail is nog niet weer bereikbaar.")]
    [InlineData("Zodra de servers weer bereikbaar zijn, sturen we een bericht.")]
    [InlineData("Is de storing verholpen?")]
    public void Dutch_reachable_not_yet_or_asked_is_no_resolution(string text) => Assert.DoesNotContain("resolution", Kinds(text));

    // Japanese: recovery declared is the end; asked or not yet confirmed is not.
    [Theory]
    [InlineData("全拠点で疎通を確認、復旧とします。")]
    [InlineData("メール配信の復旧を確認しました。")]
    public void Japanese_recovery_declared_is_a_resolution(string text) => Assert.Contains("resolution", Kinds(text));

    [Theory]
    [InlineData("復旧と判断するにはまだ早い。")]
    [InlineData("復旧を確認できていない拠点がある。")]
    [InlineData("これで復旧としますか？")]
    public void Japanese_recovery_unconfirmed_or_asked_is_no_resolution(string text) => Assert.DoesNotContain("resolution", Kinds(text));

    // German: "kam es zu Ausfällen" is impact; "zu keinen Ausfällen", "nicht zu" are not.
    [Theory]
    [InlineData("Am Vormittag kam es im Netz der Filialen zu Störungen.")]
    [InlineData("Gegen 9 Uhr kam es zu längeren Unterbrechungen beim Zahlungsverkehr.")]
    public void German_it_came_to_outages_is_impact(string text) => Assert.Contains("impact", Kinds(text));

    [Theory]
    [InlineData("Dank der Redundanz kam es zu keinen Ausfällen.")]
    [InlineData("Beim Test kam es nicht zu Unterbrechungen.")]
    public void German_no_outages_is_no_impact(string text) => Assert.DoesNotContain("impact", Kinds(text));

    // Dutch: power dropping out or not reachable is impact; in a condition it is not.
    [Theory]
    [InlineData("Om 09:12 viel de stroom in zaal 2 uit.")]
    [InlineData("De klantportal was urenlang onbereikbaar.")]
    public void Dutch_power_dropping_out_is_impact(string text) => Assert.Contains("impact", Kinds(text));

    [Theory]
    [InlineData("Valt de stroom uit, dan start het aggregaat automatisch.")]
    [InlineData("Viel de stroom weg tijdens de test?")]
    [InlineData("Bij de test viel de stroom niet uit.")]
    public void Dutch_power_loss_in_a_condition_question_or_negated_is_no_impact(string text) => Assert.DoesNotContain("impact", Kinds(text));

    // Portuguese: off the air, unavailable, intermittent is impact; negated is not.
    [Theory]
    [InlineData("O aplicativo ficou fora do ar por duas horas.")]
    [InlineData("Portal de pagamentos intermitente desde as 8h.")]
    public void Portuguese_off_the_air_is_impact(string text) => Assert.Contains("impact", Kinds(text));

    [Theory]
    [InlineData("Telas azuis em todos os caixas da loja.")]
    [InlineData("A falha durou quase duas horas, a partir das 9h.")]
    public void Portuguese_blue_screens_or_a_failure_that_lasted_is_impact(string text) => Assert.Contains("impact", Kinds(text));

    [Theory]
    [InlineData("Reiniciamos sem tela azul desta vez.")]
    [InlineData("Nunca houve tela azul nesse modelo.")]
    public void Portuguese_no_blue_screen_is_no_impact(string text) => Assert.DoesNotContain("impact", Kinds(text));

    // Japanese: no response, errors surging is impact; a condition or a negation is not.
    [Theory]
    [InlineData("[08:02] <mon> 決済APIが応答なし")]
    [InlineData("ログイン画面でエラーが多発している")]
    public void Japanese_no_response_is_impact(string text) => Assert.Contains("impact", Kinds(text));

    [Theory]
    [InlineData("応答なしの場合は再起動する。")]
    [InlineData("切替後、エラー急増はなかった。")]
    public void Japanese_no_response_in_a_condition_or_negated_is_no_impact(string text) => Assert.DoesNotContain("impact", Kinds(text));

    [Theory]
    [InlineData("O site não ficou fora do ar em nenhum momento.")]
    [InlineData("Nunca esteve indisponível.")]
    public void Portuguese_never_off_the_air_is_no_impact(string text) => Assert.DoesNotContain("impact", Kinds(text));
}
