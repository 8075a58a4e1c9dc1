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

        // Which way the wrong times lean, per key: a rule that takes an earlier candidate than the label (a failed
        // attempt, a partial recovery) or a later one (the all-clear after the fix) shows as a lean, not as noise.
        foreach (var group in scores.SelectMany(s => s.Keys).Where(k => !k.Right && k.Want is not null && k.Got is not null).GroupBy(k => k.Name))
        {
            var offsets = group.Select(k => (k.Got!.Value - k.Want!.Value).TotalMinutes).ToList();
            var early = offsets.Where(m => m < 0).Order().ToList();
            var late = offsets.Where(m => m > 0).Order().ToList();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{group.Key,-14} wrong {offsets.Count}: early {early.Count} (median {Median(early)} min), late {late.Count} (median {Median(late)} min)");
        }

        return text.ToString();
    }

    private static string Median(List<double> sorted) =>
        sorted.Count == 0 ? "-" : sorted[sorted.Count / 2].ToString("0", CultureInfo.InvariantCulture);
}
