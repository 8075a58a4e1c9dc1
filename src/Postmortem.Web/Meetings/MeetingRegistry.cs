using System.Collections.Concurrent;
using System.Text.Json;
using Postmortem.Editing;
using Postmortem.Web.Hosting;

namespace Postmortem.Web.Meetings;

/// <summary>
/// Every meeting of this server, in memory and each in a JSON file under <c>.postmortem/meetings/</c> (written with
/// <see cref="SafeFile"/> after every change), so that a reload rejoins and a restart loses nothing.
/// </summary>
public sealed class MeetingRegistry
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly ConcurrentDictionary<string, Meeting> meetings = new(StringComparer.Ordinal);
    private readonly TimeProvider clock;
    private readonly ILogger<MeetingRegistry> log;

    public MeetingRegistry(WebSettings settings, TimeProvider clock, ILogger<MeetingRegistry> log)
    {
        this.clock = clock;
        this.log = log;
        Folder = Path.Combine(settings.BaseDirectory, ".postmortem", "meetings");
        if (Directory.Exists(Folder))
        {
            foreach (var file in Directory.EnumerateFiles(Folder, "*.json"))
            {
                try
                {
                    if (JsonSerializer.Deserialize<Meeting>(File.ReadAllText(file), Json) is { } m && IsId(m.Id))
                    {
                        meetings[m.Id] = m;
                    }
                }
                catch (Exception e) when (e is JsonException or IOException)
                {
                    log.LogWarning("Meeting file {File} was not read: {Problem}", file, e.Message);
                }
            }
        }
    }

    /// <summary>True when <paramref name="id"/> has a meeting id's shape (<c>mtg-</c> and 12 hex digits).</summary>
    public static bool IsId([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? id) => id is { Length: 16 } && id.StartsWith("mtg-", StringComparison.Ordinal) && id[4..].All(char.IsAsciiHexDigitLower);

    private static string NewId() => "mtg-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The folder the meetings are kept in.</summary>
    public string Folder { get; }

    /// <summary>Now, by the server's clock.</summary>
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Starts a meeting on the postmortem at <paramref name="path"/>.</summary>
    public Meeting Start(string path, string title, int minutes, string facilitator)
    {
        var now = Now;
        var meeting = new Meeting { Id = NewId(), Path = path, Title = title, Minutes = minutes, Facilitator = facilitator, Started = now, PartStarted = now };
        lock (meeting)
        {
            meetings[meeting.Id] = meeting;
            Save(meeting);
        }

        return meeting;
    }

    /// <summary>The meeting with <paramref name="id"/>, or null.</summary>
    public Meeting? Get(string? id) => IsId(id) && meetings.TryGetValue(id, out var m) ? m : null;

    /// <summary>The meetings on the postmortem at <paramref name="path"/>, newest first.</summary>
    public IReadOnlyList<Meeting> For(string path) => [.. meetings.Values.Where(m => m.Path == path).OrderByDescending(m => m.Started)];

    /// <summary>The meeting's view now, read under its lock.</summary>
    public MeetingView View(Meeting meeting)
    {
        lock (meeting)
        {
            return MeetingView.Of(meeting, Now);
        }
    }

    /// <summary>Applies <paramref name="change"/> under the meeting's lock and keeps it when it returns no problem.</summary>
    /// <returns>The problem, or the view after the change.</returns>
    public (string? Problem, MeetingView View) Change(Meeting meeting, Func<Meeting, DateTimeOffset, string?> change)
    {
        lock (meeting)
        {
            var now = Now;
            var problem = change(meeting, now);
            if (problem is null)
            {
                Save(meeting);
            }

            return (problem, MeetingView.Of(meeting, now));
        }
    }

    private void Save(Meeting meeting)
    {
        Directory.CreateDirectory(Folder);
        if (SafeFile.WriteBytes(Path.Combine(Folder, meeting.Id + ".json"), JsonSerializer.SerializeToUtf8Bytes(meeting, Json)) is { } problem)
        {
            // The meeting goes on in memory; the log says why a restart would lose it.
            log.LogError("Meeting {Id} was not saved: {Problem}", meeting.Id, problem.Message);
        }
    }
}
