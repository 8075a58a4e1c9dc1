using Postmortem.Analysis;
using Postmortem.Model;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Review34's findings on s34-open's Japanese and German phrases, fixed by the lead after the merge (docs/accuracy.md, thirty-fourth
/// session, lead): a forecast or "toward" full recovery is not the end, customers contacted are not an escalation, a software
/// release is not a notice (F6); German connectives, customers calling our hotline, a situation that escalates, a fix published and
/// a migration "umgestellt" are not what the chat phrases meant (F7); a monitoring tag is a bot's only where a message opens with it,
/// in capitals, not a checklist mark, an acknowledgement, a quoted log level or a link's text (F9). Sentences of our own.
/// </summary>
public sealed class Review34Tests
{
    private static bool Has(string text, EventKind kind) => KindLexicon.Default.Read(text, null).Any(e => e.Kind == kind);

    [Theory]
    [InlineData("・11時00分 全面復旧に向けて作業中", EventKind.Resolution)]
    [InlineData("・10時00分 全面回復の見込みは立っていません", EventKind.Resolution)]
    [InlineData("・11時00分 正常に利用できる見込みです", EventKind.Resolution)]
    [InlineData("・10時00分 正常に利用できるか確認しています", EventKind.Resolution)]
    [InlineData("・9時30分 影響のあるお客様に連絡しました", EventKind.Escalation)]
    [InlineData("新バージョンのリリースを公開しました", EventKind.Communication)]
    [InlineData("Erschwerend kommt dazu, dass das Backup fehlschlug", EventKind.Escalation)]
    [InlineData("Viele Kunden haben die Hotline angerufen", EventKind.Escalation)]
    [InlineData("Die Lage eskalierte, als auch die Datenbank ausfiel", EventKind.Escalation)]
    [InlineData("Der Hotfix wurde veröffentlicht", EventKind.Communication)]
    [InlineData("- 06:00 Zahlungsverkehr auf die neue Plattform umgestellt.", EventKind.Mitigation)]
    [InlineData("Checked DNS [OK], load balancer [OK], database still refusing connections.", EventKind.Resolution)]
    [InlineData("App log shows [WARN] retrying connection to payments-db", EventKind.Alert)]
    [InlineData("see [problem](https://jira.example.com/browse/INC-42) for the details", EventKind.Alert)]
    public void A_phrase_outside_the_text_it_was_made_for_is_no_evidence(string text, EventKind kind) => Assert.False(Has(text, kind));

    [Theory]
    [InlineData("・22時00分 全面回復", EventKind.Resolution)]
    [InlineData("決済は正常に利用できています", EventKind.Resolution)]
    [InlineData("保守ベンダーに電話しました", EventKind.Escalation)]
    [InlineData("Alle Kassen auf ELV-Offline umgestellt", EventKind.Mitigation)]
    [InlineData("Info an alle Filialen ist raus", EventKind.Communication)]
    [InlineData("Die Kundeninfo wurde verschickt", EventKind.Communication)]
    [InlineData("Ich habe das an den Netzbetreiber eskaliert", EventKind.Escalation)]
    public void The_phrase_still_reads_where_it_was_made_for(string text, EventKind kind) => Assert.True(Has(text, kind));
}
