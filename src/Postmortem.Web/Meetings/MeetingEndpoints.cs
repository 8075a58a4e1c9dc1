using System.Reflection;

namespace Postmortem.Web.Meetings;

/// <summary>The meeting's services, its hub, and the two scripts its page loads (served by the app itself, from embedded resources).</summary>
internal static class MeetingEndpoints
{
    // The SignalR client vendored from npm (Content/js/README.md says where from) and the page's own script.
    private static readonly string[] Scripts = ["signalr.min.js", "meeting.js"];

    public static IServiceCollection AddMeetings(this IServiceCollection services)
    {
        services.AddSingleton<MeetingRegistry>();
        services.AddSingleton<MeetingCloser>();
        services.AddSignalR(o => o.MaximumReceiveMessageSize = 16 * 1024);
        return services;
    }

    public static void MapMeetings(this WebApplication app)
    {
        app.MapHub<MeetingHub>(MeetingHub.Route);
        foreach (var name in Scripts)
        {
            var text = new Lazy<string>(() =>
            {
                using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("js/" + name)!;
                using var reader = new StreamReader(stream);
                return reader.ReadToEnd();
            });
            app.MapGet("/js/" + name, () => Results.Text(text.Value, "text/javascript")).AllowAnonymous();
        }
    }
}
