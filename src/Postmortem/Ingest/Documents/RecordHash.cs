using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;

namespace Postmortem.Ingest.Documents;

/// <summary>The short fingerprint a Markdown record keeps of text the tool wrote (front matter <c>observed:</c>), to tell it from a person's edit.</summary>
/// <remarks>
/// The fingerprint only tells the tool's own words from a person's; nobody gains by forging one, so it needs no
/// cryptographic hash. It is XxHash3 (System.IO.Hashing, managed code): SHA-256 on Linux goes through OpenSSL, and loading
/// and initialising libssl and libcrypto was a tenth of the native <c>draft</c>'s start-up. Records written before the
/// thirteenth session hold the first 8 hex digits of the SHA-256; <see cref="Matches"/> still accepts those, so an older
/// record's untouched cells stay the tool's.
/// </remarks>
internal static class RecordHash
{
    /// <summary>The first 8 hex digits of the XxHash3 (seed 0) of <paramref name="text"/> (UTF-8).</summary>
    public static string Of(string text) => Convert.ToHexStringLower(XxHash3.Hash(Encoding.UTF8.GetBytes(text)))[..8];

    /// <summary>True when <paramref name="fingerprint"/> is this text's, as written now or by an older version (SHA-256).</summary>
    public static bool Matches(string text, string fingerprint) =>
        Of(text) == fingerprint || Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8] == fingerprint;
}
