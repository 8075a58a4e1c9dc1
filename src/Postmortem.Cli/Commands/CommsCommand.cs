using System.CommandLine;

namespace Postmortem.Cli.Commands;

/// <summary><c>postmortem comms FILE --customer|--internal</c>: the seed's step-7 communication drafts.</summary>
internal static class CommsCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "Incident file (YAML)" };
        var customer = new Option<bool>("--customer") { Description = "Customer-facing summary: plain language, no names, impact window in the customer's zone and UTC" };
        var @internal = new Option<bool>("--internal") { Description = "Internal announcement: link, key numbers, owners and dates" };
        var zone = OptionValues.Zone("--zone", "The customer's time zone (IANA id); default the incident's", "Europe/Berlin");
        var link = new Option<string?>("--link") { Description = "Where the postmortem lives (internal announcement); default the incident file's path" };
        var output = CommonOptions.Output();
        var config = CommonOptions.Config();
        var allow = CommonOptions.AllowOutside();
        var command = new Command("comms", "Draft the customer-facing summary or the internal announcement (seed step 7)")
        {
            file, customer, @internal, zone, link, output, config, allow,
        };
        OptionValues.ExactlyOne(command, customer, @internal);
        command.SetAction(p =>
        {
            var customerZone = p.GetValue(zone);
            var path = p.GetValue(file)!;
            if (!CommonOptions.OutputIsNotAnInput(console, p.GetValue(output), path, p.GetValue(config))
                || CommonOptions.LoadAnalyzed(console, path, p.GetValue(config), p.GetValue(allow)) is not { } pm)
            {
                return ExitCodes.InputError;
            }

            var text = p.GetValue(customer)
                ? Postmortems.CustomerSummary(pm, customerZone ?? pm.Document.TimeZone)
                : Postmortems.InternalAnnouncement(pm, p.GetValue(link) ?? path);
            return CommonOptions.Emit(console, p.GetValue(output), text) ? ExitCodes.Ok : ExitCodes.InputError;
        });
        return command;
    }
}
