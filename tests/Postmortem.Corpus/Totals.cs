using System.Globalization;

namespace Postmortem.Corpus;

/// <summary>Micro-averaged scores over a set of cases.</summary>
public sealed record Totals(string Name, int Cases, double Recall, double Precision, double Kinds, int KeysRight, int Keys, int DurationsRight, int Durations)
{
    public double KeyAccuracy => Keys == 0 ? 1 : (double)KeysRight / Keys;

    public double DurationAccuracy => Durations == 0 ? 1 : (double)DurationsRight / Durations;

    public static Totals Of(string name, IReadOnlyList<CaseScore> scores)
    {
        static double R(int a, int b) => b == 0 ? 1 : (double)a / b;
        return new Totals(
            name,
            scores.Count,
            R(scores.Sum(s => s.Found), scores.Sum(s => s.Expected)),
            R(scores.Sum(s => s.Correct), scores.Sum(s => s.Predicted)),
            R(scores.Sum(s => s.KindsRight), scores.Sum(s => s.KindsScored)),
            scores.Sum(s => s.Keys.Count(k => k.Right)),
            scores.Sum(s => s.Keys.Count),
            scores.Count(s => s.DurationRight == true),
            scores.Count(s => s.DurationRight is not null));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"TOTAL {Name,-5} cases {Cases,3}  recall {Recall:0.000}  precision {Precision:0.000}  kinds {Kinds:0.000}  keys {KeysRight}/{Keys} = {KeyAccuracy:0.000}  durations {DurationsRight}/{Durations} = {DurationAccuracy:0.000}");
}
