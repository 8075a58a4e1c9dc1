namespace Postmortem.Model;

/// <summary>
/// A piece of text kept as a range of a longer string it came from — an event's text and written time inside its
/// provenance's raw line — so that a timeline of a million rows holds each line once, not three times (issue 9,
/// scale). The tidied text of a note differs from its line by an upper-cased first letter at most, which the slice
/// records. Equal when the texts are equal, whatever they are slices of.
/// </summary>
internal readonly struct TextSlice : IEquatable<TextSlice>
{
    // Longest owner searched for a part: provenance excerpts and export texts are cut well below it, and the search
    // stays linear on hostile input.
    private const int MaxOwner = 8192;

    private readonly string? owner;
    private readonly int start;

    // The length, negated when the first letter is the owner's letter upper-cased.
    private readonly int signedLength;

    private TextSlice(string owner, int start, int length, bool capital)
    {
        this.owner = owner;
        this.start = start;
        signedLength = capital ? -length : length;
    }

    private int Length => Math.Abs(signedLength);

    private bool Capital => signedLength < 0;

    /// <summary>The whole of <paramref name="text"/>.</summary>
    public static TextSlice Of(string text) => new(text, 0, text.Length, false);

    /// <summary><paramref name="part"/> as a range of <paramref name="owner"/> when it occurs there (as written, or with its first letter lower-cased); otherwise itself.</summary>
    public static TextSlice Within(string? owner, TextSlice part)
    {
        if (owner is null || part.owner is null || part.Length == 0 || ReferenceEquals(owner, part.owner) || owner.Length > MaxOwner || part.Length > owner.Length)
        {
            return part;
        }

        var text = part.ToString();
        var at = owner.AsSpan().IndexOf(text.AsSpan(), StringComparison.Ordinal);
        if (at >= 0)
        {
            return new(owner, at, text.Length, false);
        }

        if (text.Length < 2 || !char.IsUpper(text[0]))
        {
            return part;
        }

        // Tidied text: the owner's lower-case first letter upper-cased. A few candidates only, so the search stays linear.
        var rest = text.AsSpan(1);
        var from = 1;
        for (var tries = 0; tries < 8 && from < owner.Length; tries++)
        {
            var found = owner.AsSpan(from).IndexOf(rest, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            var first = from + found - 1;
            if (char.IsLower(owner[first]) && char.ToUpperInvariant(owner[first]) == text[0])
            {
                return new(owner, first, text.Length, true);
            }

            from += found + 1;
        }

        return part;
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        if (owner is null)
        {
            return string.Empty;
        }

        if (!Capital)
        {
            return start == 0 && signedLength == owner.Length ? owner : owner.Substring(start, signedLength);
        }

        return string.Create(Length, this, static (span, slice) =>
        {
            slice.owner.AsSpan(slice.start, span.Length).CopyTo(span);
            span[0] = char.ToUpperInvariant(span[0]);
        });
    }

    /// <inheritdoc/>
    public bool Equals(TextSlice other)
    {
        if (Length != other.Length)
        {
            return false;
        }

        return Length == 0 || (First == other.First && Rest.SequenceEqual(other.Rest));
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TextSlice other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Length == 0 ? 0 : HashCode.Combine(First, string.GetHashCode(Rest, StringComparison.Ordinal));

    private char First => Capital ? char.ToUpperInvariant(owner![start]) : owner![start];

    private ReadOnlySpan<char> Rest => owner.AsSpan(start + 1, Length - 1);
}
