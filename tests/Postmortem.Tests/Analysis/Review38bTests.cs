using Postmortem.Analysis;
using Postmortem.Model;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// A second review (review38b) of s38-open's phrases after review38's fixes (KindLexicon.Open38.cs): negations in other words
/// ("nem", "sequer", "ず", "weder"), forecasts in the present tense, Japanese "once we have …" (〜ましたら), conditions, plans,
/// planned maintenance, another party, a recovery undone in its sentence, "weer" as "again" or the weather (docs/accuracy.md,
/// "thirty-eighth session (lead)").
/// </summary>
public sealed class Review38bTests
{
    private static IEnumerable<string> Kinds(string text) => KindLexicon.Default.Read(text, null).Select(e => e.Kind.ToName());

    [Theory]
    [InlineData("Atualização: o sistema ainda não voltou ao normal.")]
    [InlineData("O tráfego não voltou ao normal até as 14h.")]
    [InlineData("O site nunca voltou a funcionar normalmente.")]
    [InlineData("Update: naar verwachting is de webshop rond 16:00 weer beschikbaar.")]
    [InlineData("De site zal vanavond weer bereikbaar zijn.")]
    [InlineData("Update: Ab 18 Uhr steht der Dienst wieder zur Verfügung.")]
    [InlineData("Nach der Wartung steht der Dienst wieder zur Verfügung.")]
    [InlineData("復旧を確認しましたら、改めてご連絡いたします。")]
    [InlineData("We werken weer aan een oplossing.")]
    [InlineData("De app werkt weer traag.")]
    [InlineData("Ook vandaag werkt het weer tegen: het regent.")]
    [InlineData("O serviço sequer foi restabelecido.")]
    [InlineData("Nem tudo foi restabelecido.")]
    [InlineData("O serviço foi restabelecido parcialmente.")]
    [InlineData("Die Verbindung wurde wiederhergestellt, fiel aber nach fünf Minuten erneut aus.")]
    [InlineData("Falls die Verbindung wiederhergestellt ist, melden Sie sich bitte.")]
    [InlineData("Wir erwarten, dass der Dienst heute Abend wiederhergestellt ist.")]
    [InlineData("Nur ein Teil der Server wurde wiederhergestellt.")]
    [InlineData("復旧を確認したが、10分後に再び停止した。")]
    public void No_resolution_when_the_service_is_not_back(string text) => Assert.DoesNotContain("resolution", Kinds(text));

    [Theory]
    [InlineData("アラートが鳴らず、検知が遅れた。")]
    [InlineData("監視で検知できず、お客様からの連絡で気付いた。")]
    [InlineData("アラートが鳴っていないことに気付いた。")]
    [InlineData("監視で検知しておらず、対応が遅れた。")]
    [InlineData("アラートが鳴らない設定になっていた。")]
    [InlineData("アラートが発報した場合は当番に連絡する。")]
    [InlineData("監視で検知されるはずだった。")]
    public void No_alert_when_none_fired(string text) => Assert.DoesNotContain("alert", Kinds(text));

    [Theory]
    [InlineData("Quando os primeiros servidores estiverem de volta, avisaremos aqui.")]
    [InlineData("Depois que alguns servidores estiverem de volta, vamos religar o resto.")]
    [InlineData("Esperamos ter os primeiros servidores de volta às 15h.")]
    [InlineData("Alguns funcionários estão de volta ao escritório.")]
    [InlineData("Os primeiros técnicos estão de volta ao trabalho.")]
    [InlineData("予備系への切替完了しましたら、ご連絡いたします。")]
    [InlineData("予備系への切替完了を目指しています。")]
    public void No_mitigation_when_nothing_is_back_yet(string text) => Assert.DoesNotContain("mitigation", Kinds(text));

    [Theory]
    [InlineData("Nem acionamos o plantão, pois era tarde.")]
    [InlineData("Sequer acionamos a equipe de rede.")]
    [InlineData("O plantão sequer foi acionado.")]
    [InlineData("Se o link cair de novo, acionamos a operadora.")]
    [InlineData("Caso o problema persista, acionamos o fornecedor.")]
    [InlineData("A Anatel acionou a operadora após as reclamações.")]
    [InlineData("O suporte foi acionado pelo cliente às 9h.")]
    [InlineData("O gerente chamou a equipe para uma reunião.")]
    [InlineData("エンジニアを呼び出すべきだった。")]
    [InlineData("当番を呼び出すかどうか検討した。")]
    [InlineData("担当者を呼び出さないでください。")]
    public void No_escalation_when_nobody_of_ours_was_called(string text) => Assert.DoesNotContain("escalation", Kinds(text));

    [Theory]
    [InlineData("Nem publicamos um comunicado.")]
    [InlineData("Se necessário, publicamos um aviso no site.")]
    [InlineData("A Anatel divulgou uma nota sobre a falha da operadora.")]
    [InlineData("A concorrente publicou um comunicado sobre a queda.")]
    [InlineData("HPに掲載しましたら、お知らせします。")]
    [InlineData("HPに掲載済みではない。")]
    public void No_communication_when_no_notice_of_ours_went_out(string text) => Assert.DoesNotContain("communication", Kinds(text));

    [Theory]
    [InlineData("O site nem ficou fora do ar.")]
    [InlineData("O site não chegou a ficar fora do ar.")]
    [InlineData("Sem que o site ficasse fora do ar, migramos o banco.")]
    [InlineData("A falha não durou nem um minuto.")]
    [InlineData("Se o site ficar fora do ar, ligue para o suporte.")]
    [InlineData("Caso o sistema fique indisponível, use o formulário em papel.")]
    [InlineData("O sistema vai ficar fora do ar durante a manutenção.")]
    [InlineData("Durante a manutenção, o site fica fora do ar.")]
    [InlineData("O site poderá ficar indisponível por alguns minutos.")]
    [InlineData("Tijdens het onderhoud is de website niet bereikbaar.")]
    [InlineData("De site is vanaf 22:00 niet bereikbaar wegens onderhoud.")]
    [InlineData("Hierbei kam es weder zu Ausfällen noch zu Datenverlust.")]
    [InlineData("Damals kam es nie zu Ausfällen.")]
    [InlineData("応答がない場合、再起動してください。")]
    [InlineData("エラーが急増した場合には、担当者に連絡する。")]
    [InlineData("応答しないときは再起動してください。")]
    [InlineData("エラーが急増するおそれがある。")]
    public void No_impact_when_none_happened(string text) => Assert.DoesNotContain("impact", Kinds(text));

    // Over-narrowing: the phrases still read what they were made for.
    [Theory]
    [InlineData("Às 14h o sistema voltou ao normal.", "resolution")]
    [InlineData("Om 15:10 is de storing verholpen.", "resolution")]
    [InlineData("Sinds 14:00 werkt alles weer.", "resolution")]
    [InlineData("Seit 14 Uhr steht der Dienst wieder zur Verfügung.", "resolution")]
    [InlineData("Die Systeme sind seit 14 Uhr wiederhergestellt.", "resolution")]
    [InlineData("14時に復旧を確認しました。", "resolution")]
    [InlineData("代替機に切り替えました。", "mitigation")]
    [InlineData("Parte dos caixas voltou a funcionar às 10h.", "mitigation")]
    [InlineData("保守会社を呼び出しました。", "escalation")]
    [InlineData("O plantão foi acionado às 3h.", "escalation")]
    [InlineData("Quando percebemos a falha, acionamos o plantão.", "escalation")]
    [InlineData("Publicamos uma nota no site às 10h.", "communication")]
    [InlineData("Um 9 Uhr kam es zu massiven Störungen.", "impact")]
    [InlineData("De stroom viel om 14:02 uit.", "impact")]
    [InlineData("O sistema se tornou instável às 9h.", "impact")]
    [InlineData("ディスク使用率のアラートが発報しました。", "alert")]
    public void The_phrases_still_read_their_kind(string text, string kind) => Assert.Contains(kind, Kinds(text));
}
