using System.Reflection;
using System.Text.RegularExpressions;
using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// A chat header with the speaker first is tried only on a line that starts, after its white space, with "@" or a letter, and ends
/// as a clock or a bracket does (twenty-fourth session, docs/benchmarks.md): on random lines of names, handles, tags, clocks with
/// and without meridiems and dots, other digits, brackets and white space of every kind (control characters, no-break and other
/// spaces), no line the pattern matches is refused.
/// </summary>
public sealed class ChatNameStartTests
{
    private static readonly Regex SpeakerHeader = (Regex)typeof(NotesExtractor).Assembly.GetType("Postmortem.Ingest.Notes.ChatLines")!
        .GetMethod("SpeakerHeader", BindingFlags.NonPublic | BindingFlags.Static)!.Invoke(null, null)!;

    private static readonly string[] Tokens =
    [
        "Priya Raman", "dana", "@sam", "Ünal", "李", "ǅ", "Sam (LF team)", " @handle", " APP", " BOT", " — ", " - ", ", ", "  ", " ", "\t", "\u00a0", "\u2003", "\u0085",
        "\u001f", "\u0000", "9:14 PM", "10:02", "Today at 9:14 PM", "Yesterday 4:15 PM", "12/10 11:04", "[05.03.2024 09:14]", "[", "]", "1", "_", "-", "(", "'", " p.m.", " a.m", "am.", ".", "٣", "issues.",
    ];

    [Fact]
    public void No_line_the_speaker_header_matches_is_refused()
    {
        var random = new Random(2412);
        var matched = 0;
        for (var n = 0; n < 40_000; n++)
        {
            var line = string.Concat(Enumerable.Range(0, random.Next(0, 7)).Select(_ => Tokens[random.Next(Tokens.Length)]));
            if (SpeakerHeader.IsMatch(line))
            {
                matched++;
                Assert.True(ChatLines.MayBeSpeakerHeader(line), $"'{line}'");
            }
        }

        Assert.True(matched > 500, $"{matched}");
    }

    [Theory]
    [InlineData("Priya Raman  9:14 PM", true)]
    [InlineData("  @dkim 9:14 AM", true)]
    [InlineData("[14:05] @sam: the deploy went out", false)]
    [InlineData("- 14:05 the deploy went out", false)]
    [InlineData("Two minutes later, the status page said: investigating.", false)]
    [InlineData("Dana (she/her)  9:14 p.m. ", true)]
    public void Lines_of_our_own(string line, bool may) => Assert.Equal(may, ChatLines.MayBeSpeakerHeader(line));
}
