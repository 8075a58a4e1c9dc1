using System.Text;

namespace Postmortem.Bench;

/// <summary>Generates postmortem-shaped Markdown: prose with and without blame, tables, quotes, code, suppressions.</summary>
internal static class MarkdownGenerator
{
    private static readonly string[] Sentences =
    [
        "The promo banner deploy introduced a cache stampede against the Redis cluster.",
        "The on-call engineer should have escalated sooner, which obviously delayed the rollback.",
        "Detection was delayed by 9 minutes because the 5xx alert fires downstream of the pool.",
        "Priya rolled back the deploy after @sam paged her through a direct message.",
        "This was not human error: the runbook did not cover Redis connection pool exhaustion.",
        "The root cause was a default pool size that nobody revisited as traffic grew.",
        "Status page updates fell to whoever was least busy diagnosing the problem.",
        "The team just restarted the pods and the error rate returned to baseline.",
    ];

    public static string Generate(int targetBytes, int seed = 11)
    {
        var random = new Random(seed);
        var b = new StringBuilder(targetBytes + 4096);
        var n = 0;
        while (b.Length < targetBytes)
        {
            n++;
            b.Append("## Postmortem: Incident ").Append(n).Append("\n\n### Summary\n\n");
            for (var i = 0; i < 6; i++)
            {
                b.Append(Sentences[random.Next(Sentences.Length)]).Append(' ');
            }

            b.Append("\n\n> \"I should have checked the dashboard\" — quoted from the channel\n\n");
            b.Append("<!-- postmortem-disable-next-line hindsight -->\nClearly the cache was cold.\n\n");
            b.Append("```\nERROR human error in log output\n```\n\n### Timeline\n\n| Time (UTC) | Event | Source | Actor |\n|---|---|---|---|\n");
            for (var i = 0; i < 5; i++)
            {
                b.Append("| 12:").Append((10 + i).ToString("00", System.Globalization.CultureInfo.InvariantCulture)).Append(" | ")
                    .Append(Sentences[random.Next(Sentences.Length)]).Append(" | Slack | On-call engineer |\n");
            }

            b.Append("\n### Action items\n\n| ID | Action | Type | Owner | Due date | Status |\n|---|---|---|---|---|---|\n");
            b.Append("| 1 | Engineers should be more careful with deploys | Process | Platform | Dec 1, 2023 | Open |\n");
            b.Append("| 2 | Add a Redis pool utilisation alert at 75% | Detect | Platform | Dec 1, 2023 | Open |\n\n");
        }

        return b.ToString();
    }
}
