using Postmortem.Model;

namespace Postmortem.Ingest.Exports.Formats;

/// <summary>
/// Which chat messages join the timeline, the same for every chat export (docs/exports.md, "Curation"): pinned
/// messages, messages with a marker reaction, messages the lexicon recognises, and replies to a pinned or marked
/// message; every other message only with <c>--all</c>. One instance follows one channel, so that a reply finds its
/// parent however far apart they were written, and in either order (Microsoft Graph lists newest first: a reply
/// comes before its parent and waits for it).
/// </summary>
internal sealed class ChatCuration
{
    // Replies read before their parent, by parent id: each adds itself if the parent is kept. Bounded, like the sink's actors.
    private const int MaxWaiting = 65_536;

    private readonly HashSet<string> keptThreads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Action>> waiting = new(StringComparer.Ordinal);
    private int waitingCount;

    /// <summary>Messages kept so far.</summary>
    public int Kept { get; private set; }

    /// <summary>
    /// Why the message <paramref name="id"/> is kept ("pinned", "marker reaction", "recognised", "thread of a kept message",
    /// "--all"), or null when it is left out (counted in <see cref="ExportSink.LeftOut"/>). <paramref name="thread"/> is the
    /// id of the message it replies to (or of its thread's first message), null for a message of its own. A reply left out
    /// because its parent was not seen yet is given to <paramref name="later"/> if that parent is kept afterwards.
    /// </summary>
    public string? Keep(ExportSink sink, string text, string id, string? thread, bool pinned, bool marked, Action<string>? later = null)
    {
        var inKeptThread = thread is not null && thread != id && keptThreads.Contains(thread);

        // The lexicon reads the text only when nothing else keeps the message (every message under --all is kept unread).
        var recognised = !(sink.Options.All || pinned || marked || inKeptThread)
            && sink.Options.Classifier?.Classify(text).Kind is { } kind && kind != EventKind.Other;
        if (!(sink.Options.All || pinned || marked || recognised || inKeptThread))
        {
            sink.LeftOut++;
            if (later is not null && thread is not null && thread != id && waitingCount < MaxWaiting)
            {
                waitingCount++;
                (waiting.TryGetValue(thread, out var list) ? list : waiting[thread] = []).Add(() =>
                {
                    sink.LeftOut--;
                    Kept++;
                    later("thread of a kept message");
                });
            }

            return null;
        }

        Kept++;
        if ((pinned || marked) && (thread is null || thread == id))
        {
            keptThreads.Add(id);
            if (waiting.Remove(id, out var replies))
            {
                waitingCount -= replies.Count;
                replies.ForEach(add => add());
            }
        }

        return pinned ? "pinned" : marked ? "marker reaction" : recognised ? "recognised" : inKeptThread ? "thread of a kept message" : "--all";
    }

    /// <summary>
    /// True when one of <paramref name="reactions"/> (a reaction's name, short code or emoji character, as the export writes it)
    /// is one of the markers. Markers are Slack-style names (<c>pushpin</c>); the emoji a name stands for matches too, for the
    /// few marker names people use, because Teams and Discord write the character (📌) where Slack writes the name.
    /// </summary>
    public static bool Marked(IEnumerable<string> reactions, IReadOnlyList<string> markers) =>
        reactions.Any(r => markers.Any(m => m.Equals(r.Trim(':'), StringComparison.OrdinalIgnoreCase) || Emoji.TryGetValue(m, out var e) && r.StartsWith(e, StringComparison.Ordinal)));

    private static readonly Dictionary<string, string> Emoji = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pushpin"] = "\U0001F4CC",
        ["round_pushpin"] = "\U0001F4CD",
        ["white_check_mark"] = "\u2705",
        ["heavy_check_mark"] = "\u2714",
        ["rotating_light"] = "\U0001F6A8",
        ["fire"] = "\U0001F525",
        ["warning"] = "\u26A0",
        ["eyes"] = "\U0001F440",
        ["star"] = "\u2B50",
    };
}
