using Postmortem.Ingest.Exports.Json;
using Postmortem.Model;

namespace Postmortem.Ingest.Exports.Formats;

/// <summary>Zendesk tickets (<c>tickets[]</c>, <c>ticket</c>): each ticket is a customer report at <c>created_at</c>.</summary>
internal sealed class ZendeskTickets : JsonFormat
{
    private const int Id = 0, Created = 1, Subject = 2, Priority = 3, Channel = 4;

    public override string Name => "zendesk-tickets";

    public override string Source => "Zendesk";

    public override FieldSet Fields { get; } = new("id", "created_at", "subject", "priority", "via.channel");

    public override RecordPath? Match(JsonShape shape) =>
        shape.Has("tickets", "subject") ? RecordPath.ItemsOf("tickets")
        : shape.Has("ticket", "subject") ? RecordPath.Single("ticket")
        : shape.Root == System.Text.Json.JsonTokenType.StartObject && shape.Has("subject") && shape.Has("requester_id") && shape.Has("created_at") ? RecordPath.Root
        : null;

    public override void Map(JsonRecord r, ExportSink sink)
    {
        var subject = r.String(Subject);
        AddAt(r, sink, Created, () => Join(": ", $"Ticket #{r.String(Id)} opened" + (r.String(Channel) is { } via ? $" via {via}" : string.Empty), subject),
            EventKind.CustomerReport, "zendesk ticket created_at", "Customer", $"ticket {r.String(Id)} created_at {Written(r, Created)}: {subject}");
    }
}

/// <summary>
/// Zendesk ticket audits (<c>audits[]</c>, <c>audit</c>): the ticket's own timeline. An audit that creates
/// the ticket is a customer report; one with a public comment is a communication; a status change is kept as it is.
/// </summary>
internal sealed class ZendeskAudits : JsonFormat
{
    private const int Ticket = 0, Created = 1, Type = 2, Field = 3, Value = 4, Body = 5, Public = 6, PreviousValue = 7;

    public override string Name => "zendesk-audits";

    public override string Source => "Zendesk";

    public override FieldSet Fields { get; } = new("ticket_id", "created_at", "events[].type", "events[].field_name", "events[].value", "events[].body", "events[].public", "events[].previous_value");

    public override RecordPath? Match(JsonShape shape) =>
        shape.Has("audits", "events") ? RecordPath.ItemsOf("audits")
        : shape.Has("audit", "events") ? RecordPath.Single("audit")
        : shape.Root == System.Text.Json.JsonTokenType.StartObject && shape.Has("events") && shape.Has("ticket_id") && shape.Has("created_at") ? RecordPath.Root
        : null;

    public override void Map(JsonRecord r, ExportSink sink)
    {
        var ticket = $"Ticket #{r.String(Ticket)}";
        string? subject = null, status = null, previous = null, comment = null;
        bool created = false, publicComment = false;
        foreach (var i in r.ItemsOf(Type))
        {
            var type = r.String(Type, i);
            var field = r.String(Field, i);
            if (type == "Create")
            {
                created = true;
                subject = field == "subject" ? r.String(Value, i) : subject;
            }
            else if (type == "Change" && field == "status")
            {
                status = r.String(Value, i);
                previous = r.String(PreviousValue, i);
            }
            else if (type == "Comment")
            {
                comment ??= FirstLine(r.String(Body, i));
                publicComment |= r.String(Public, i) == "true";
            }
        }

        if (created)
        {
            AddAt(r, sink, Created, () => Join(": ", $"{ticket} opened", subject ?? comment), EventKind.CustomerReport, "zendesk audit Create", "Customer", $"audit Create {Written(r, Created)}: {subject}");
        }
        else if (status is not null)
        {
            AddAt(r, sink, Created, () => Join(": ", $"{ticket} status {previous} → {status}", comment), status is "solved" or "closed" ? EventKind.Other : null,
                "zendesk audit status", null, $"audit Change status {previous} → {status} {Written(r, Created)}");
        }
        else if (comment is not null)
        {
            AddAt(r, sink, Created, () => $"{ticket} {(publicComment ? "public reply" : "internal note")}: {comment}", publicComment ? EventKind.Communication : EventKind.Other,
                "zendesk audit Comment", null, $"audit Comment {Written(r, Created)}: {comment}");
        }
    }
}
