using System.CommandLine;
using System.Runtime.InteropServices;
using Postmortem.Diagnostics;
using Postmortem.Ingest.Interview;
using Postmortem.Ingest.Yaml;
using Postmortem.Rendering.Yaml;

namespace Postmortem.Cli.Commands;

/// <summary><c>postmortem new</c>: the seed's step 1 as an interview that writes an incident or project file.</summary>
internal static class NewCommand
{
    public static Command Create(CliConsole console)
    {
        var answers = OptionValues.FilePath("--answers", "Answer the questions from a YAML file (question id: answer) instead of a terminal");
        var output = CommonOptions.Output();
        var command = new Command("new", "Gather the inputs (seed step 1) by interview and write an incident or project file")
        {
            answers, output,
        };
        command.SetAction(p => Run(console, p.GetValue(answers), p.GetValue(output)));
        return command;
    }

    private static int Run(CliConsole console, string? answersPath, string? output)
    {
        if (!CommonOptions.OutputIsNotAnInput(console, output, answersPath))
        {
            return ExitCodes.InputError;
        }

        if (answersPath is null && !console.InputIsTerminal)
        {
            DiagnosticPrinter.Print([DiagnosticCatalog.InterviewNeedsTerminal()], console);
            return ExitCodes.InputError;
        }

        // An answers file on a terminal is a resumed interview: what it answers is kept, what it leaves out is asked.
        var answers = answersPath is null ? [] : FromFile(answersPath, console, allowMissing: console.InputIsTerminal);
        if (answers is null)
        {
            return ExitCodes.InputError;
        }

        var typed = false;
        if (console.InputIsTerminal)
        {
            var before = answers.Count;
            using var interrupted = KeepOnInterrupt(console, answers, output);
            var finished = Ask(console, answers);
            typed = answers.Count > before;
            if (!finished)
            {
                KeptAnswers.Keep(answers, output, console);
                return ExitCodes.InputError;
            }
        }

        var yaml = IncidentFileWriter.Write(answers, Model.PostmortemId.New(NodaTime.SystemClock.Instance.GetCurrentInstant()));
        var check = IncidentFileReader.Read(yaml, output ?? "<new>");
        Diagnostic? failure = check.HasErrors ? null : OutputTarget.Write(output, yaml, console);
        if (check.HasErrors || failure is not null)
        {
            DiagnosticPrinter.Print(failure is null ? check.Diagnostics : [failure], console);
            if (typed)
            {
                KeptAnswers.Keep(answers, output, console);
            }

            return ExitCodes.InputError;
        }

        if (output is not null)
        {
            console.Error.WriteLine($"Wrote {output}. Next: postmortem draft {output}");
        }

        return ExitCodes.Ok;
    }

    // Ctrl-C at a prompt ends the process; what was typed up to then is kept first (only for the process's own console).
    private static PosixSignalRegistration? KeepOnInterrupt(CliConsole console, Dictionary<string, string> answers, string? output) =>
        ReferenceEquals(console.In, Console.In)
            ? PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => KeptAnswers.Keep(new Dictionary<string, string>(answers, StringComparer.Ordinal), output, console))
            : null;

    private static Dictionary<string, string>? FromFile(string path, CliConsole console, bool allowMissing)
    {
        var diagnostics = new List<Diagnostic>();
        if (CommonOptions.ReadText(console, path)?.Text is not { } text)
        {
            return null;
        }

        var y = new YamlNodeReader(path, diagnostics);
        var map = y.Mapping(y.Load(text), "(answers)", "the answers file", IncidentInterview.Questions.Select(q => q.Id).ToArray());
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (map is not null)
        {
            var project = y.String(map, "type")?.Trim().Equals("project", StringComparison.OrdinalIgnoreCase) == true;
            foreach (var question in IncidentInterview.For(project))
            {
                map.TryGetValue(question.Id, out var node);
                if (node is null && allowMissing)
                {
                    continue;
                }

                var (value, error) = IncidentInterview.Check(question, node is null ? null : y.String(node, question.Id));
                if (error is not null)
                {
                    var (line, column) = node is null ? (1, 1) : (YamlNodeReader.Line(node), YamlNodeReader.Column(node));
                    y.Add(DiagnosticCatalog.InvalidAnswer(path, line, column, question.Id, error));
                }
                else if (value is not null)
                {
                    answers[question.Id] = value;
                }
            }
        }

        if (map is null || DiagnosticPrinter.HasErrors(diagnostics))
        {
            DiagnosticPrinter.Print(diagnostics, console);
            return null;
        }

        return answers;
    }

    /// <summary>Asks every question that <paramref name="answers"/> does not answer yet; false when the input ended first.</summary>
    private static bool Ask(CliConsole console, Dictionary<string, string> answers)
    {
        var typeQuestion = IncidentInterview.Questions[0];
        var project = answers.TryGetValue(typeQuestion.Id, out var type) && type == "project";
        foreach (var question in IncidentInterview.Questions)
        {
            if ((question.Project is { } forProject && forProject != project) || answers.ContainsKey(question.Id)
                || (question == typeQuestion && answers.Count > 0))
            {
                continue;
            }

            while (true)
            {
                var choices = question.Choices is null ? string.Empty : $" [{string.Join("/", question.Choices)}]";
                var hint = question.Shape == QuestionShape.Text ? " (end with an empty line)" : string.Empty;
                console.Error.Write($"{question.Prompt}{choices}{hint}: ");
                var answer = question.Shape == QuestionShape.Text ? ReadBlock(console.In) : console.In.ReadLine();
                if (answer is null)
                {
                    console.Error.WriteLine();
                    DiagnosticPrinter.Print([DiagnosticCatalog.InterviewEnded()], console);
                    return false;
                }

                var (value, error) = IncidentInterview.Check(question, answer);
                if (error is not null)
                {
                    console.Error.WriteLine($"  {error}");
                    continue;
                }

                if (value is not null)
                {
                    answers[question.Id] = value;
                }

                if (question == typeQuestion)
                {
                    project = value == "project";
                }

                break;
            }
        }

        return true;
    }

    private static string? ReadBlock(TextReader input)
    {
        var lines = new List<string>();
        while (input.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                return string.Join('\n', lines);
            }

            lines.Add(line);
        }

        return lines.Count == 0 ? null : string.Join('\n', lines);
    }
}
