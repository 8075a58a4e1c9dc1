using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Postmortem.Ingest.Exports.Json;

namespace Postmortem.Ingest.Exports.Formats;

/// <summary>
/// Microsoft Teams chat or channel messages as Microsoft Graph lists them (<c>GET /chats/{id}/messages</c>,
/// <c>/teams/{id}/channels/{id}/messages</c>, with or without <c>$expand=replies</c>, and <c>/replies</c>: <c>value[]</c>
/// of chatMessage), or a bare array of chatMessage objects. Teams has no export file of its own for end users; the Graph
/// response is what people save.
/// </summary>
/// <remarks>
/// The time is <c>createdDateTime</c> (UTC), never an edit's. System events (<c>messageType</c> other than <c>message</c>:
/// member added, chat renamed, <c>unknownFutureValue</c>) and deleted messages are noise, like Slack's joins. HTML bodies
/// become plain text (mentions <c>&lt;at&gt;Name&lt;/at&gt;</c> to <c>@Name</c>, emoji to their <c>alt</c>); a bot's card
/// (an adaptive or hero card in <c>attachments[].content</c>) is read from its titles and text blocks. Curation is Slack's
/// (<see cref="ChatCuration"/>); replies follow <c>replyToId</c> in either order (in a group chat, which has no threads, the
/// message a reply quotes through its <c>messageReference</c> attachment), and a channel post's expanded <c>replies[]</c> are
/// messages too.
/// </remarks>
internal sealed partial class TeamsMessages : JsonFormat
{
    // The scalar fields of a message; its reactions and cards; then the scalar fields of each of its expanded replies (a reply's
    // own reactions and cards sit in arrays inside the replies array, which a capture cannot tell apart by reply).
    private const int Id = 0, Type = 1, Created = 2, Deleted = 3, User = 4, App = 5, ContentType = 6, Content = 7, ReplyTo = 8, Subject = 9, Summary = 10,
        Reaction = 11, ReactionName = 12, Card = 13, Replies = 14;

    // Longest HTML read from one body before its tags are stripped (the text kept is then cut to ExportSink.MaxText).
    private const int MaxHtml = 256 * 1024;

    private static readonly string[] MessageFields =
        ["id", "messageType", "createdDateTime", "deletedDateTime", "from.user.displayName", "from.application.displayName", "body.contentType", "body.content",
         "replyToId", "subject", "summary"];

    private readonly ChatCuration curation = new();

    public override string Name => "teams-messages";

    public override string Source => "Teams";

    public override FieldSet Fields { get; } =
        new([.. MessageFields, "reactions[].reactionType", "reactions[].displayName", "attachments[].content", .. MessageFields.Select(f => "replies[]." + f)]);

    public override RecordPath? Match(JsonShape shape) =>
        shape.Root == JsonTokenType.StartObject && shape.Has("value", "messageType") && shape.Has("value", "createdDateTime") ? RecordPath.ItemsOf("value")
        : shape.Root == JsonTokenType.StartArray && shape.Has("messageType") && shape.Has("createdDateTime") && shape.Has("body") ? RecordPath.RootArray
        : null;

    public override void Map(JsonRecord r, ExportSink sink)
    {
        Message(r, sink, 0, -1);
        foreach (var item in r.ItemsOf(Replies + Created))
        {
            Message(r, sink, Replies, item);
        }
    }

    private void Message(JsonRecord r, ExportSink sink, int at, int item)
    {
        // System events first: Graph's own sample has one whose createdDateTime lacks its 'T'; it is noise either way.
        if (!r.Utf8(at + Type, item).SequenceEqual("message"u8) || r.String(at + Deleted, item) is not null)
        {
            sink.Noise++;
            return;
        }

        if (!TimeInWindow(r, sink, at + Created, "message", out var time, item))
        {
            return;
        }

        var content = r.String(at + Content, item) ?? string.Empty;
        var body = r.Utf8(at + ContentType, item).SequenceEqual("html"u8) ? PlainText(content.Length > MaxHtml ? content[..MaxHtml] : content) : content.Trim();
        var cards = item >= 0 ? null : string.Join(" / ", CardTexts(r.Strings(Card)));
        var text = sink.Cut(Join(": ", r.String(at + Subject, item), Join(" / ", body, cards, body.Length == 0 && cards is not { Length: > 0 } ? r.String(at + Summary, item) : null)), r.Line, r.Column);
        if (text.Length == 0)
        {
            sink.Noise++;
            return;
        }

        var id = r.String(at + Id, item) ?? Written(r, at + Created, item);
        var actor = r.String(at + User, item) ?? r.String(at + App, item);
        var written = Written(r, at + Created, item);
        var (line, column) = (r.Line, r.Column);
        var raw = $"id {id} {actor}: {(content.Length > ExportSink.MaxText ? content[..ExportSink.MaxText] : content)}";
        IEnumerable<string> reactions = item >= 0 ? [] : r.Strings(Reaction).Concat(r.Strings(ReactionName));
        var thread = r.String(at + ReplyTo, item) ?? (item >= 0 ? r.String(Id) : QuotedMessage(r.Strings(Card)));
        void Add(string why) => sink.Add(time, written, text, null, "teams message (" + why + ")", actor, line, column, raw);
        if (curation.Keep(sink, text, id, thread, pinned: false, ChatCuration.Marked(reactions, sink.Options.Markers), Add) is { } why)
        {
            Add(why);
        }
    }

    /// <summary>
    /// The message a group-chat reply quotes: Teams chats have no threads (<c>replyToId</c> is null), a reply carries a
    /// <c>messageReference</c> attachment whose content names the quoted message (<c>{"messageId":"…","messagePreview":"…"}</c>).
    /// </summary>
    private static string? QuotedMessage(IEnumerable<string> contents)
    {
        foreach (var json in contents)
        {
            using var reference = json.Contains("\"messageId\"", StringComparison.Ordinal) ? ParsedContent(json) : null;
            if (reference?.RootElement.TryGetProperty("messageId", out var id) == true && id.ValueKind == JsonValueKind.String
                && id.GetString() is { Length: > 0 } messageId)
            {
                return messageId;
            }
        }

        return null;
    }

    /// <summary>A card's titles and text blocks: an adaptive or hero card is JSON in a string (<c>attachments[].content</c>).</summary>
    private static IEnumerable<string> CardTexts(IEnumerable<string> contents)
    {
        var texts = new List<string>();
        foreach (var json in contents)
        {
            using var card = ParsedContent(json); // null: not a card (a file's content, or text)
            if (card is not null)
            {
                Collect(card.RootElement, texts);
            }
        }

        return texts;
    }

    /// <summary>An attachment's content read as a JSON object (a card, a message reference); null when too long or not one.</summary>
    private static JsonDocument? ParsedContent(string json)
    {
        if (json.Length > MaxHtml || !json.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Collect(JsonElement e, List<string> texts)
    {
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var child in e.EnumerateArray())
            {
                Collect(child, texts);
            }
        }
        else if (e.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in e.EnumerateObject())
            {
                if (p.Name is "title" or "text" or "subtitle" or "value" && p.Value.ValueKind == JsonValueKind.String && PlainText(p.Value.GetString()!) is { Length: > 0 } t)
                {
                    texts.Add(t);
                }
                else
                {
                    Collect(p.Value, texts);
                }
            }
        }
    }

    /// <summary>
    /// A Teams HTML body as plain text: mentions to <c>@Name</c>, emoji to their <c>alt</c>, table cells apart, paragraphs and
    /// line breaks joined by " / " (no sentence end is invented), other tags dropped, entities decoded.
    /// </summary>
    public static string PlainText(string html)
    {
        var text = Mention().Replace(html, m => "@" + m.Groups[1].Value);
        text = Alt().Replace(text, m => m.Groups[1].Value);
        text = Cell().Replace(text, " ");
        text = Break().Replace(text, "\n");
        text = WebUtility.HtmlDecode(Tag().Replace(text, string.Empty));
        return string.Join(" / ", text.Split('\n').Select(l => Spaces().Replace(l, " ").Trim()).Where(l => l.Length > 0));
    }

    [GeneratedRegex(@"<at\b[^>]*>([^<]*)</at>", RegexOptions.IgnoreCase)]
    private static partial Regex Mention();

    [GeneratedRegex(@"<(?:emoji|img)\b[^>]*\balt=""([^""<>]{1,32})""[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Alt();

    [GeneratedRegex(@"</t[dh]>", RegexOptions.IgnoreCase)]
    private static partial Regex Cell();

    [GeneratedRegex(@"<br\s*/?>|</(?:p|div|li|tr|h[1-6]|blockquote|pre)>", RegexOptions.IgnoreCase)]
    private static partial Regex Break();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
