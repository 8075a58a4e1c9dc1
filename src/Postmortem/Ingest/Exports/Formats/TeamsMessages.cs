using System.Net;
using System.Text.RegularExpressions;
using Postmortem.Ingest.Exports.Json;

namespace Postmortem.Ingest.Exports.Formats;

/// <summary>
/// Microsoft Teams chat or channel messages as Microsoft Graph lists them (<c>GET /chats/{id}/messages</c>,
/// <c>/teams/{id}/channels/{id}/messages</c> and their <c>/replies</c>: <c>value[]</c> of chatMessage), or a bare array
/// of chatMessage objects. Teams has no export file of its own for end users; the Graph response is what people save.
/// </summary>
/// <remarks>
/// The time is <c>createdDateTime</c> (UTC), never an edit's. System events (<c>messageType</c> other than <c>message</c>:
/// member added, chat renamed, <c>unknownFutureValue</c>) and deleted messages are noise, like Slack's joins. HTML bodies
/// become plain text (mentions <c>&lt;at&gt;Name&lt;/at&gt;</c> to <c>@Name</c>); a body that is only an image or a card
/// has no text and is dropped. Curation is Slack's (<see cref="ChatCuration"/>); replies follow <c>replyToId</c>.
/// </remarks>
internal sealed partial class TeamsMessages : JsonFormat
{
    private const int Id = 0, Type = 1, Created = 2, Deleted = 3, User = 4, App = 5, ContentType = 6, Content = 7, ReplyTo = 8, Reaction = 9, Subject = 10, ReactionName = 11;

    private readonly ChatCuration curation = new();

    public override string Name => "teams-messages";

    public override string Source => "Teams";

    public override FieldSet Fields { get; } = new(
        "id", "messageType", "createdDateTime", "deletedDateTime", "from.user.displayName", "from.application.displayName",
        "body.contentType", "body.content", "replyToId", "reactions[].reactionType", "subject", "reactions[].displayName");

    public override RecordPath? Match(JsonShape shape) =>
        shape.Root == System.Text.Json.JsonTokenType.StartObject && shape.Has("value", "messageType") && shape.Has("value", "createdDateTime") ? RecordPath.ItemsOf("value")
        : shape.Root == System.Text.Json.JsonTokenType.StartArray && shape.Has("messageType") && shape.Has("createdDateTime") && shape.Has("body") ? RecordPath.RootArray
        : null;

    public override void Map(JsonRecord r, ExportSink sink)
    {
        // System events first: Graph's own sample has one whose createdDateTime lacks its 'T'; it is noise either way.
        if (!r.Is(Type, "message"u8) || r.String(Deleted) is not null)
        {
            sink.Noise++;
            return;
        }

        if (!TimeInWindow(r, sink, Created, "message", out var time))
        {
            return;
        }

        var content = sink.Cut(r.String(Content) ?? string.Empty, r.Line, r.Column);
        var text = Join(": ", r.String(Subject), r.Is(ContentType, "html"u8) ? PlainText(content) : content.Trim());
        if (text.Length == 0)
        {
            sink.Noise++;
            return;
        }

        var id = r.String(Id) ?? Written(r, Created);
        var reactions = r.Strings(Reaction).Concat(r.Strings(ReactionName));
        if (curation.Keep(sink, text, id, r.String(ReplyTo), pinned: false, ChatCuration.Marked(reactions, sink.Options.Markers)) is not { } why)
        {
            return;
        }

        var actor = r.String(User) ?? r.String(App);
        sink.Add(time, Written(r, Created), text, null, "teams message (" + why + ")", actor, r.Line, r.Column, $"id {id} {actor}: {content}");
    }

    /// <summary>A Teams HTML body as plain text: mentions to <c>@Name</c>, block ends and line breaks to spaces, other tags dropped, entities decoded.</summary>
    public static string PlainText(string html)
    {
        var text = Mention().Replace(html, m => "@" + m.Groups[1].Value);
        text = Break().Replace(text, " ");
        text = Tag().Replace(text, string.Empty);
        return Spaces().Replace(WebUtility.HtmlDecode(text), " ").Trim();
    }

    [GeneratedRegex(@"<at\b[^>]*>([^<]*)</at>", RegexOptions.IgnoreCase)]
    private static partial Regex Mention();

    [GeneratedRegex(@"<br\s*/?>|</(?:p|div|li|tr|h[1-6])>", RegexOptions.IgnoreCase)]
    private static partial Regex Break();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
