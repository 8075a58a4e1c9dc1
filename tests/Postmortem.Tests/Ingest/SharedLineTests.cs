using System.Text;
using NodaTime;
using Postmortem.Ingest;
using Postmortem.Ingest.Notes;
using Postmortem.Model;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// Issue 9, scale: a notes file's events keep their line as a range of the file's UTF-8 bytes and their text and written
/// time as ranges of that line; what they show, and how they compare, is what separate strings gave.
/// </summary>
public sealed class SharedLineTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("postmortem-shared-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Theory]
    [InlineData("2024-03-12 07:14 UTC deploy went out\n07:31 UTC alert fired for checkout\n")]
    [InlineData("07:14 UTC — déploiement «checkout» ✓ 🙂 rolled back\r\n07:20 UTC ünïcode then rollback\r\n")]
    [InlineData("Deploy went out at 07:14 ET. First complaint at 07:22. Rolled back at 08:19.\n\n- 09:00 UTC: Résolu\n")]
    [InlineData("| Time | Event |\n|---|---|\n| 07:14 UTC | deploy went out |\n| 07:31 UTC | alert fired |\n")]
    public void Events_read_from_a_file_equal_those_read_from_its_text(string text)
    {
        var path = Path.Combine(temp, "notes.md");
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(text));
        var options = new NotesOptions { File = path, DefaultZone = DateTimeZone.Utc, AnchorDate = new LocalDate(2024, 3, 12) };
        var lines = TextFile.ReadLines(path).Lines!;
        Assert.IsType<Utf8Lines>(lines);
        var fromFile = NotesExtractor.Extract(lines, options).Events;
        var fromText = NotesExtractor.Extract(text, options).Events;
        Assert.NotEmpty(fromFile);
        Assert.Equal(fromText, fromFile); // Value equality over text, written time and provenance, whatever they are ranges of.
        Assert.Equal(fromText.Select(e => (e.Text, e.WrittenTime, e.Provenance.RawText)), fromFile.Select(e => (e.Text, e.WrittenTime, e.Provenance.RawText)));
        Assert.Equal(fromText.Select(e => e.GetHashCode()), fromFile.Select(e => e.GetHashCode()));
    }

    [Fact]
    public void A_tidied_text_is_its_line_with_a_capital_letter()
    {
        var line = TextSlice.Utf8(Encoding.UTF8.GetBytes("x 07:14 rolled back the deploy"), 0, 30);
        var slice = TextSlice.Within(line, TextSlice.Of("Rolled back the deploy"));
        Assert.False(slice.IsString);
        Assert.Equal("Rolled back the deploy", slice.ToString());
        Assert.Equal(TextSlice.Of("Rolled back the deploy"), slice);
        Assert.NotEqual(TextSlice.Of("rolled back the deploy"), slice);
        Assert.Equal(TextSlice.Of("Rolled back the deploy").GetHashCode(), slice.GetHashCode());
    }

    [Fact]
    public void Text_not_in_the_line_is_kept_as_written()
    {
        var line = TextSlice.Of("07:14 deploy");
        Assert.True(TextSlice.Within(line, TextSlice.Of("Something else")).Equals(TextSlice.Of("Something else")));
        var e = new TimelineEvent
        {
            Time = Instant.FromUtc(2024, 3, 12, 7, 14), WrittenTime = "07:14", Zone = "UTC", ZoneOrigin = ZoneOrigin.Written, Text = "Deploy",
            Kind = EventKind.Change, KindRule = "explicit", Confidence = 1, Provenance = new Provenance("f", 1, 1, "07:14 deploy"),
        };
        var moved = e with { Provenance = new Provenance("g", 2, 1, "nothing alike") };
        Assert.Equal(("Deploy", "07:14"), (moved.Text, moved.WrittenTime));
        Assert.Equal(e, e with { Text = "Deploy" });
        Assert.NotEqual(e, e with { Text = "Deploy!" });
    }

    [Fact]
    public void Invalid_utf8_and_nul_are_refused_as_a_whole_read_refuses_them()
    {
        foreach (var bytes in new[] { new byte[] { (byte)'a', (byte)'\n', 0xC3, 0x28 }, "a\n\0b"u8.ToArray() })
        {
            var path = Path.Combine(temp, "bad.md");
            File.WriteAllBytes(path, bytes);
            var (lines, problem) = TextFile.ReadLines(path);
            Assert.Null(lines);
            Assert.Equal(TextFile.Read(path).Problem, problem);
        }
    }
}
