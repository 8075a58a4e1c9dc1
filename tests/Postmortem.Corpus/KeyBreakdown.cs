using System.Globalization;
using System.Text;

namespace Postmortem.Corpus;

/// <summary>
/// Key timestamps by key, with the three ways a key goes wrong: invented (the label says unknown, the pipeline
/// gave a time), missed (a labelled time, the pipeline said unknown) and wrong (both have a time, they differ).
/// Totals only: it names no case, so it can be read on the test split without reading its cases.
/// </summary>
public static class KeyBreakdown
{
    public static string Report(IReadOnlyList<CaseScore> scores)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"key",-14} {"right",9} {"invented",9} {"missed",7} {"wrong",6}");
        foreach (var group in scores.SelectMany(s => s.Keys).GroupBy(k => k.Name))
        {
            var keys = group.ToList();
            var invented = keys.Count(k => !k.Right && k.Want is null);
            var missed = keys.Count(k => !k.Right && k.Got is null);
            var wrong = keys.Count(k => !k.Right && k.Want is not null && k.Got is not null);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{group.Key,-14} {keys.Count(k => k.Right),4}/{keys.Count,-4} {invented,9} {missed,7} {wrong,6}");
        }

        // How far off the wrong times are: a whole number of days or of half-hours (a date or a zone misread moves every
        // key of a case by the same amount) against a near miss or another moment.
        var wrongTimes = scores.SelectMany(s => s.Keys).Where(k => !k.Right && k.Want is not null && k.Got is not null)
            .Select(k => Math.Abs((k.Got!.Value - k.Want!.Value).TotalMinutes)).ToList();
        int Count(Func<double, bool> test) => wrongTimes.Count(test);
        text.AppendLine(CultureInfo.InvariantCulture,
            $"wrong by: whole days {Count(m => m >= 1440 && m % 1440 == 0)}, whole half-hours under a day {Count(m => m < 1440 && m >= 30 && m % 30 == 0)}, "
            + $"under 15 minutes {Count(m => m < 15)}, other {Count(m => !(m >= 1440 && m % 1440 == 0) && !(m < 1440 && m >= 30 && m % 30 == 0) && m >= 15)}");
        return text.ToString();
    }
}
