using System.CommandLine;
using NodaTime;
using Postmortem.Diagnostics;
using Postmortem.Ingest.Notes;
using Postmortem.Rendering.Review;

namespace Postmortem.Cli.Commands;

/// <summary><c>postmortem comms FILE --customer|--internal</c>: the seed's step-7 communication drafts.</summary>
internal static class CommsCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "Incident file (YAML)" };
        var customer = new Option<bool>("--customer") { Description = "Customer-facing summary: plain language, no names, impact window in the customer's zone and UTC" };
        var @internal = new Option<bool>("--internal") { Description = "Internal announcement: link, key numbers, owners and dates" };
        var zone = new Option<string?>("--zone") { Description = "The customer's time zone (IANA id); default the incident's" };
        var link = new Option<string?>("--link") { Description = "Where the postmortem lives (internal announcement); default the incident file's path" };
        var output = CommonOptions.Output();
        var config = CommonOptions.Config();
        var command = new Command("comms", "Draft the customer-facing summary or the internal announcement (seed step 7)")
        {
            file, customer, @internal, zone, link, output, config,
        };
        command.SetAction(p =>
        {
            if (p.GetValue(customer) == p.GetValue(@internal))
            {
                DiagnosticPrinter.Print([DiagnosticCatalog.InvalidArgument("--customer/--internal", "both or neither", "exactly one of --customer or --internal")], console);
                return ExitCodes.InputError;
            }

            DateTimeZone? customerZone = null;
            if (p.GetValue(zone) is { } zoneText)
            {
                customerZone = ZoneAbbreviations.ResolveZone(zoneText);
                if (customerZone is null)
                {
                    DiagnosticPrinter.Print([DiagnosticCatalog.InvalidArgument("--zone", zoneText, "an IANA zone id such as Europe/Berlin, or UTC")], console);
                    return ExitCodes.InputError;
                }
            }

            var path = p.GetValue(file)!;
            if (CommonOptions.LoadAnalyzed(console, path, p.GetValue(config)) is not { } pm)
            {
                return ExitCodes.InputError;
            }

            var text = p.GetValue(customer)
                ? CommsRenderer.Customer(pm, customerZone ?? pm.Document.TimeZone)
                : CommsRenderer.Internal(pm, p.GetValue(link) ?? path);
            return CommonOptions.Emit(console, p.GetValue(output), text) ? ExitCodes.Ok : ExitCodes.InputError;
        });
        return command;
    }
}
