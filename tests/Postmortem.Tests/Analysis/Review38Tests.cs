using Postmortem.Analysis;
using Postmortem.Model;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Review38's findings on s38-open's phrases (KindLexicon.Open38.cs): sentences of ordinary text, written by the reviewer to
/// probe the new phrases, that they misread before the fix — a negation inside a passive or in its subject, "broken again" read
/// as working again, an alert that did not fire, a customer or a monitor as our team, a backup restored, a plan, a question
/// (docs/accuracy.md, "thirty-eighth session (lead)").
/// </summary>
public sealed class Review38Tests
{
    private static IEnumerable<string> Kinds(string text) => KindLexicon.Default.Read(text, null).Select(e => e.Kind.ToName());

    // H5, M11: no escalation when nobody was called, or when a customer called our support.
    [Theory]
    [InlineData("A equipe de plantão não foi acionada.")]
    [InlineData("Nenhum técnico foi acionado durante a madrugada.")]
    [InlineData("Ninguém da equipe foi acionado.")]
    [InlineData("Vários clientes acionaram o suporte reclamando de lentidão.")]
    [InlineData("O cliente chamou o suporte reclamando de lentidão")]
    [InlineData("O ministro foi acionado pela imprensa.")]
    [InlineData("オンコール呼び出しが失敗しました。")]
    [InlineData("担当者を呼び出しできず、対応が遅れた。")]
    public void No_escalation_when_nobody_of_ours_was_called(string text) => Assert.DoesNotContain("escalation", Kinds(text));

    // H5, M11, M14: no communication when none went out, a monitor sent the warning, or a site got a release.
    [Theory]
    [InlineData("Nenhum comunicado foi enviado aos clientes.")]
    [InlineData("Aviso enviado pelo monitoramento: disco cheio")]
    [InlineData("本番サイトに修正版を公開しました。")]
    [InlineData("新サイトで新機能を公開しました。")]
    public void No_communication_when_no_notice_of_ours_went_out(string text) => Assert.DoesNotContain("communication", Kinds(text));

    // H6, M12, M13: no resolution when it broke again, a backup was restored, a recovery was partial, brief, awaited or asked.
    [Theory]
    [InlineData("Sinds vanochtend werkt het weer niet: de betaalpagina laadt niet.")]
    [InlineData("O backup foi restaurado em um ambiente de teste para análise.")]
    [InlineData("O link foi restabelecido, mas caiu de novo em seguida.")]
    [InlineData("O tráfego voltou ao normal por cinco minutos e depois caiu novamente")]
    [InlineData("Die Daten aus dem Backup wurden auf einem Testsystem wiederhergestellt.")]
    [InlineData("Die Stromversorgung wurde teilweise wiederhergestellt.")]
    [InlineData("Die Stromversorgung wurde nur kurzzeitig wiederhergestellt und fiel erneut aus.")]
    [InlineData("Nenhum servidor foi restaurado até as 11h.")]
    [InlineData("Bis die Verbindung wiederhergestellt ist, nutzen Sie bitte den Ersatzzugang.")]
    [InlineData("Wir prüfen, ob alle Daten wiederhergestellt sind.")]
    [InlineData("We werken eraan om de site zo snel mogelijk weer bereikbaar te maken.")]
    public void No_resolution_when_the_service_is_not_back(string text) => Assert.DoesNotContain("resolution", Kinds(text));

    // H7: no alert when it did not fire or monitoring could not detect.
    [Theory]
    [InlineData("アラートが鳴らなかったため、検知が遅れた。")]
    [InlineData("監視で検知できませんでした。")]
    [InlineData("アラートが発報しないように閾値を変更した。")]
    public void No_alert_when_none_fired(string text) => Assert.DoesNotContain("alert", Kinds(text));

    // M13, L15: no impact when it never happened, is planned ahead, is avoided, is not happening, or is asked about.
    [Theory]
    [InlineData("De site was nooit onbereikbaar.")]
    [InlineData("De website was op geen enkel moment onbereikbaar.")]
    [InlineData("Em nenhum momento o site ficou fora do ar.")]
    [InlineData("Para evitar que o site fique fora do ar, desligamos o cache")]
    [InlineData("Manutenção programada: o sistema estará indisponível das 2h às 4h.")]
    [InlineData("エラーが急増していないことを確認しました。")]
    [InlineData("エラーが多発しないよう、リトライ間隔を広げた。")]
    [InlineData("Warum kam es zu dem Ausfall?")]
    [InlineData("Is de site onbereikbaar?")]
    [InlineData("Dit valt uit te leggen door een fout in de configuratie.")]
    public void No_impact_when_none_happened(string text) => Assert.DoesNotContain("impact", Kinds(text));

    // L15: engineers back from lunch recovered nothing.
    [Fact]
    public void Back_from_lunch_is_no_mitigation() =>
        Assert.DoesNotContain("mitigation", Kinds("Alguns engenheiros de volta do almoço assumiram o incidente."));

    // The fixed phrases still read what they were made for, in other wordings.
    [Theory]
    [InlineData("O fornecedor do link foi acionado às 4h.", "escalation")]
    [InlineData("Acionamos a equipe de redes.", "escalation")]
    [InlineData("O serviço foi restabelecido às 11h.", "resolution")]
    [InlineData("Sinds 14:00 werkt het weer: de betaalpagina laadt.", "resolution")]
    [InlineData("De website is weer bereikbaar.", "resolution")]
    [InlineData("Die Verbindung wurde um 12 Uhr wiederhergestellt.", "resolution")]
    [InlineData("ディスク使用率のアラートが発報しました。", "alert")]
    [InlineData("ホームページに掲載しました。", "communication")]
    [InlineData("De site is onbereikbaar.", "impact")]
    [InlineData("O portal ficou fora do ar por duas horas.", "impact")]
    [InlineData("Os primeiros servidores estão de volta.", "mitigation")]
    public void The_phrases_still_read_their_kind(string text, string kind) => Assert.Contains(kind, Kinds(text));
}
