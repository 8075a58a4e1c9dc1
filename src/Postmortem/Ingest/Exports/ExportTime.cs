using NodaTime;

namespace Postmortem.Ingest.Exports;

/// <summary>An instant read from an export, with the offset it was written in.</summary>
/// <param name="Instant">The moment, in UTC.</param>
/// <param name="Zone">"UTC", or the written offset such as "UTC-05:00".</param>
/// <param name="OffsetWritten">False for an ISO time written without an offset (then read as UTC).</param>
public readonly record struct ExportInstant(Instant Instant, string Zone, bool OffsetWritten = true);

/// <summary>
/// Parses the timestamps exports use, straight from UTF-8: ISO 8601 / RFC 3339 with any fraction and
/// offset notation, and epoch numbers in seconds, milliseconds or nanoseconds (as numbers or strings).
/// </summary>
public static class ExportTime
{
    /// <summary>ISO 8601: <c>2013-03-06T21:33:15Z</c>, <c>…21:33:15.873077559-05:00</c>, <c>…T17:00Z</c>, <c>…T03:30-07</c>, <c>2011-05-06</c>.
    /// A value without an offset is taken as UTC. False for anything else, and for Go's zero time (year 1).</summary>
    public static bool TryIso(ReadOnlySpan<byte> s, out ExportInstant result)
    {
        result = default;
        if (s.Length < 10 || !Int(s[..4], out var year) || s[4] != '-' || !Int(s.Slice(5, 2), out var month) || s[7] != '-' || !Int(s.Slice(8, 2), out var day))
        {
            return false;
        }

        int hour = 0, minute = 0, second = 0;
        long nanos = 0;
        var i = 10;
        if (i < s.Length && (s[i] == 'T' || s[i] == 't' || s[i] == ' '))
        {
            if (s.Length < i + 6 || !Int(s.Slice(i + 1, 2), out hour) || s[i + 3] != ':' || !Int(s.Slice(i + 4, 2), out minute))
            {
                return false;
            }

            i += 6;
            if (i < s.Length && s[i] == ':')
            {
                if (s.Length < i + 3 || !Int(s.Slice(i + 1, 2), out second))
                {
                    return false;
                }

                i += 3;
                if (i < s.Length && (s[i] == '.' || s[i] == ','))
                {
                    i++;
                    var digits = 0;
                    while (i < s.Length && s[i] is >= (byte)'0' and <= (byte)'9')
                    {
                        if (digits < 9)
                        {
                            nanos = (nanos * 10) + (s[i] - '0');
                        }

                        digits++;
                        i++;
                    }

                    if (digits == 0)
                    {
                        return false;
                    }

                    for (; digits < 9; digits++)
                    {
                        nanos *= 10;
                    }
                }
            }
        }

        var offsetSeconds = 0;
        var zone = "UTC";
        var written = i < s.Length;
        if (written)
        {
            if (s[i] is (byte)'Z' or (byte)'z' && i == s.Length - 1)
            {
            }
            else if (s[i] is (byte)'+' or (byte)'-' && TryOffset(s[(i + 1)..], out var minutes))
            {
                offsetSeconds = (s[i] == '-' ? -minutes : minutes) * 60;
                zone = offsetSeconds == 0 ? "UTC" : $"UTC{(offsetSeconds < 0 ? '-' : '+')}{Math.Abs(minutes) / 60:00}:{Math.Abs(minutes) % 60:00}";
            }
            else
            {
                return false;
            }
        }

        // Years 1 and 9999 are refused: an offset or a window margin would take them past NodaTime's range (Model.DateRange).
        if (!Model.DateRange.ContainsYear(year) || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        var local = new LocalDateTime(year, month, day, hour, minute, Math.Min(second, 59)).PlusNanoseconds(nanos);
        result = new ExportInstant(local.InUtc().ToInstant().Minus(Duration.FromSeconds(offsetSeconds)), zone, written);
        return true;
    }

    /// <summary><see cref="TryIso(ReadOnlySpan{byte}, out ExportInstant)"/> for text (command-line options, YAML values, CSV cells).</summary>
    public static bool TryIso(string text, out ExportInstant result) => TryIso(System.Text.Encoding.UTF8.GetBytes(text.Trim()), out result);

    /// <summary>An epoch number, its unit told by its size: up to 11 digits seconds (a fraction allowed, as Slack's <c>ts</c>),
    /// 12–14 milliseconds, 15–17 microseconds, 18–19 nanoseconds.</summary>
    public static bool TryEpoch(ReadOnlySpan<byte> s, out ExportInstant result)
    {
        result = default;
        var dot = s.IndexOf((byte)'.');
        var whole = dot < 0 ? s : s[..dot];
        if (whole.Length is 0 or > 19 || !Long(whole, out var value))
        {
            return false;
        }

        Instant instant;
        switch (whole.Length)
        {
            case <= 11:
                long fraction = 0;
                if (dot >= 0)
                {
                    var digits = s[(dot + 1)..];
                    if (digits.Length > 9 || (digits.Length > 0 && !Long(digits, out fraction)))
                    {
                        return false;
                    }

                    for (var k = digits.Length; k < 9; k++)
                    {
                        fraction *= 10;
                    }
                }

                instant = Instant.FromUnixTimeSeconds(value).PlusNanoseconds(fraction);
                break;
            case <= 14 when dot < 0:
                instant = Instant.FromUnixTimeMilliseconds(value);
                break;
            case <= 17 when dot < 0:
                instant = Instant.FromUnixTimeTicks(value * 10);
                break;
            case <= 19 when dot < 0:
                instant = Instant.FromUnixTimeTicks(value / 100);
                break;
            default:
                return false;
        }

        result = new ExportInstant(instant, "UTC");
        return true;
    }

    /// <summary>Either notation: ISO 8601 first, then an epoch number.</summary>
    public static bool TryAny(ReadOnlySpan<byte> s, out ExportInstant result) => TryIso(s, out result) || TryEpoch(s, out result);

    private static bool TryOffset(ReadOnlySpan<byte> s, out int minutes)
    {
        minutes = 0;
        if (s.Length == 2 && Int(s, out var h))
        {
            minutes = h * 60;
            return h <= 18;
        }

        if (s.Length == 5 && s[2] == ':' && Int(s[..2], out h) && Int(s[3..], out var m)
            || s.Length == 4 && Int(s[..2], out h) && Int(s[2..], out m))
        {
            minutes = (h * 60) + m;
            return h <= 18 && m < 60;
        }

        return false;
    }

    private static bool Int(ReadOnlySpan<byte> s, out int value)
    {
        var ok = Long(s, out var v);
        value = (int)Math.Min(v, int.MaxValue);
        return ok && s.Length <= 9;
    }

    private static bool Long(ReadOnlySpan<byte> s, out long value)
    {
        value = 0;
        if (s.IsEmpty || s.Length > 19)
        {
            return false;
        }

        foreach (var b in s)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = unchecked((value * 10) + (b - '0'));
        }

        return value >= 0;
    }
}
