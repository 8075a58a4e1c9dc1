namespace Postmortem.Analysis;

// KindPhrases, in part: mitigation steps told with no action kind (thirty-seventh session, docs/accuracy.md, `s37-mit`).
internal static partial class KindPhrases
{
    /// <summary>
    /// Families of our steps, in base form (word phrases: every inflection and the passive): a device taken out of the path
    /// ("turned down one router of the pair", "the faulty switch was isolated"), a standby taking control or a spare going live
    /// ("the backup engine took control", "the spare switch is live"), power moved to the generator, a switch made by hand, a
    /// clock put right, a named part repaired ("controller repaired"; not a fibre or a cable, mostly a carrier's work,
    /// nor a server shut down or a router taken down, which a fault does as often as a team), service starting to return, a new
    /// or standby line activated or carrying the traffic, a part reset by hand, a node bounced. The guards of
    /// every phrase apply (negation, plan, question, another party's record, a mitigation that did nothing), and
    /// <c>KindLexicon.IsNotOurStep37</c> refuses "isolated to" (where a fault was found, not a part cut off).
    /// </summary>
    internal const string Mitigation37Words = "turn down router|turn down link|turn down port|turn down interface|turn down server|shut down router|shut down link|take router offline|take server offline|take node offline|isolate switch|isolate router|isolate node|isolate server|isolate link|isolate segment|backup take control|standby take control|secondary take control|spare take control|backup take over|spare take over|spare be live|backup be live|standby be live|spare go live|backup go live|standby go live|switch manually|move generator|switch generator|transfer generator|correct clock|fix clock|step clock|step ntp|repair controller|repair switch|repair router|repair server|repair disk|repair database|connectivity start return|service start return|traffic start return|access start return|power start return|connectivity begin return|service begin return|traffic begin return|access begin return|power begin return|activate line|activate link|activate circuit|activate backup|activate standby|contingency take over|contingency go live|contingency be live|contingency carry traffic|backup carry traffic|standby carry traffic|spare carry traffic|reset by hand|reset manually|bounce node|bounce server|bounce host|bounce router|bounce service";

    // Japanese and Chinese steps, told with the object marker or a word of doing before the action noun: "リソースを削除", "サーバーを
    // 再起動しました", "分批重启", "已回滚" — not a plan, a step under way or one that could not be done ("再起動する予定", "切り替え中",
    // "重启失败").
    private const string CjkStep37 = @"(?:を(?:再起動|削除|切り替え|切替え?|切り戻し|切戻し|ロールバック|無効化|隔離|迂回|増強|増設)(?!する|します|しない|したら|予定|中|でき)|(?:并|已|已经|分批|逐步|手动|随即|立即|紧急|随后)(?:重启|回滚|切换|扩容|隔离)(?!中|失败))";

    /// <summary>The regular expression of the thirty-seventh session's steps in Japanese and Chinese (made at build time, <c>KindPatterns</c>).</summary>
    internal const string Mitigation37Pattern = CjkStep37 + @"\w*|(?>[0-9A-Za-z]*)[\u3041-\u3096\u30a1-\u30fa\u30fc\u3400-\u9fff]\w*" + CjkStep37 + @"\w*";
}
