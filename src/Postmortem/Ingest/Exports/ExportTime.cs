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
    // 9999-01-01T00:00:00Z: the first instant past Model.DateRange.
    private static readonly long MaxEpochSeconds = Model.DateRange.Max.PlusDays(1).AtMidnight().InUtc().ToInstant().ToUnixTimeSeconds();

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
    public static bool TryEpoch(ReadOnlySpan<byte> s, out ExportInstant result) => TryEpoch(s, EpochUnit.BySize, out result, out _);

    /// <summary>An epoch number in <paramref name="unit"/> (a fraction allowed for seconds). False when it is not such a number, or when it
    /// lies past <see cref="Model.DateRange"/> (then <paramref name="outOfRange"/> is true): a millisecond time of year 300000 is not read as some other year.</summary>
    public static bool TryEpoch(ReadOnlySpan<byte> s, EpochUnit unit, out ExportInstant result, out bool outOfRange)
    {
        result = default;
        outOfRange = false;
        var dot = s.IndexOf((byte)'.');
        var whole = dot < 0 ? s : s[..dot];
        if (whole.Length is 0 or > 19 || !Long(whole, out var value))
        {
            return false;
        }

        unit = unit == EpochUnit.BySize ? UnitBySize(whole.Length) : unit;
        if (dot >= 0 && unit != EpochUnit.Seconds)
        {
            return false;
        }

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

        var perSecond = unit switch
        {
            EpochUnit.Seconds => 1L,
            EpochUnit.Milliseconds => 1_000L,
            EpochUnit.Microseconds => 1_000_000L,
            _ => 1_000_000_000L,
        };
        if (value / perSecond >= MaxEpochSeconds)
        {
            outOfRange = true;
            return false;
        }

        var instant = unit switch
        {
            EpochUnit.Seconds => Instant.FromUnixTimeSeconds(value).PlusNanoseconds(fraction),
            EpochUnit.Milliseconds => Instant.FromUnixTimeMilliseconds(value),
            EpochUnit.Microseconds => Instant.FromUnixTimeTicks(value * 10),
            _ => Instant.FromUnixTimeTicks(value / 100),
        };
        result = new ExportInstant(instant, "UTC");
        return true;
    }

    /// <summary>The unit an epoch number of <paramref name="digits"/> whole digits is read in when its unit is unknown.</summary>
    public static EpochUnit UnitBySize(int digits) => digits switch
    {
        <= 11 => EpochUnit.Seconds,
        <= 14 => EpochUnit.Milliseconds,
        <= 17 => EpochUnit.Microseconds,
        _ => EpochUnit.Nanoseconds,
    };

    /// <summary>Words for PM0410: what an epoch number that <see cref="TryEpoch(ReadOnlySpan{byte}, EpochUnit, out ExportInstant, out bool)"/> found out of range means in <paramref name="unit"/>.</summary>
    public static string Describe(ReadOnlySpan<byte> s, EpochUnit unit)
    {
        var dot = s.IndexOf((byte)'.');
        var whole = dot < 0 ? s : s[..dot];
        _ = Long(whole, out var value);
        unit = unit == EpochUnit.BySize ? UnitBySize(whole.Length) : unit;
        var perSecond = unit switch { EpochUnit.Seconds => 1m, EpochUnit.Milliseconds => 1e3m, EpochUnit.Microseconds => 1e6m, _ => 1e9m };
        var year = 1970 + decimal.Floor(value / perSecond / 31_556_952m);
        return $"read as {unit.ToString().ToLowerInvariant()} since 1970 falls in year {year:N0}";
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
