using Postmortem.Ingest;
using Postmortem.Ingest.Yaml;
using Postmortem.Tests.Support;

namespace Postmortem.Tests.Ingest;

/// <summary>notesFiles and sources read only inside the incident file's folder tree or repository, unless allowed.</summary>
public sealed class ConfinementTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("postmortem-scope-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    public static TheoryData<string, string, int, int> Entries() => new()
    {
        { "title: A\ndate: 2024-01-01\nnotesFiles:\n  - /etc/passwd", "PM0013", 4, 5 },
        { "title: A\ndate: 2024-01-01\nnotesFiles:\n  - ../secret", "PM0013", 4, 5 },
        { "title: A\ndate: 2024-01-01\nnotesFiles: ../secret", "PM0013", 3, 13 },
        { "title: A\nsources:\n  - /etc/passwd", "PM0013", 3, 5 },
        { "title: A\nsources:\n  - path: ../../secret.json", "PM0013", 3, 5 },
        { "title: A\ndate: 2024-01-01\nnotesFiles:\n  - missing.md", "PM0014", 4, 5 },
        { "title: A\ndate: 2024-01-01\nnotesFiles:\n  - sub", "PM0014", 4, 5 },
        { "title: A\ndate: 2024-01-01\nnotesFiles:\n  - binary.md", "PM0014", 4, 5 },
        { "title: A\ndate: 2024-01-01\nnotesFiles:\n  - escape.md", "PM0013", 4, 5 },
    };

    [Theory]
    [MemberData(nameof(Entries))]
    public void An_entry_that_cannot_be_read_is_reported_at_its_line_and_column(string yaml, string code, int line, int column)
    {
        // Given: the incident file in its own folder, with a secret beside the folder and a link out of it
        var folder = Directory.CreateDirectory(Path.Combine(temp, "incident")).FullName;
        File.WriteAllText(Path.Combine(temp, "secret"), "10:00 secret");
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        File.WriteAllBytes(Path.Combine(folder, "binary.md"), [0x31, 0x30, 0x00, 0xFF]);
        File.CreateSymbolicLink(Path.Combine(folder, "escape.md"), Path.Combine(temp, "secret"));
        var file = Path.Combine(folder, "incident.yml");
        File.WriteAllText(file, yaml);

        // When
        var result = IncidentFileReader.ReadFile(file);

        // Then
        Assert.Null(result.Value);
        Assert.Contains(result.Diagnostics, d => d.Code == code && d.Line == line && d.Column == column && d.File == file);
    }

    [Fact]
    public void A_folder_allowed_explicitly_may_be_read()
    {
        var folder = Directory.CreateDirectory(Path.Combine(temp, "incident")).FullName;
        File.WriteAllText(Path.Combine(temp, "notes.md"), "10:00 Alert fired");
        var file = Path.Combine(folder, "incident.yml");
        File.WriteAllText(file, "title: A\ndate: 2024-01-01\nnotesFiles:\n  - ../notes.md");

        Assert.Null(IncidentFileReader.ReadFile(file).Value);
        var allowed = IncidentFileReader.ReadFile(file, InputScope.For(file, [temp]));

        Assert.NotNull(allowed.Value);
        Assert.Single(allowed.Value.Events);
    }

    [Fact]
    public void Draft_refuses_a_path_outside_and_allow_outside_lets_it_through()
    {
        var folder = Directory.CreateDirectory(Path.Combine(temp, "incident")).FullName;
        File.WriteAllText(Path.Combine(temp, "notes.md"), "10:00 Alert fired");
        var file = Path.Combine(folder, "incident.yml");
        File.WriteAllText(file, "title: A\ndate: 2024-01-01\nnotesFiles:\n  - ../notes.md");

        var refused = CliRunner.Run("jit", ["draft", file]);
        var allowed = CliRunner.Run("jit", ["draft", file, "--allow-outside", temp]);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("incident.yml(4,5): error PM0013", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, allowed.ExitCode);
    }
}
