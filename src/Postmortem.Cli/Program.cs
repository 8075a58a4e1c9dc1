using Postmortem.Cli;

return CliApp.Run(args, CliConsole.System());
