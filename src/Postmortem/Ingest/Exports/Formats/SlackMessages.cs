using System.Text.RegularExpressions;
using Postmortem.Ingest.Exports.Json;

namespace Postmortem.Ingest.Exports.Formats;

/// <summary>
/// The messages of one Slack channel day file (an array of messages), with the curation the issue
/// asks for: keep pinned messages, messages with a marker reaction, messages the lexicon recognises,
/// and replies in the thread of a kept message; drop join/leave noise and deleted messages.
/// </summary>
/// <remarks>The time is the message's <c>ts</c>, never the day file's name (day files are split by the
/// workspace's local date). One instance reads a whole channel, day file after day file, so that
/// threads whose parent and replies sit in different day files stay together.</remarks>
internal sealed partial class SlackMessages(IReadOnlyDictionary<string, string> users, string? channel) : JsonFormat
{
    private const int Ts = 0, Subtype = 1, User = 2, Username = 3, Text = 4, ThreadTs = 5, Pinned = 6, Reaction = 7, Hidden = 8, BotName = 9, Fallback = 10, Profile = 11;

    private static readonly HashSet<string> NoiseSubtypes = new(StringComparer.Ordinal)
    {
        "channel_join", "channel_leave", "group_join", "group_leave", "bot_add", "bot_remove", "bot_enable", "bot_disable",
        "channel_archive", "channel_unarchive", "pinned_item", "unpinned_item", "tombstone", "reminder_add", "sh_room_created",
    };

    private readonly ChatCuration curation = new();

    /// <summary>A day file read on its own, without users.json.</summary>
    public SlackMessages()
        : this(new Dictionary<string, string>(), null)
    {
    }

    public override string Name => "slack-messages";

    public override string Source => "Slack";

    public override FieldSet Fields { get; } = new("ts", "subtype", "user", "username", "text", "thread_ts", "pinned_to[]", "reactions[].name", "hidden", "bot_profile.name", "attachments[].fallback", "user_profile.real_name");

    /// <summary>Messages kept so far.</summary>
    public int Kept => curation.Kept;

    public override RecordPath? Match(JsonShape shape) =>
        !shape.Has("ts") || !(shape.Has("text") || shape.Value("type") == "message") ? null
        : shape.Root == System.Text.Json.JsonTokenType.StartArray ? RecordPath.RootArray
        : RecordPath.Root;

    public override void Map(JsonRecord r, ExportSink sink)
    {
        // Slack's ts is always epoch seconds ("1452845865.000008"): a longer number is a time past year 9998, not milliseconds.
        // Only an epoch: a date written as ts ("2023-11-14") is not a Slack time and would invent midnight.
        if (!ExportTime.TryEpoch(r.Utf8(Ts), EpochUnit.Seconds, out var time, out _))
        {
            NoTime(r, sink, Ts, "message", unit: EpochUnit.Seconds);
            return;
        }

        if (!sink.Accept(time))
        {
            return;
        }

        var subtype = r.String(Subtype);
        if (subtype is not null && NoiseSubtypes.Contains(subtype) || r.IsTrue(Hidden))
        {
            sink.Noise++;
            return;
        }

        // Cut before decoding and classifying: both run regexes, which a 40 MB message would time out (PM0409).
        var text = Decode(sink.Cut(r.String(Text) is { Length: > 0 } t ? t : string.Join(" / ", r.Strings(Fallback)), r.Line, r.Column));
        var ts = r.String(Ts)!;
        if (text.Length == 0)
        {
            sink.Noise++;
            return;
        }

        if (curation.Keep(sink, text, ts, r.String(ThreadTs), r.Has(Pinned), ChatCuration.Marked(r.Strings(Reaction), sink.Options.Markers)) is not { } why)
        {
            return;
        }

        var userId = r.String(User);
        var actor = (userId is not null && users.TryGetValue(userId, out var name) ? name : null) ?? r.String(Profile) ?? r.String(Username) ?? r.String(BotName) ?? userId;
        var prefix = channel is null ? string.Empty : $"#{channel} ";
        sink.Add(time, ts, text, null, "slack message (" + why + ")", actor, r.Line, r.Column, $"{prefix}ts {ts} {userId}: {r.String(Text)}");
    }

    /// <summary>Slack mrkdwn to plain text: mentions to names, links to their labels, entities decoded.</summary>
    public string Decode(string text)
    {
        var decoded = Markup().Replace(text, m =>
        {
            var target = m.Groups["target"].Value;
            var label = m.Groups["label"].Success ? m.Groups["label"].Value : null;
            return m.Groups["sigil"].Value switch
            {
                "@" => "@" + (label ?? (users.TryGetValue(target, out var n) ? n : target)),
                "#" => "#" + (label ?? target),
                "!" => "@" + (label ?? target.Split('^')[0]),
                _ => label ?? target,
            };
        });
        return decoded.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal).Trim();
    }

    [GeneratedRegex(@"<(?<sigil>[@#!])?(?<target>[^>|]+)(?:\|(?<label>[^>]*))?>")]
    private static partial Regex Markup();
}
