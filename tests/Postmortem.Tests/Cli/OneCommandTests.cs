using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text;
using Postmortem.Cli;

namespace Postmortem.Tests.Cli;

/// <summary>
/// The root of one command (<see cref="CliApp.One"/>, the start-up path of a command line that names a command and asks for no
/// help or version) against the whole tree: whatever it parses without an error, the whole tree parses the same way.
/// </summary>
public sealed class OneCommandTests
{
    private static readonly CliConsole Quiet = new(TextWriter.Null, TextWriter.Null, TextReader.Null, InputIsTerminal: false, ErrorIsTerminal: false);

    [Fact]
    public void The_table_names_each_command_as_it_names_itself_in_the_order_help_lists_them()
    {
        var root = CliApp.Root(Quiet);
        Assert.Equal(CliApp.Commands.Select(c => c.Name), root.Subcommands.Select(c => c.Name));
        Assert.All(CliApp.Commands, c => Assert.Equal(c.Name, c.Create(Quiet).Name));
    }

    [Theory]
    [InlineData("draft examples/meridian/incident.yml", true)]
    [InlineData("draft examples/meridian/incident.yml --format html -o out.html", true)]
    [InlineData("timeline notes.md --zone UTC", true)]
    [InlineData("actions set ABC-1 done", true)]
    [InlineData("draft --help", false)]
    [InlineData("draft -h x.yml", false)]
    [InlineData("draft x.yml -?", false)]
    [InlineData("draft /h", false)]
    [InlineData("draft /?", false)]
    [InlineData("--version", false)]
    [InlineData("draft --version", false)]
    [InlineData("draft @args.rsp", false)]
    [InlineData("[diagram] draft x.yml", false)]
    [InlineData("drafts x.yml", false)]
    [InlineData("", false)]
    public void A_command_line_takes_the_short_path_only_when_it_names_a_command_and_nothing_the_root_reads(string line, bool one)
    {
        var args = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(one, CliApp.One(args, Quiet) is not null);
    }

    [Fact]
    public void Whatever_one_command_parses_without_an_error_the_whole_tree_parses_the_same()
    {
        var root = CliApp.Root(Quiet);
        var words = new List<string>();
        Collect(root, words);
        words.AddRange([
            "examples/meridian/incident.yml", "x.md", "-", "--", "7", "2w", "UTC", "Europe/Paris", "html", "json", "sarif", "warning",
            "2024-05-01", "h", "?", "/home/x.yml", "/tmp/h", "-h", "--help", "/h", "-?", "/?", "--version", "-fh", "-hf", "-of",
            "--format=html", "--format:json", "-o:out.md", "--help=x", "@args.rsp", "[diagram]", "[suggest:3]", "--output=/h", "",
        ]);

        var random = new Random(25);
        int shortPath = 0, parsed = 0;
        for (var n = 0; n < 20_000; n++)
        {
            var args = new string[random.Next(1, 7)];
            for (var i = 0; i < args.Length; i++)
            {
                args[i] = i == 0 && random.Next(4) > 0 ? CliApp.Commands[random.Next(CliApp.Commands.Length)].Name : words[random.Next(words.Count)];
            }

            if (CliApp.One(args, Quiet) is not { } one)
            {
                continue;
            }

            shortPath++;
            var quick = one.Parse(args);
            if (quick.Errors.Count > 0)
            {
                continue; // Run then parses with the whole tree, as before.
            }

            parsed++;
            var whole = root.Parse(args);
            Assert.True(whole.Errors.Count == 0, $"'{string.Join(' ', args)}': {string.Join("; ", whole.Errors.Select(e => e.Message))}");
            Assert.Equal(Describe(whole), Describe(quick));
        }

        Assert.True(shortPath > 5_000 && parsed > 500, $"{shortPath} command lines on the short path, {parsed} of them parsed");
    }

    private static void Collect(Command command, List<string> words)
    {
        foreach (var option in command.Options)
        {
            words.Add(option.Name);
            words.AddRange(option.Aliases);
        }

        foreach (var sub in command.Subcommands)
        {
            words.Add(sub.Name);
            Collect(sub, words);
        }
    }

    // The command chain below the root and, for each command, what each of its options and arguments took, and the tokens left over.
    private static string Describe(ParseResult result)
    {
        var text = new StringBuilder();
        for (SymbolResult? r = result.CommandResult; r is CommandResult { Parent: not null } command; r = r.Parent)
        {
            text.Append(command.Command.Name).Append(':');
            foreach (var child in command.Children)
            {
                var name = child switch
                {
                    OptionResult o => o.Option.Name + (o.Implicit ? "(implicit)" : string.Empty),
                    ArgumentResult a => a.Argument.Name,
                    CommandResult c => "command " + c.Command.Name,
                    _ => child.GetType().Name,
                };
                text.Append(' ').Append(name).Append('=').Append(string.Join('|', child.Tokens.Select(t => $"{t.Type}:{t.Value}")));
            }

            text.Append('\n');
        }

        return text.Append("unmatched ").Append(string.Join('|', result.UnmatchedTokens)).ToString();
    }
}
