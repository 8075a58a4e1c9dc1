using System.Text.Json;

namespace Postmortem.Bench;

/// <summary>
/// Writes a synthetic Slack workspace export (one channel, 30 day files split by Los Angeles date, as
/// Slack does) and a PagerDuty log-entries file, with the record shapes of the real exports in
/// ../shared/samples: blocks, threads, reactions, bots with attachments, joins, edits, pins, files.
/// </summary>
internal static class ExportGenerator
{
    public static readonly DateTimeOffset Start = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Span = TimeSpan.FromDays(30);

    private static readonly string[] Words =
        ("the checkout service api latency p99 database replica pool connection queue worker cache redis kafka retry timeout " +
         "customer region deploy rollback canary flag config error rate dashboard graph looks fine looking into it on it " +
         "can someone check the logs for this request id anyone seen this before restarting pods now lunch meeting standup").Split(' ');

    /// <summary>Writes a Slack export of <paramref name="messages"/> spread evenly over <paramref name="span"/> (30 days unless given) from <see cref="Start"/>.</summary>
    public static void Slack(string folder, int messages, TimeSpan? span = null)
    {
        var over = span ?? Span;
        var channel = Path.Combine(folder, "incident-bench");
        Directory.CreateDirectory(channel);
        File.WriteAllText(Path.Combine(folder, "channels.json"), "[{\"id\":\"C0BENCH\",\"name\":\"incident-bench\",\"created\":1709251200}]");
        using (var usersFile = File.Create(Path.Combine(folder, "users.json")))
        using (var users = new Utf8JsonWriter(usersFile))
        {
            users.WriteStartArray();
            for (var u = 0; u < 200; u++)
            {
                users.WriteStartObject();
                users.WriteString("id", $"U{u:D8}");
                users.WriteString("name", $"user{u}");
                users.WriteString("real_name", $"User Number{u}");
                users.WriteString("tz", "America/Los_Angeles");
                users.WriteStartObject("profile");
                users.WriteString("display_name", $"user{u}");
                users.WriteString("real_name", $"User Number{u}");
                users.WriteEndObject();
                users.WriteEndObject();
            }

            users.WriteEndArray();
        }

        var random = new Random(42);
        var pst = TimeSpan.FromHours(-8);
        Utf8JsonWriter? day = null;
        FileStream? dayStream = null;
        string? dayName = null;
        string? lastParent = null;
        for (var i = 0; i < messages; i++)
        {
            var at = Start + TimeSpan.FromTicks(over.Ticks / messages * i);
            var name = (at + pst).ToString("yyyy-MM-dd") + ".json";
            if (name != dayName)
            {
                Close(day, dayStream);
                dayStream = new FileStream(Path.Combine(channel, name), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
                day = new Utf8JsonWriter(dayStream, new JsonWriterOptions { Indented = true });
                day.WriteStartArray();
                dayName = name;
            }

            var ts = $"{at.ToUnixTimeSeconds()}.{random.Next(0, 999999):D6}";
            Message(day!, random, ts, ref lastParent);
            if (i % 10_000 == 0)
            {
                day!.Flush();
            }
        }

        Close(day, dayStream);
    }

    private static void Message(Utf8JsonWriter w, Random random, string ts, ref string? lastParent)
    {
        var user = $"U{random.Next(200):D8}";
        var roll = random.Next(1000);
        w.WriteStartObject();
        if (roll < 20)
        {
            w.WriteString("type", "message");
            w.WriteString("subtype", "channel_join");
            w.WriteString("ts", ts);
            w.WriteString("user", user);
            w.WriteString("text", $"<@{user}> has joined the channel");
            w.WriteEndObject();
            return;
        }

        if (roll < 70)
        {
            w.WriteString("type", "message");
            w.WriteString("subtype", "bot_message");
            w.WriteString("text", string.Empty);
            w.WriteString("ts", ts);
            w.WriteString("username", "Datadog");
            w.WriteString("bot_id", "B0DATADOG");
            w.WriteStartArray("attachments");
            w.WriteStartObject();
            w.WriteString("fallback", $"[Triggered] {Sentence(random, 6)} on host web-{random.Next(40)}");
            w.WriteString("title", "Monitor triggered");
            w.WriteString("title_link", "https://app.datadoghq.com/monitors/123456");
            w.WriteString("text", Sentence(random, 20));
            w.WriteString("color", "d00000");
            w.WriteNumber("id", 1);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            return;
        }

        w.WriteString("client_msg_id", Guid.NewGuid().ToString());
        w.WriteString("type", "message");
        var text = Sentence(random, random.Next(4, 30));
        if (roll < 200)
        {
            text = $"<@U{random.Next(200):D8}> {text}";
        }
        else if (roll < 260)
        {
            text += " <https://github.com/example/repo/pull/4812|PR #4812>";
        }

        w.WriteString("text", text);
        w.WriteString("user", user);
        w.WriteString("ts", ts);
        w.WriteString("team", "T0BENCH");
        if (roll < 600)
        {
            w.WriteStartArray("blocks");
            w.WriteStartObject();
            w.WriteString("type", "rich_text");
            w.WriteString("block_id", ts[^5..]);
            w.WriteStartArray("elements");
            w.WriteStartObject();
            w.WriteString("type", "rich_text_section");
            w.WriteStartArray("elements");
            w.WriteStartObject();
            w.WriteString("type", "text");
            w.WriteString("text", text);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
        }

        if (roll is >= 600 and < 700 && lastParent is not null)
        {
            w.WriteString("thread_ts", lastParent);
            w.WriteString("parent_user_id", user);
        }
        else if (roll is >= 700 and < 720)
        {
            w.WriteString("thread_ts", ts);
            w.WriteNumber("reply_count", 3);
            lastParent = ts;
        }

        if (roll is >= 720 and < 780)
        {
            w.WriteStartArray("reactions");
            w.WriteStartObject();
            w.WriteString("name", roll < 730 ? "pushpin" : "eyes");
            w.WriteStartArray("users");
            w.WriteStringValue(user);
            w.WriteEndArray();
            w.WriteNumber("count", 1);
            w.WriteEndObject();
            w.WriteEndArray();
        }

        if (roll is >= 780 and < 790)
        {
            w.WriteStartObject("edited");
            w.WriteString("user", user);
            w.WriteString("ts", ts);
            w.WriteEndObject();
        }

        if (roll is >= 790 and < 795)
        {
            w.WriteStartArray("pinned_to");
            w.WriteStringValue("C0BENCH");
            w.WriteEndArray();
        }

        if (roll is >= 795 and < 805)
        {
            w.WriteStartArray("files");
            w.WriteStartObject();
            w.WriteString("id", "F0" + ts[^6..]);
            w.WriteString("name", "graph.png");
            w.WriteString("mimetype", "image/png");
            w.WriteNumber("size", 48213);
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    public static void PagerDuty(string file, int entries)
    {
        var random = new Random(7);
        string[] types = ["trigger_log_entry", "notify_log_entry", "notify_log_entry", "acknowledge_log_entry", "annotate_log_entry", "escalate_log_entry", "assign_log_entry", "resolve_log_entry"];
        using var stream = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteStartArray("log_entries");
        for (var i = entries - 1; i >= 0; i--)
        {
            // Newest first, as the API lists them.
            var at = Start + TimeSpan.FromTicks(Span.Ticks / entries * i);
            var type = types[random.Next(types.Length)];
            var incident = $"P{i / 20:D7}";
            w.WriteStartObject();
            w.WriteString("id", $"R{i:D10}");
            w.WriteString("type", type);
            w.WriteString("summary", type switch
            {
                "trigger_log_entry" => "Triggered through the API",
                "notify_log_entry" => $"Notified User Number{random.Next(200)} by {(random.Next(2) == 0 ? "email" : "phone")}",
                "acknowledge_log_entry" => $"Acknowledged by User Number{random.Next(200)}",
                "escalate_log_entry" => "Escalated to Database on-call by timeout",
                "assign_log_entry" => $"Assigned to User Number{random.Next(200)}",
                "resolve_log_entry" => $"Resolved by User Number{random.Next(200)}",
                _ => "Note added",
            });
            w.WriteString("self", $"https://api.pagerduty.com/log_entries/R{i:D10}");
            w.WriteString("html_url", $"https://example.pagerduty.com/incidents/{incident}/log_entries/R{i:D10}");
            w.WriteString("created_at", at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"));
            w.WriteStartObject("agent");
            w.WriteString("id", "PUSER01");
            w.WriteString("type", "user_reference");
            w.WriteString("summary", $"User Number{random.Next(200)}");
            w.WriteString("self", "https://api.pagerduty.com/users/PUSER01");
            w.WriteString("html_url", "https://example.pagerduty.com/users/PUSER01");
            w.WriteEndObject();
            w.WriteStartObject("channel");
            w.WriteString("type", type == "notify_log_entry" ? "auto" : "web_trigger");
            if (type == "annotate_log_entry")
            {
                w.WriteString("summary", Sentence(random, 12));
            }

            w.WriteEndObject();
            w.WriteStartObject("service");
            w.WriteString("id", "PSVC001");
            w.WriteString("type", "service_reference");
            w.WriteString("summary", "checkout-api");
            w.WriteString("self", "https://api.pagerduty.com/services/PSVC001");
            w.WriteString("html_url", "https://example.pagerduty.com/services/PSVC001");
            w.WriteEndObject();
            w.WriteStartObject("incident");
            w.WriteString("id", incident);
            w.WriteString("type", "incident_reference");
            w.WriteString("summary", $"[#{i / 20}] checkout-api: {Sentence(random, 5)}");
            w.WriteString("self", $"https://api.pagerduty.com/incidents/{incident}");
            w.WriteString("html_url", $"https://example.pagerduty.com/incidents/{incident}");
            w.WriteEndObject();
            w.WriteStartArray("teams");
            w.WriteEndArray();
            w.WriteStartArray("contexts");
            w.WriteEndArray();
            w.WriteStartObject("event_details");
            w.WriteEndObject();
            w.WriteEndObject();
            if (i % 10_000 == 0)
            {
                w.Flush();
            }
        }

        w.WriteEndArray();
        w.WriteNumber("limit", entries);
        w.WriteNumber("offset", 0);
        w.WriteBoolean("more", false);
        w.WriteEndObject();
    }

    private static string Sentence(Random random, int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)]));

    private static void Close(Utf8JsonWriter? w, FileStream? stream)
    {
        if (w is null)
        {
            return;
        }

        w.WriteEndArray();
        w.Flush();
        w.Dispose();
        stream?.Dispose();
    }
}
