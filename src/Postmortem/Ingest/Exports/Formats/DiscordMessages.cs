using Postmortem.Ingest.Exports.Json;

namespace Postmortem.Ingest.Exports.Formats;

/// <summary>
/// A Discord channel exported by DiscordChatExporter as JSON (<c>guild</c>, <c>channel</c>, <c>messages[]</c>), the export
/// people use for Discord (Discord itself has none per channel).
/// </summary>
/// <remarks>
/// The time is the message's <c>timestamp</c> with the offset written: the exporter writes the exporting machine's local
/// offset unless told to normalise to UTC, and both are read exactly. Messages of kinds other than what someone wrote (plain,
/// reply, slash-command and context-menu replies, a thread's starter) — member joins, pins, calls, thread notices — are noise.
/// A forwarded message is read from <c>forwardedMessage.content</c>. A bot's message without content (an alerting bot
/// posting an embed) takes its embeds' titles and descriptions. Curation is Slack's (<see cref="ChatCuration"/>): pinned
/// (<c>isPinned</c>), marked by a reaction (its emoji's code or character), recognised, or a reply to a kept message.
/// DiscordChatExporter writes strict JSON; a copy pasted into a script with trailing commas is refused at the first one (PM0402).
/// </remarks>
internal sealed class DiscordMessages : JsonFormat
{
    private const int Id = 0, Type = 1, Timestamp = 2, Content = 3, Nickname = 4, AuthorName = 5, Pinned = 6, EmojiName = 7, EmojiCode = 8,
        Reference = 9, EmbedTitle = 10, EmbedDescription = 11, Forwarded = 12;

    // Kinds that are what someone wrote: plain messages, replies, slash-command and context-menu replies ("SEV1 declared" from an
    // incident bot), and a thread's starter. By name as DiscordChatExporter writes them, or by Discord's number.
    private static readonly HashSet<string> Authored = new(StringComparer.OrdinalIgnoreCase)
    {
        "Default", "Reply", "ChatInputCommand", "ContextMenuCommand", "ThreadStarterMessage", "0", "19", "20", "21", "23",
    };

    private readonly ChatCuration curation = new();

    public override string Name => "discord-messages";

    public override string Source => "Discord";

    public override FieldSet Fields { get; } = new(
        "id", "type", "timestamp", "content", "author.nickname", "author.name", "isPinned", "reactions[].emoji.name", "reactions[].emoji.code",
        "reference.messageId", "embeds[].title", "embeds[].description", "forwardedMessage.content");

    public override RecordPath? Match(JsonShape shape) =>
        shape.Root == System.Text.Json.JsonTokenType.StartObject && shape.Has("messages", "timestamp") && shape.Has("messages", "author") ? RecordPath.ItemsOf("messages") : null;

    public override void Map(JsonRecord r, ExportSink sink)
    {
        if (r.String(Type) is not { } type || !Authored.Contains(type))
        {
            sink.Noise++;
            return;
        }

        if (!TimeInWindow(r, sink, Timestamp, "message", out var time))
        {
            return;
        }

        var content = r.String(Content) is { Length: > 0 } c ? c : r.String(Forwarded) is { Length: > 0 } f ? f : string.Join(" / ", r.Strings(EmbedTitle).Concat(r.Strings(EmbedDescription)).Where(s => s.Length > 0));
        var text = sink.Cut(content, r.Line, r.Column).Trim();
        if (text.Length == 0)
        {
            sink.Noise++;
            return;
        }

        var id = r.String(Id) ?? Written(r, Timestamp);
        var marked = ChatCuration.Marked(r.Strings(EmojiCode).Concat(r.Strings(EmojiName)), sink.Options.Markers);
        if (curation.Keep(sink, text, id, r.String(Reference), r.IsTrue(Pinned), marked) is not { } why)
        {
            return;
        }

        var actor = r.String(Nickname) ?? r.String(AuthorName);
        sink.Add(time, Written(r, Timestamp), text, null, "discord message (" + why + ")", actor, r.Line, r.Column, $"id {id} {r.String(AuthorName)}: {r.String(Content)}");
    }
}
