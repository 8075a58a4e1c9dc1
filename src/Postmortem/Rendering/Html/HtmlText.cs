using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Postmortem.Rendering.Html;

/// <summary>Input text as HTML text: control characters removed (<see cref="ControlText"/>), then every character that could open markup or end an attribute encoded.</summary>
/// <remarks>The encoding is the framework's <see cref="HtmlEncoder"/> (it encodes <c>&lt; &gt; &amp; " '</c> and more), with every script left readable instead of as numeric entities.</remarks>
internal static class HtmlText
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Encodes <paramref name="text"/> for an element's content or a quoted attribute value; null becomes empty.</summary>
    public static string Encode(string? text) => text is null ? string.Empty : Encoder.Encode(ControlText.Strip(text));

    /// <summary>Encodes <paramref name="text"/> with its line breaks kept as <c>&lt;br&gt;</c>.</summary>
    public static string Lines(string? text) =>
        text is null ? string.Empty : string.Join("<br>", text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim('\n').Split('\n').Select(Encode));
}
