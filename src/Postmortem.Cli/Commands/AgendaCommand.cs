using System.CommandLine;

namespace Postmortem.Cli.Commands;

/// <summary><c>postmortem agenda FILE</c>: the seed's step-6 review meeting, filled with this incident.</summary>
internal static class AgendaCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "Incident file (YAML)" };
        var minutes = OptionValues.Minutes("--minutes", "Meeting length in minutes (7-600); the seed's 50 minutes are scaled to it", 50);
        var output = CommonOptions.Output();
        var config = CommonOptions.Config();
        var allow = CommonOptions.AllowOutside();
        var command = new Command("agenda", "The blameless review meeting (seed step 6) with this incident's timeline, factors and draft actions")
        {
            file, minutes, output, config, allow,
        };
        command.SetAction(p =>
        {
            if (!CommonOptions.OutputIsNotAnInput(console, p.GetValue(output), p.GetValue(file), p.GetValue(config))
                || CommonOptions.LoadAnalyzed(console, p.GetValue(file)!, p.GetValue(config), p.GetValue(allow)) is not { } pm)
            {
                return ExitCodes.InputError;
            }

            return CommonOptions.Emit(console, p.GetValue(output), Postmortems.Agenda(pm, p.GetValue(minutes))) ? ExitCodes.Ok : ExitCodes.InputError;
        });
        return command;
    }
}
