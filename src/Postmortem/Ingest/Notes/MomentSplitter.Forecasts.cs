using System.Text.RegularExpressions;

namespace Postmortem.Ingest.Notes;

// A clock inside a forecast (thirty-second session): "- 10:30 Normalbetrieb ab 12 Uhr erwartet", "09:40 ETA 15:30 for full
// recovery", "Service expected back by 14:00", "retour du service prévu vers 11h". The clock used to cut the line before the plan
// word ("Normalbetrieb ab" read as the end at 10:30): the forecast is told at the line's time, with its plan word. Only 80
// characters before the clock and 40 after it are read, and every pattern is anchored at one end with bounded gaps: linear.
internal static partial class MomentSplitter
{
    /// <summary>
    /// True when <paramref name="t"/> (a time in <paramref name="sentence"/>) is the clock of a forecast: a plan word leads to it
    /// ("ETA 15:30", "expected back by 14:00", "voraussichtlich gegen 14 Uhr", "prévu vers 11h") or follows it after a
    /// preposition ("ab 12 Uhr erwartet", "vers 11h prévu"). <paramref name="from"/> is where the text it may read starts (the
    /// end of the time before it, or the sentence's start).
    /// </summary>
    internal static bool IsForecast(string sentence, TimeExpression t, int from)
    {
        var start = Math.Max(from, t.Index - 80);
        if (start > t.Index)
        {
            return false;
        }

        var lead = sentence.AsSpan(start, t.Index - start);
        if (ForecastLead().IsMatch(lead))
        {
            return true;
        }

        var end = t.Index + t.Length;
        return PrepositionLead().IsMatch(lead) && ForecastTail().IsMatch(sentence.AsSpan(end, Math.Min(40, sentence.Length - end)));
    }

    /// <summary>
    /// The moments of a sentence with each forecast's clock read with the moment before it: that moment's clause runs on over the
    /// forecast ("10:30 Normalbetrieb ab 12 Uhr erwartet" is not cut to "Normalbetrieb ab"), and the forecast's own moment
    /// keeps the words that lead to its clock ("ETA 15:30 for full recovery", not "for full recovery"). The forecast's clock is
    /// still a moment (a time the text names), told as a plan, so the kind reading sees the plan word in both.
    /// </summary>
    private static void JoinForecasts(string sentence, List<TimeExpression> merged, List<Moment> moments)
    {
        for (var i = 1; i < moments.Count; i++)
        {
            var previous = merged[i - 1];
            if (IsForecast(sentence, merged[i], previous.Index + previous.Length))
            {
                moments[i - 1] = moments[i - 1] with { End = moments[i].End };
                moments[i] = moments[i] with { Start = Math.Min(moments[i].Start, previous.Index + previous.Length) };
            }
        }
    }

    // "ETA 15:30", "ETA for full recovery is ~15:30"; "expected back by", "expected to be restored by", "full recovery expected
    // around", "we expect full recovery by", "estimated time of recovery:", "should be back by", "will be restored at";
    // "voraussichtlich gegen", "erwartet ab", "geplant für", "prévu vers", "estimé à".
    [GeneratedRegex(@"(?i)(?:\b(?:eta|etr)\b(?:\s+[^\s,.;!?]+){0,4}?|(?<!\b(?:as|than)\s)\b(?:expected|expect|expects|expecting|estimated|anticipated|projected|forecast|targeted)\b(?:\s+(?:to\s+)?(?:be\s+)?(?:back|online|up|restored|resolved|fixed|completed?|finished|done|recovered|recover|return|resume|end|complete|finish|last))?(?:\s+(?:(?:a|the|full|complete)\s+){0,2}(?:recovery|resolution|restoration|completion|return|end|time|fix)(?:\s+time)?)?(?:\s+(?:of|for|to)\s+(?:(?:the|a|full|complete)\s+){0,2}(?:recovery|resolution|restoration|completion|service))?(?:\s*(?:\b(?:by|at|around|about|from|before|until|till|for|in|within|no later than|between|is)\b|:))?|\b(?:will|should|shall|to)\s+be\s+(?:back|online|up|restored|resolved|fixed|completed?|done|recovered)(?:\s+(?:online|up|to\s+normal))?\s+(?:by|at|around|before|no later than)|\b(?:voraussichtlich|erwartet|geplant|vorgesehen|prévue?s?|estimée?s?|attendue?s?)\s+(?:(?:ab|bis|gegen|um|für|vers|à|pour|d['’]ici|avant|dès)\s+)?)\s*[:~]?\s*(?:(?:approx\w*\.?|around|about|roughly|ca\.|circa|environ)\s*)?$")]
    private static partial Regex ForecastLead();

    // A preposition of time right before the clock, the plan word after it: "ab 12 Uhr erwartet", "gegen Mittag erwartet",
    // "vers 11h prévu", "by 14:00 expected".
    [GeneratedRegex(@"(?i)\b(?:ab|bis|gegen|um|für|vers|à|pour|d['’]ici|avant|dès|by|at|around|before)\s*(?:(?:ca\.|circa|environ|approx\w*\.?|around|about)\s*)?$")]
    private static partial Regex PrepositionLead();

    [GeneratedRegex(@"(?i)^\s*(?:uhr\s+)?(?:(?:utc|mez|mesz|cet|cest)\s+)?(?:wieder\s+|zurück\s+)?(?:erwartet|geplant|vorgesehen|angesetzt|prévue?s?|attendue?s?|estimée?s?|expected|estimated|planned|anticipated)\b")]
    private static partial Regex ForecastTail();
}
