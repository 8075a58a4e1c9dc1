using CsCheck;
using Postmortem.Tests.Ingest.Exports;

namespace Postmortem.Tests.Properties;

/// <summary>Damaged and hostile exports are refused with a positioned diagnostic; no reader throws.</summary>
public sealed class ExportsNeverThrowTests
{
    private static readonly string[] Fixtures = Directory.GetFiles("tests/Postmortem.Tests/Fixtures/exports", "*.*").Where(f => !f.EndsWith("broken.json", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void Damaged_exports_never_crash_a_reader()
    {
        Gen.Select(Gen.Int[0, Fixtures.Length - 1], Gen.Int[0, 10_000], Gen.Int[1, 30], Gen.String[0, 6]).Sample((which, at, length, insert) =>
        {
            var original = File.ReadAllText(Fixtures[which]);
            var start = at % original.Length;
            var damaged = original.Remove(start, Math.Min(length, original.Length - start)).Insert(start, insert);
            var result = ExportReaderTests.Read(Temp.File(Path.GetFileName(Fixtures[which]), damaged));
            Assert.All(result.Diagnostics.Where(d => d.Code == "PM0402" && d.Line > 0), d => Assert.True(d.Column >= 1, d.ToString()));
            if (result.HasErrors)
            {
                Assert.Empty(result.Events); // nothing half-read
            }
        }, iter: 600);
    }

    [Fact]
    public void Arbitrary_bytes_never_crash_a_reader()
    {
        Gen.Byte.Array[0, 400].Sample(bytes =>
        {
            var path = Temp.File("fuzz.json", string.Empty);
            File.WriteAllBytes(path, bytes);
            ExportReaderTests.Read(path);
        }, iter: 800);
    }

    [Fact]
    public void Deeply_nested_json_is_refused_not_overflowed()
    {
        var path = Temp.File("deep.json", "{\"log_entries\": [" + new string('[', 100_000) + new string(']', 100_000) + "]}");
        var d = Assert.Single(ExportReaderTests.Read(path).Diagnostics);
        Assert.Equal("PM0402", d.Code);
    }
}
