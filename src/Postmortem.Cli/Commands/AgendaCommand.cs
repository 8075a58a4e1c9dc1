using System.CommandLine;
using Postmortem.Rendering.Review;

namespace Postmortem.Cli.Commands;

/// <summary><c>postmortem agenda FILE</c>: the seed's step-6 review meeting, filled with this incident.</summary>
internal static class AgendaCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "Incident file (YAML)" };
        var minutes = new Option<int>("--minutes") { Description = "Meeting length; the seed's 50 minutes are scaled to it", DefaultValueFactory = _ => 50 };
        minutes.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 7 or > 600)
            {
                r.AddError("--minutes must be from 7 to 600");
            }
        });
        var output = CommonOptions.Output();
        var config = CommonOptions.Config();
        var command = new Command("agenda", "The blameless review meeting (seed step 6) with this incident's timeline, factors and draft actions")
        {
            file, minutes, output, config,
        };
        command.SetAction(p =>
        {
            if (CommonOptions.LoadAnalyzed(console, p.GetValue(file)!, p.GetValue(config)) is not { } pm)
            {
                return ExitCodes.InputError;
            }

            return CommonOptions.Emit(console, p.GetValue(output), AgendaRenderer.Render(pm, p.GetValue(minutes))) ? ExitCodes.Ok : ExitCodes.InputError;
        });
        return command;
    }
}
