using System.Text;
using Postmortem.Ingest;

namespace Postmortem.Tests.Ingest;

/// <summary><see cref="TextFile.ReadLines"/> gives the lines and the diagnostics that reading the whole text and splitting it gives (issue 9).</summary>
public sealed class TextFileLinesTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("postmortem-lines-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    public static TheoryData<string> Texts() =>
    [
        string.Empty, "\n", "\r", "\r\n", "a", "a\n", "a\r\nb", "a\rb\nc\r\n", "a\n\n\nb\r\r\n", "é ü — 🙂\r\nline two", "no end",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void Lines_are_the_split_text_in_every_encoding(string text)
    {
        foreach (var encoding in new Encoding[] { new UTF8Encoding(false), new UTF8Encoding(true), new UnicodeEncoding(false, true), new UnicodeEncoding(true, true), new UTF32Encoding(false, true) })
        {
            var path = Write([.. encoding.GetPreamble(), .. encoding.GetBytes(text)]);
            Assert.Equal(Split(TextFile.Read(path).File!.Text), TextFile.ReadLines(path).Lines);
        }
    }

    [Fact]
    public void Line_ends_and_characters_cut_by_the_buffer_are_read_whole()
    {
        // "\r\n" and a four-byte character across each 1 MB boundary, long lines over several buffers.
        var text = new StringBuilder();
        var random = new Random(9);
        while (text.Length < 5_000_000)
        {
            text.Append(random.Next(6) switch { 0 => "\r\n", 1 => "\r", 2 => "\n", 3 => "🙂", 4 => new string('x', random.Next(1, 3_000_000)), _ => "é" });
        }

        foreach (var shift in new[] { 0, 1, 2, 3 })
        {
            var body = new string('y', shift) + text;
            var path = Write(Encoding.UTF8.GetBytes(body));
            Assert.Equal(Split(body), TextFile.ReadLines(path).Lines);
        }
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0x0A, 0x62, 0xFF, 0x63 })]
    [InlineData(new byte[] { 0x61, 0x0A, 0x62, 0x00, 0x63 })]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x61, 0x0D, 0x0A, 0xC3 })]
    public void Not_text_gives_the_diagnostic_of_reading_the_whole_text(byte[] bytes)
    {
        var path = Write(bytes);
        var (lines, problem) = TextFile.ReadLines(path);

        Assert.Null(lines);
        Assert.Equal(TextFile.Read(path).Problem, problem);
        Assert.Equal("PM0015", problem!.Code);
    }

    [Fact]
    public void A_missing_file_or_a_directory_is_PM0001_as_for_the_text()
    {
        foreach (var path in new[] { Path.Combine(temp, "none.md"), temp })
        {
            Assert.Equal(TextFile.Read(path).Problem, TextFile.ReadLines(path).Problem);
        }
    }

    private static string[] Split(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');

    private string Write(byte[] bytes)
    {
        var path = Path.Combine(temp, $"{Guid.NewGuid():N}.md");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
