using System.Text.RegularExpressions;

namespace Postmortem.Ingest.Notes;

// ExtractionRun, in part: a Japanese deadline or forecast told after its clock (session 35).
internal sealed partial class ExtractionRun
{
    // "12日8時30分までに復旧する見込みです", "15時頃を目処に再開予定", "10時までには戻る予定": Japanese writes what a clock looks
    // forward to after it (まで/までに "by", を目処に "aiming at", then 見込み "expected", 予定 "planned"), where English writes "ETA"
    // or "expected by" before it (ForecastLead). A moment a message names so is a forecast of no kind, as "ETA 10:45" is, whatever
    // the day it names; the message's own words are what it says now. Read on the thirty characters after the clock, within its sentence.
    // A clock without a day of its own must be later than the message's (review35b: "10時に決済で障害が発生し、復旧の見込みは立って
    // いません" said at 10:20 tells the failure at 10:00; "22時に切り戻しを実施し、予定通り完了" a step done as planned).
    private static bool JapaneseDeadline(TimeExpression said, string text, TimeExpression mentioned)
    {
        var end = mentioned.Index + mentioned.Length;
        return (mentioned.Date is not null || mentioned.MonthDay is not null || mentioned.Time > said.Time)
            && end < text.Length && text[end] is 'ま' or 'を' or '頃' or 'ご' or 'に' or '前'
            && JapaneseDeadlineAfter().IsMatch(text.AsSpan(end, Math.Min(30, text.Length - end)));
    }

    [GeneratedRegex(@"^(?:頃|ごろ)?(?:まで(?:に(?:は)?)?|を(?:目処|めど|目途)に|に(?:は)?|前(?:に|後)?)[^。.!?！？\n]{0,20}?(?:見込み(?![はが]立)|見通し(?![はが]立)|予定(?!通り|どおり|より|して|だった)|目処|めど|目途|見込(?![はが]立)|めざ|目指)")]
    private static partial Regex JapaneseDeadlineAfter();
}
