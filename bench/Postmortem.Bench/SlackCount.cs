using System.Globalization;
using System.Text.Json;

namespace Postmortem.Bench;

/// <summary>
/// Counts a Slack channel's messages in a window with <see cref="JsonDocument"/>, one day file at a time:
/// an independent count (not our reader) to check that a window returns every message the channel has.
/// </summary>
internal static class SlackCount
{
    /// <summary>Messages of <paramref name="channelFolder"/>'s day files whose <c>ts</c> is inside [from, to], and how many of them are joins or leaves.</summary>
    public static (int Messages, int Joins) InWindow(string channelFolder, DateTimeOffset from, DateTimeOffset to)
    {
        var low = from.ToUnixTimeMilliseconds() / 1000m;
        var high = to.ToUnixTimeMilliseconds() / 1000m;
        int messages = 0, joins = 0;
        foreach (var day in Directory.GetFiles(channelFolder, "*.json"))
        {
            using var stream = File.OpenRead(day);
            using var document = JsonDocument.Parse(stream);
            foreach (var message in document.RootElement.EnumerateArray())
            {
                var ts = decimal.Parse(message.GetProperty("ts").GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);
                if (ts < low || ts > high)
                {
                    continue;
                }

                messages++;
                if (message.TryGetProperty("subtype", out var subtype) && subtype.GetString() is { } s && (s.EndsWith("_join", StringComparison.Ordinal) || s.EndsWith("_leave", StringComparison.Ordinal)))
                {
                    joins++;
                }
            }
        }

        return (messages, joins);
    }
}
