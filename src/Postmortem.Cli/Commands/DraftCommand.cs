using System.CommandLine;

namespace Postmortem.Cli.Commands;

/// <summary><c>postmortem draft FILE</c>: the whole postmortem document from an incident or project file.</summary>
internal static class DraftCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "Incident or project file (YAML), or a Markdown postmortem (.md: a record draft wrote, or one written by hand); see docs/format.md" };
        var output = CommonOptions.Output();
        var format = CommonOptions.Format();
        var config = CommonOptions.Config();
        var allow = CommonOptions.AllowOutside();
        var command = new Command("draft", "Draft the complete postmortem (seed step 5 template, with a front matter that makes the Markdown read back as the record) from an incident or project file or a Markdown postmortem")
        {
            file, output, format, config, allow,
        };
        command.SetAction(p => Run(console, p.GetValue(file)!, p.GetValue(output), p.GetValue(format)!, p.GetValue(config), p.GetValue(allow)));
        return command;
    }

    private static int Run(CliConsole console, string file, string? output, string format, string? configPath, string[]? allow)
    {
        if (!CommonOptions.OutputIsNotAnInput(console, output, file, configPath)
            || CommonOptions.LoadAnalyzed(console, file, configPath, allow) is not { } analyzed)
        {
            return ExitCodes.InputError;
        }

        // Streamed to the output: a long timeline is never one string.
        if (!CommonOptions.Emit(console, output, stream => Postmortems.Render(analyzed, format, stream)))
        {
            return ExitCodes.InputError;
        }

        // Seed step 7: on a terminal, end with the questions the team should answer before it is final.
        if (console.ErrorIsTerminal)
        {
            console.Error.WriteLine();
            console.Error.WriteLine("Before this draft is final, ask:");
            foreach (var question in ReviewQuestions)
            {
                console.Error.WriteLine("  - " + question);
            }
        }

        return ExitCodes.Ok;
    }

    /// <summary>The seed's step-7 questions.</summary>
    internal static readonly string[] ReviewQuestions =
    [
        "Does this capture the incident accurately?",
        "Are there contributing factors we missed?",
        "Are the action items concrete enough to execute? (postmortem check)",
        "Should we draft a customer-facing summary or internal announcement? (postmortem comms)",
        "Should we set up the follow-up action item review? (postmortem followup)",
    ];
}
