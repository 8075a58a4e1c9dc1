using System.Security.Cryptography;
using System.Text;

namespace Postmortem.Ingest.Documents;

/// <summary>The short fingerprint a Markdown record keeps of text the tool wrote (front matter <c>observed:</c>), to tell it from a person's edit.</summary>
internal static class RecordHash
{
    /// <summary>The first 8 hex digits of the SHA-256 of <paramref name="text"/> (UTF-8).</summary>
    public static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8];
}
