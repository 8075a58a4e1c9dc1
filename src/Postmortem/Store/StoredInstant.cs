using NodaTime.Text;

namespace Postmortem.Store;

/// <summary>An instant as the index stores it (<see cref="InstantPattern.General"/>: <c>2024-03-01T08:00:00Z</c>), read back as Unix seconds.</summary>
internal static class StoredInstant
{
    /// <summary>
    /// The Unix seconds of <paramref name="text"/>, or null when it is not an instant. The stored form (four-digit year from 1, in
    /// range) is read by hand; anything else goes to NodaTime's parser, so the answer is the same (issue 10: <c>stats</c> reads six
    /// per incident, and the general parser was a large part of reading 100,000 incidents).
    /// </summary>
    public static long? Seconds(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (text.Length == 20 && text[4] == '-' && text[7] == '-' && text[10] == 'T' && text[13] == ':' && text[16] == ':' && text[19] == 'Z')
        {
            int year = Number(text, 0, 4), month = Number(text, 5, 2), day = Number(text, 8, 2);
            int hour = Number(text, 11, 2), minute = Number(text, 14, 2), second = Number(text, 17, 2);
            if (year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
                && hour is >= 0 and < 24 && minute is >= 0 and < 60 && second is >= 0 and < 60)
            {
                return (new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond;
            }
        }

        return InstantPattern.General.Parse(text) is { Success: true } parsed ? parsed.Value.ToUnixTimeSeconds() : null;
    }

    // The number written by the ASCII digits at [start, start + length), or -1 when one is not a digit.
    private static int Number(string text, int start, int length)
    {
        var value = 0;
        for (var i = start; i < start + length; i++)
        {
            if (text[i] is < '0' or > '9')
            {
                return -1;
            }

            value = (value * 10) + (text[i] - '0');
        }

        return value;
    }
}
