using System.Text.RegularExpressions;
using Postmortem.Model;

namespace Postmortem.Analysis;

// KindLexicon, in part: readings from batch 33's train half (thirty-seventh session, docs/accuracy.md, `s37-open`): the general
// phrases of Chinese, German, French, Polish and Spanish write-ups, and of a Nagios notification, that it missed.
public sealed partial class KindLexicon
{
    // A Chinese run of word characters before a phrase, as the built-in CJK phrases take it (the text has no spaces between words).
    private const string CjkRun = @"(?>[0-9A-Za-z]*)[\u3400-\u9fff]\w*";

    // "监控发现 API 调用异常" (monitoring found), "触发告警" (an alert fired; not "没有触发告警", none fired); a Nagios/Icinga notification
    // "PROBLEM: host/service … CRITICAL" (with its state: a summary line "PROBLEM: customers could not log in" is no alert; review37).
    internal const string Open37AlertPattern = @"(?:监控(?:系统)?(?:发现|告警|报警|检测到)|(?<!没有|没|未|并未|无)(?:触发|收到)了?(?:告警|报警))\w*|" + CjkRun + @"(?:监控(?:系统)?(?:发现|告警|报警|检测到)|(?<!没有|没|未|并未|无)(?:触发|收到)了?(?:告警|报警))\w*|(?-i:PROBLEM)(?=:\s[^\n]{0,80}(?-i:CRITICAL|DOWN|UNREACHABLE|WARNING)\b)";

    // "向客户发出第一份故障说明" (sent customers the first fault notice), "发布公告" (published a notice); not planned or asked for
    // ("计划明天发布公告", "请发布通知") nor a time before it ("发布公告之前", review37).
    internal const string Open37CommunicationPattern = @"(?<!(?:计划|准备|将要|将|拟|建议|待|请)[^，。,]{0,6})(?:发出|发布|发送|推送|公布)了?(?:第一份|首份|第一条|首条|一份|一条)?(?:故障|事件|服务)?(?:说明|公告|通知|通告|声明)(?!之前|前)\w*|" + CjkRun + @"(?<!(?:计划|准备|将要|将|拟|建议|待|请)[^，。,]{0,6})(?:发出|发布|发送|推送|公布)了?(?:第一份|首份|第一条|首条|一份|一条)?(?:故障|事件|服务)?(?:说明|公告|通知|通告|声明)(?!之前|前)\w*";

    // A Chinese recovery begun or of a part: "开始恢复正常" (began to return to normal), "陆续恢复" (coming back one by one), "逐步恢复",
    // "部分恢复": on its way, so a mitigation; the built-in "恢复正常" is not the end there (IsNotYetInItsLanguage).
    internal const string Open37MitigationPattern = @"(?:开始|陆续|逐步|逐渐|部分|初步)恢复\w*|" + CjkRun + @"(?:开始|陆续|逐步|逐渐|部分|初步)恢复\w*";

    // German: "ich brauch die Netzwerker", "brauchen dringend Unterstützung" (a call for people; not "brauche die Logs", nor "brauchen
    // die Admins nicht mehr", "brauche die Kollegen morgen", review37).
    internal const string Open37EscalationPattern = @"brauch(?:e|en|t)? (?:(?:dringend|sofort|mal|noch|jetzt) )?(?:hilfe|unterstützung|verstärkung|jemand\w*|(?:die|den|einen|eine|ein paar|noch) (?:netzwerker\w*|admins?|kolleg\w*|leute|techniker\w*|experten|spezialist\w*|rufbereitschaft|bereitschaft))(?!\s+(?:nicht|kein\w*|morgen|später|nächste)\b)";

    // French: "les internautes se sont aperçus que …", "des clients ont signalé …"; German "Kunden melden …".
    internal const string Open37CustomerReportPattern = @"(?:internautes|utilisateurs|clients|abonnés|usagers) (?:se sont aperçus|s['’]aperçoivent|se sont plaints|se plaignent|ont (?:remarqué|constaté|signalé)|signalent)|(?:kunden|nutzer|benutzer|anwender) (?:melden(?! sich)|meldeten(?! sich)|beschweren sich|haben (?:\w+ )?gemeldet)";

    // Chinese "出现异常" / "调用异常" (errors appeared, calls failing); Spanish "tampoco respondía", "dejó de funcionar", "sin servicio";
    // a Nagios state after its PROBLEM ("PROBLEM: mx1 SMTP CRITICAL").
    internal const string Open37ImpactPattern = @"(?:(?:出现|发生)了?异常|(?:访问|调用)异常)\w*|" + CjkRun + @"(?:(?:出现|发生)了?异常|(?:访问|调用)异常)\w*|(?:no|ya no|tampoco) (?:respond(?:e|en|ía|ían|ió|ieron)(?! a\b)|funcion(?:a|an|aba|aban|ó|aron))|dej(?:ó|aron|a|an) de (?:funcionar|responder)|sin servicio|(?<=(?-i:PROBLEM):[^\n]{0,80})(?-i:CRITICAL|DOWN|UNREACHABLE)";

    // German "wieder hochgefahren", "wieder am laufen" ("wieder oben", "wieder hochgekommen" are said of error rates and problems
    // too, review37); French "les machines sont reparties" (the machines, servers or services: "le problème est reparti",
    // "les techniciens sont repartis" are not); Polish "usługi działają bez zakłóceń",
    // "awaria na serwerze została usunięta" (a place between the failure and its removal).
    internal const string Open37ResolutionPattern = @"wieder (?:hochgefahren|am laufen)|(?:machines?|serveurs?|services?|sites?|systèmes?|messagerie|réseau|plateformes?|applications?) (?:sont|est) (?:de nouveau |à nouveau )?repartie?s?|działa(?:ją|ło|ły|ł)? bez (?:zakłóceń|problemów|przerw|błędów)|(?:awari[aęi]|usterk[aęi]) (?:na|w) [\w-]+ (?:został[aoy]? |zostały )?(?:usunięt|naprawion)\w*";

    /// <summary>
    /// A recovery its own language tells as not the end yet: a Chinese one begun or of a part ("开始恢复正常", "陆续恢复": the
    /// mitigation phrase above reads it), and a German or French one dated to a day ahead or only hoped for ("ich denke morgen früh
    /// läuft alles wieder", "tout devrait refonctionner demain").
    /// </summary>
    internal static bool IsNotYetInItsLanguage(EventKind kind, string text, int index, string phrase) => kind switch
    {
        EventKind.Resolution => CjkBegun().IsMatch(phrase) || DayAheadBefore().IsMatch(SentenceBefore(text, index)),
        EventKind.Mitigation => DayAheadBefore().IsMatch(SentenceBefore(text, index)),
        _ => false,
    };

    // The sentence up to the phrase, across its commas ("…, aber ich denke morgen früh läuft alles wieder").
    private static ReadOnlySpan<char> SentenceBefore(string text, int index)
    {
        var start = text.AsSpan(0, index).LastIndexOfAny(".!?\n");
        return text.AsSpan(start + 1, index - start - 1);
    }

    [GeneratedRegex(@"(?:开始|陆续|逐步|逐渐|部分|初步)恢复")]
    private static partial Regex CjkBegun();

    [GeneratedRegex(@"(?i)\b(?:(?<!(?:heute|gestern|guten|gute) )morgen(?!\s+(?:zusammen|allerseits|alle|leute|team|ihr)\b|\s*[,!])|übermorgen|demnächst|hoffentlich|nächste woche|ich denke|denke ich|demain|j['’]espère)\b")]
    private static partial Regex DayAheadBefore();
}
