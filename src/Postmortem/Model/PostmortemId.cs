using System.Security.Cryptography;
using NodaTime;

namespace Postmortem.Model;

/// <summary>Stable postmortem ids (docs/format.md, <c>id</c>): minted once, by <c>new</c>, and kept by every rewrite.</summary>
public static class PostmortemId
{
    /// <summary>What an id may hold, for diagnostics.</summary>
    public const string Allowed = "letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64 characters";

    // Crockford's base 32: no I, L, O or U, so an id read aloud or copied by hand stays right.
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    /// <summary>A new id: <c>pm-</c>, the day it was minted, and eight random characters (40 bits), e.g. <c>pm-20240201-7k2m9xqa</c>.</summary>
    public static string New(Instant now)
    {
        return $"pm-{now.InUtc().Date:yyyyMMdd}-{RandomTail()}";
    }

    /// <summary>Eight random Crockford base-32 characters (40 bits).</summary>
    internal static string RandomTail()
    {
        Span<byte> random = stackalloc byte[8];
        RandomNumberGenerator.Fill(random);
        Span<char> tail = stackalloc char[8];
        for (var i = 0; i < tail.Length; i++)
        {
            tail[i] = Alphabet[random[i] & 31];
        }

        return new string(tail);
    }

    /// <summary>True when <paramref name="id"/> has the allowed shape.</summary>
    public static bool IsValid(string id) =>
        id.Length is > 0 and <= 64 && char.IsAsciiLetterOrDigit(id[0]) && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
}
