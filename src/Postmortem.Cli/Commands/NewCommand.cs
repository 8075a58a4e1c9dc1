using System.CommandLine;
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

        Dictionary<string, string>? answers;
        if (answersPath is not null)
        {
            answers = FromFile(answersPath, console);
        }
        else if (console.InputIsTerminal)
        {
            answers = Ask(console);
        }
        else
        {
            DiagnosticPrinter.Print([DiagnosticCatalog.InterviewNeedsTerminal()], console);
            return ExitCodes.InputError;
        }

        if (answers is null)
        {
            return ExitCodes.InputError;
        }

        var yaml = IncidentFileWriter.Write(answers);
        var check = IncidentFileReader.Read(yaml, output ?? "<new>");
        if (check.HasErrors)
        {
            DiagnosticPrinter.Print(check.Diagnostics, console);
            return ExitCodes.InputError;
        }

        if (OutputTarget.Write(output, yaml, console) is { } failure)
        {
            DiagnosticPrinter.Print([failure], console);
            return ExitCodes.InputError;
        }

        if (output is not null)
        {
            console.Error.WriteLine($"Wrote {output}. Next: postmortem draft {output}");
        }

        return ExitCodes.Ok;
    }

    private static Dictionary<string, string>? FromFile(string path, CliConsole console)
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

    private static Dictionary<string, string>? Ask(CliConsole console)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        var typeQuestion = IncidentInterview.Questions[0];
        var project = false;
        foreach (var question in IncidentInterview.Questions)
        {
            if (question.Project is { } forProject && forProject != project)
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
                    return null;
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

        return answers;
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
