using System.Globalization;
using System.Text;

namespace Postmortem.Bench;

/// <summary>Generates raw incident notes in every form the extractor reads, deterministically.</summary>
internal static class NotesGenerator
{
    private static readonly string[] Phrases =
    [
        "Deploy of the checkout service went out",
        "Datadog alert for elevated 5xx rate fired",
        "On-call engineer paged via PagerDuty",
        "Senior engineer joined the war room",
        "Redis connection pool exhaustion identified in APM traces",
        "Status page updated: investigating checkout issues",
        "Decision made to roll back the promo banner deploy",
        "Rolled back the deploy and raised the connection limit",
        "Checkout confirmed stable, error rate back to baseline",
        "Customer complaint in Zendesk about frozen carts",
    ];

    public static string Generate(int targetBytes, int seed = 42, int onlyKind = -1)
    {
        var random = new Random(seed);
        var b = new StringBuilder(targetBytes + 1024);
        var day = new DateOnly(2023, 11, 1);
        var minute = 0;
        b.Append("All times are in UTC unless written otherwise.\n\n");
        while (b.Length < targetBytes)
        {
            if (minute >= 24 * 60 - 30)
            {
                minute = 0;
                day = day.AddDays(1);
                b.Append("## ").Append(day.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)).Append("\n\n");
            }

            minute += random.Next(1, 6);
            var time = $"{minute / 60:00}:{minute % 60:00}";
            var phrase = Phrases[random.Next(Phrases.Length)];
            switch (onlyKind >= 0 ? onlyKind : random.Next(8))
            {
                case 0:
                    b.Append("- ").Append(time).Append(' ').Append(phrase).Append('\n');
                    break;
                case 1:
                    b.Append('[').Append(time).Append("] @sam: ").Append(phrase).Append(", looking at the dashboards now\n");
                    break;
                case 2:
                    b.Append(phrase).Append(" at ").Append(time).Append(" ET. The team kept working on it while customers waited.\n\n");
                    break;
                case 3:
                    b.Append("| ").Append(time).Append(" | ").Append(phrase).Append(" | Slack | On-call |\n");
                    break;
                case 4:
                    b.Append("Notes from the bridge: nobody had seen this failure mode before, and the runbook was silent on it.\n\n");
                    break;
                case 5:
                    b.Append("Two minutes later, ").Append(phrase.ToLowerInvariant()).Append(".\n");
                    break;
                case 6:
                    b.Append(time).Append("–").Append($"{(minute + 5) / 60 % 24:00}:{(minute + 5) % 60:00}").Append(" UTC ").Append(phrase).Append('\n');
                    break;
                default:
                    b.Append("### ").Append(day.ToString("yyyy MMMM d", CultureInfo.InvariantCulture)).Append(' ').Append(time).Append(" UTC\n\n").Append(phrase).Append(".\n\n");
                    break;
            }
        }

        return b.ToString();
    }
}
