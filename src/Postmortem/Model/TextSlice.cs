using System.Text;

namespace Postmortem.Model;

/// <summary>
/// A piece of text kept as a range of a longer text it came from — an event's text and written time inside its
/// provenance's raw line, that line inside the UTF-8 bytes of its notes file — so that a timeline of a million rows
/// holds each line once, not three times, and as UTF-8 (issue 9, scale). The owner is a <see cref="string"/> (the range
/// in chars) or UTF-8 bytes (the range in bytes). The tidied text of a note differs from its line by an upper-cased first
/// letter at most, which the slice records. Equal when the texts are equal, whatever they are slices of.
/// </summary>
internal readonly struct TextSlice : IEquatable<TextSlice>
{
    // Longest owner searched for a part: provenance excerpts and export texts are cut well below it, and the search
    // stays linear on hostile input.
    private const int MaxOwner = 8192;

    private readonly object? owner;
    private readonly int start;

    // The length, negated when the first letter is the owner's letter upper-cased.
    private readonly int signedLength;

    private TextSlice(object owner, int start, int length, bool capital)
    {
        this.owner = owner;
        this.start = start;
        signedLength = capital ? -length : length;
    }

    private int Length => Math.Abs(signedLength);

    /// <summary>True when the slice is (part of) a string, not of UTF-8 bytes.</summary>
    public bool IsString => owner is not byte[];

    private bool Capital => signedLength < 0;

    /// <summary>The whole of <paramref name="text"/>.</summary>
    public static TextSlice Of(string text) => new(text, 0, text.Length, false);

    /// <summary>A range of UTF-8 <paramref name="bytes"/>, valid UTF-8 that starts and ends on a character boundary.</summary>
    public static TextSlice Utf8(byte[] bytes, int start, int length) => new(bytes, start, length, false);

    /// <summary><paramref name="part"/> as a range of <paramref name="owner"/> when it occurs there (as written, or with its first letter lower-cased); otherwise itself.</summary>
    public static TextSlice Within(TextSlice owner, TextSlice part)
    {
        if (owner.owner is null || owner.Capital || part.owner is null || part.Length == 0 || ReferenceEquals(owner.owner, part.owner) || owner.Length > MaxOwner)
        {
            return part;
        }

        var whole = owner.ToString();
        var text = part.ToString();
        if (text.Length > whole.Length)
        {
            return part;
        }

        var (at, capital) = Find(whole, text);
        if (at < 0)
        {
            return part;
        }

        if (owner.owner is string s)
        {
            return new(s, owner.start + at, text.Length, capital);
        }

        var bytes = (byte[])owner.owner;
        if (System.Text.Ascii.IsValid(whole))
        {
            return new(bytes, owner.start + at, text.Length, capital);
        }

        // Not ASCII: the range in bytes, checked by decoding it (a range must not cut a character).
        var slice = new TextSlice(bytes, owner.start + Encoding.UTF8.GetByteCount(whole.AsSpan(0, at)), Encoding.UTF8.GetByteCount(text.AsSpan(capital ? 1 : 0)) + (capital ? 1 : 0), capital);
        return capital && whole[at] > 0x7F ? part : slice.ToString() == text ? slice : part;
    }

    // Where text is in whole: as written, or (tidied text) with the owner's lower-case first letter upper-cased.
    private static (int At, bool Capital) Find(string whole, string text)
    {
        var at = whole.AsSpan().IndexOf(text.AsSpan(), StringComparison.Ordinal);
        if (at >= 0)
        {
            return (at, false);
        }

        if (text.Length < 2 || !char.IsUpper(text[0]))
        {
            return (-1, false);
        }

        // A few candidates only, so the search stays linear.
        var rest = text.AsSpan(1);
        var from = 1;
        for (var tries = 0; tries < 8 && from < whole.Length; tries++)
        {
            var found = whole.AsSpan(from).IndexOf(rest, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            var first = from + found - 1;
            if (char.IsLower(whole[first]) && char.ToUpperInvariant(whole[first]) == text[0])
            {
                return (first, true);
            }

            from += found + 1;
        }

        return (-1, false);
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        switch (owner)
        {
            case null:
                return string.Empty;
            case byte[] bytes:
                var decoded = Encoding.UTF8.GetString(bytes, start, Length);
                return Capital ? string.Concat(char.ToUpperInvariant(decoded[0]).ToString(), decoded.AsSpan(1)) : decoded;
            case string s when !Capital:
                return start == 0 && signedLength == s.Length ? s : s.Substring(start, signedLength);
            default:
                return string.Create(Length, this, static (span, slice) =>
                {
                    ((string)slice.owner!).AsSpan(slice.start, span.Length).CopyTo(span);
                    span[0] = char.ToUpperInvariant(span[0]);
                });
        }
    }

    /// <inheritdoc/>
    public bool Equals(TextSlice other)
    {
        if (owner is string && other.owner is string)
        {
            return Length == other.Length && (Length == 0 || (First == other.First && Rest.SequenceEqual(other.Rest)));
        }

        return string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TextSlice other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        if (owner is string)
        {
            return Length == 0 ? 0 : HashCode.Combine(First, string.GetHashCode(Rest, StringComparison.Ordinal));
        }

        var text = ToString();
        return text.Length == 0 ? 0 : HashCode.Combine(text[0], string.GetHashCode(text.AsSpan(1), StringComparison.Ordinal));
    }

    private char First => Capital ? char.ToUpperInvariant(((string)owner!)[start]) : ((string)owner!)[start];

    private ReadOnlySpan<char> Rest => ((string)owner!).AsSpan(start + 1, Length - 1);
}
