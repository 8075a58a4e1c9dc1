using Postmortem.Ingest.Exports;
using Postmortem.Ingest.Exports.Formats;
using static Postmortem.Tests.Ingest.Exports.ExportReaderTests;

namespace Postmortem.Tests.Ingest.Exports;

/// <summary>Teams (Microsoft Graph chatMessage lists) and Discord (DiscordChatExporter JSON): read as chat, curated as Slack is.</summary>
public sealed class ChatExportTests
{
    private const string Dir = "tests/Postmortem.Tests/Fixtures/exports/";

    [Fact]
    public void Teams_messages_are_curated_in_time_order_with_html_made_plain()
    {
        var r = Read(Dir + "teams-channel-messages.json");
        Assert.Equal("teams-messages", r.Format);
        Assert.Equal(
            [
                (At("2024-03-12T14:25:00Z"), "Checkout incident: Opening the bridge for checkout errors & timeouts", "Dana Ops"),
                (At("2024-03-12T14:26:00Z"), "joining now", "Priya Natarajan"),
                (At("2024-03-12T14:40:00Z"), "Rolled back the payments deploy, @Dana Ops watching the graphs", "Priya Natarajan"),
            ],
            r.Events.Select(e => (e.Time, e.Text, e.Actor)));

        // Pinned by its 📌 reaction; the reply follows its parent; the rollback is recognised. The system event, the deleted
        // message and the bot's image-only card are noise; the lunch chat is left out.
        Assert.Equal((3, 1), (r.Noise, r.LeftOut));
        Assert.Equal("Teams", r.Events[0].Source);
        Assert.Contains("1710253500000", r.Events[0].Provenance.RawText);

        var all = Read(Dir + "teams-channel-messages.json", new ExportOptions { All = true });
        Assert.Equal(4, all.Events.Count);
        Assert.Contains(all.Events, e => e.Text == "anyone up for lunch after this");
    }

    [Fact]
    public void Discord_messages_keep_the_offset_written_and_read_bot_embeds()
    {
        var r = Read(Dir + "discord-channel.json");
        Assert.Equal("discord-messages", r.Format);
        Assert.Equal(
            [
                (At("2024-03-12T14:02:00Z"), "[Alerting] Login error rate above 5% / auth-api 5xx at 7.2%", "Grafana"),
                (At("2024-03-12T14:05:30Z"), "Incident declared, I am IC. Logins failing for EU players", "Marta K"),
                (At("2024-03-12T14:06:10Z"), "on it", "jo"),
                (At("2024-03-12T14:31:00Z"), "token cache flushed on all auth nodes", "jo"),
            ],
            r.Events.Select(e => (e.Time, e.Text, e.Actor)));
        Assert.All(r.Events, e => Assert.Equal("UTC-04:00", e.Zone));
        Assert.Equal("2024-03-12T10:05:30.000-04:00", r.Events[1].WrittenTime); // the post's time, not its edit's
        Assert.Equal((2, 1), (r.Noise, r.LeftOut)); // the join and the pin notice; "brb coffee"
    }

    [Fact]
    public void A_group_chat_reply_quoting_a_kept_message_is_kept_with_it()
    {
        // Group chats have no threads: the reply carries a messageReference attachment naming the message it quotes.
        const string Reference = "{\\\"messageId\\\":\\\"3001\\\",\\\"messagePreview\\\":\\\"checkout 502s\\\"}";
        var json = $$$"""
            {"value":[
              {"id":"3002","replyToId":null,"messageType":"message","createdDateTime":"2024-05-02T09:16:00Z","from":{"user":{"displayName":"Ana Ruiz"}},
               "body":{"contentType":"html","content":"<attachment id=\"3001\"></attachment><p>same here from Lisbon</p>"},
               "attachments":[{"id":"3001","contentType":"messageReference","content":"{{{Reference}}}"}],"reactions":[]},
              {"id":"3003","replyToId":null,"messageType":"message","createdDateTime":"2024-05-02T09:17:00Z","from":{"user":{"displayName":"Kofi Mensah"}},
               "body":{"contentType":"text","content":"brb coffee"},"attachments":[],"reactions":[]},
              {"id":"3001","replyToId":null,"messageType":"message","createdDateTime":"2024-05-02T09:15:00Z","from":{"user":{"displayName":"Lena Vogt"}},
               "body":{"contentType":"text","content":"checkout 502s"},"attachments":[],"reactions":[{"reactionType":"\uD83D\uDCCC","displayName":"Pushpin"}]}
            ]}
            """;
        var r = Read(Temp.File("teams-group-chat.json", json));
        Assert.Equal(["checkout 502s", "same here from Lisbon"], r.Events.Select(e => e.Text));
        Assert.Equal(1, r.LeftOut); // "brb coffee" quotes nothing and says nothing of the incident
    }

    [Fact]
    public void Teams_replies_before_their_parent_expanded_replies_and_bot_cards_are_read()
    {
        // Graph lists newest first: the reply comes before its pinned parent and waits for it; the expanded reply of the
        // parent follows it; the alerting bot's adaptive card is its text. Table cells and paragraphs stay apart, emoji keep their alt.
        var r = Read(Dir + "teams-newest-first.json");
        Assert.Equal(
            [
                (At("2024-05-02T09:10:00Z"), "Fired: API 5xx rate above 5% for 5 minutes / Severity / Sev1", "Azure Monitor"),
                (At("2024-05-02T09:12:00Z"), "DB pool: Status Investigating / Pool at 100% / checking replicas \U0001F440", "Lena Vogt"),
                (At("2024-05-02T09:13:00Z"), "seeing it too on eu-west", "Ana Ruiz"),
                (At("2024-05-02T09:14:00Z"), "ok, on it, looking at pool sizes", "Kofi Mensah"),
            ],
            r.Events.Select(e => (e.Time, e.Text, e.Actor)));
        Assert.Equal(0, r.LeftOut);

        // A long HTML body is stripped before it is cut: its words survive, not its first 4,000 characters of markup.
        var spans = string.Concat(Enumerable.Repeat("<span style=\\\"color:#333;font-family:Segoe UI\\\">db</span> ", 300));
        var big = Temp.File("teams-big.json", $$$"""{"value":[{"id":"1","messageType":"message","createdDateTime":"2024-05-02T09:20:00Z","from":{"user":{"displayName":"Ana Ruiz"}},"body":{"contentType":"html","content":"<p>{{{spans}}} errors resolved</p>"}}]}""");
        var read = Read(big, new ExportOptions { All = true });
        Assert.EndsWith("db errors resolved", Assert.Single(read.Events).Text);
        Assert.DoesNotContain(read.Diagnostics, d => d.Code == "PM0409");
    }

    [Fact]
    public void Discord_slash_command_replies_and_forwarded_messages_are_messages()
    {
        var file = Temp.File("discord-kinds.json", """
            {"guild":{"id":"1","name":"g"},"channel":{"id":"2","name":"incidents"},"messages":[
             {"id":"10","type":"ChatInputCommand","timestamp":"2024-05-02T09:00:00+00:00","isPinned":false,"content":"SEV1 incident declared by @lena: checkout down","author":{"id":"3","name":"incident-bot","nickname":null,"isBot":true},"reactions":[]},
             {"id":"11","type":"Default","timestamp":"2024-05-02T09:01:00+00:00","isPinned":false,"content":"","author":{"id":"4","name":"kofi","nickname":"Kofi","isBot":false},"reactions":[],"forwardedMessage":{"content":"Vendor: our API is degraded in eu-west"}},
             {"id":"12","type":"RecipientAdd","timestamp":"2024-05-02T09:02:00+00:00","isPinned":false,"content":"Added ana to the group.","author":{"id":"4","name":"kofi","nickname":"Kofi","isBot":false},"reactions":[]}
            ]}
            """);
        var r = Read(file, new ExportOptions { All = true });
        Assert.Equal(["SEV1 incident declared by @lena: checkout down", "Vendor: our API is degraded in eu-west"], r.Events.Select(e => e.Text));
        Assert.Equal(1, r.Noise);
    }

    [Fact]
    public void A_slack_ts_that_is_a_date_is_no_time()
    {
        var r = Read(Temp.File("slack-date-ts.json", """[{"type":"message","ts":"2023-11-14","text":"rollback done"}]"""), new ExportOptions { All = true });
        Assert.Empty(r.Events);
        Assert.Equal("PM0403", Assert.Single(r.Diagnostics).Code);
    }

    [Theory]
    [InlineData("pushpin", true)]
    [InlineData(":pushpin:", true)]
    [InlineData("\U0001F4CC", true)]
    [InlineData("Pushpin", true)]
    [InlineData("like", false)]
    [InlineData("\U0001F44D", false)]
    public void A_marker_reaction_is_matched_by_name_code_or_emoji(string reaction, bool marked) =>
        Assert.Equal(marked, ChatCuration.Marked([reaction], ExportOptions.DefaultMarkers));

    [Fact]
    public void Teams_html_bodies_become_plain_text()
    {
        Assert.Equal("@Ana can you check db-2? / latency < 50ms again", TeamsMessages.PlainText("<p><at id=\"0\">Ana</at> can you check db-2?</p><p>latency &lt; 50ms again</p>"));
        Assert.Equal(string.Empty, TeamsMessages.PlainText("<div><img src=\"x.png\"></div>"));
    }
}
