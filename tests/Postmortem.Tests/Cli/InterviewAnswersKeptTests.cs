using Postmortem.Cli;
using Postmortem.Ingest.Yaml;

namespace Postmortem.Tests.Cli;

/// <summary>The terminal interview never loses what was typed (issue 9): a failed <c>new</c> keeps the answers in a file that resumes it.</summary>
public sealed class InterviewAnswersKeptTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("postmortem-new-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Fact]
    public void Input_that_ends_half_way_keeps_the_answers_and_a_resumed_interview_asks_only_the_rest()
    {
        // Given an interview that ends (Ctrl-D) after the type, title and date
        var incident = Path.Combine(temp, "incident.yml");
        var first = Terminal(["new", "-o", incident], "incident\nLogin failures after certificate expiry\n2024-02-01\n");

        // Then nothing is written but the answers, and stderr says how to resume
        Assert.Equal(2, first.Code);
        Assert.Contains("PM0304", first.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(incident));
        var kept = Path.Combine(temp, "incident.answers.yml");
        Assert.Contains($"Your answers are kept in {kept}", first.Stderr, StringComparison.Ordinal);
        Assert.Contains("title: Login failures after certificate expiry", File.ReadAllText(kept), StringComparison.Ordinal);

        // When the interview is resumed from that file
        var rest = string.Join('\n', "Europe/Berlin", "Logins failed for 40 minutes.", string.Empty, "SEV-2") + "\n";
        var resumed = Terminal(["new", "--answers", kept, "-o", incident], rest + string.Concat(Enumerable.Repeat("\n", 40)));

        // Then the title is not asked again, the rest is, and the file has both
        Assert.Equal(0, resumed.Code);
        Assert.DoesNotContain("Title (", resumed.Stderr, StringComparison.Ordinal);
        Assert.Contains("Time zone for times", resumed.Stderr, StringComparison.Ordinal);
        var read = IncidentFileReader.ReadFile(incident);
        Assert.Empty(read.Diagnostics);
        Assert.Equal("Login failures after certificate expiry", read.Value!.Title);
        Assert.Equal("SEV-2", read.Value.Severity);
    }

    [Fact]
    public void An_output_that_cannot_be_written_keeps_the_typed_answers_beside_it_without_replacing_an_earlier_file()
    {
        // Given an output path that is a folder, and an answers file from an earlier try
        var output = Directory.CreateDirectory(Path.Combine(temp, "out")).FullName;
        File.WriteAllText(Path.Combine(temp, "out.answers.yml"), "title: earlier\n");

        var run = Terminal(["new", "-o", output], "incident\nDisk full on the primary\n" + string.Concat(Enumerable.Repeat("\n", 40)));

        Assert.Equal(2, run.Code);
        var kept = Path.Combine(temp, "out.answers-2.yml");
        Assert.Contains($"Your answers are kept in {kept}", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("title: Disk full on the primary", File.ReadAllText(kept), StringComparison.Ordinal);
        Assert.Equal("title: earlier\n", File.ReadAllText(Path.Combine(temp, "out.answers.yml")));
    }

    private static (int Code, string Stdout, string Stderr) Terminal(string[] args, string typed)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, new CliConsole(stdout, stderr, new StringReader(typed), InputIsTerminal: true, ErrorIsTerminal: false));
        return (code, stdout.ToString(), stderr.ToString());
    }
}
