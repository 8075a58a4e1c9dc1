using NodaTime;
using Postmortem.Rendering.Review;
using Postmortem.Web.Meetings;

namespace Postmortem.Web.Tests.Meetings;

/// <summary>The meeting's rules on their own: the agenda's clock, additions, dot-voting, and what Close requires.</summary>
public sealed class MeetingRulesTests
{
    private static readonly DateTimeOffset Start = new(2024, 3, 6, 15, 0, 0, TimeSpan.Zero);

    private static Meeting New(int minutes = 50) =>
        new() { Id = "mtg-0123456789ab", Path = "pm/x.yml", Title = "X", Minutes = minutes, Facilitator = "editor", Started = Start, PartStarted = Start };

    [Theory]
    [InlineData(50)]
    [InlineData(25)]
    [InlineData(90)]
    public void The_parts_are_the_library_agenda_scaled_to_the_meeting(int minutes)
    {
        var parts = MeetingRules.Parts(minutes);

        Assert.Equal(AgendaRenderer.Segments.Select(s => s.Title), parts.Select(p => p.Title));
        Assert.Equal(minutes * 60, parts.Sum(p => p.Seconds));
        Assert.Equal(AgendaRenderer.Scale(minutes).Select(m => m * 60), parts.Select(p => p.Seconds));
    }

    [Fact]
    public void The_clock_counts_down_runs_over_and_starts_again_on_the_next_part()
    {
        var meeting = New();
        var first = MeetingRules.Parts(50)[0].Seconds;

        Assert.Equal(first - 30, MeetingRules.SecondsLeft(meeting, Start.AddSeconds(30)));
        Assert.Equal(-10, MeetingRules.SecondsLeft(meeting, Start.AddSeconds(first + 10)));

        Assert.Null(MeetingRules.Next(meeting, Start.AddSeconds(first + 10)));
        Assert.Equal(1, meeting.Part);
        Assert.Equal(MeetingRules.Parts(50)[1].Seconds, MeetingRules.SecondsLeft(meeting, Start.AddSeconds(first + 10)));
    }

    [Fact]
    public void The_last_part_has_no_next()
    {
        var meeting = New();
        for (var i = 0; i < 6; i++)
        {
            Assert.Null(MeetingRules.Next(meeting, Start));
        }

        Assert.NotNull(MeetingRules.Next(meeting, Start));
        Assert.Equal(6, meeting.Part);
    }

    [Fact]
    public void Votes_rank_first_then_leverage_then_the_order_added()
    {
        var meeting = New();
        Assert.Null(MeetingRules.AddAction(meeting, "Update the runbook for pool exhaustion", "process", null, "a"));
        Assert.Null(MeetingRules.AddAction(meeting, "Add a pool alert at 75%", "detect", "small", "a"));
        Assert.Null(MeetingRules.AddAction(meeting, "Freeze deploys 48 hours around peak events", "prevent", "large", "b"));
        var (runbook, alert, freeze) = (meeting.Actions[0].Id, meeting.Actions[1].Id, meeting.Actions[2].Id);

        Assert.Equal(new[] { freeze, alert, runbook }, MeetingRules.Ranked(meeting).Select(a => a.Id));

        Assert.Null(MeetingRules.Vote(meeting, runbook, "a"));
        Assert.Null(MeetingRules.Vote(meeting, runbook, "b"));
        Assert.Null(MeetingRules.Vote(meeting, alert, "b"));

        Assert.Equal(new[] { runbook, alert, freeze }, MeetingRules.Ranked(meeting).Select(a => a.Id));
    }

    [Fact]
    public void Each_participant_has_three_dots_and_may_take_one_back()
    {
        var meeting = New();
        for (var i = 0; i < 4; i++)
        {
            Assert.Null(MeetingRules.AddAction(meeting, $"Add alert number {i} at 75%", "detect", null, "a"));
        }

        Assert.Null(MeetingRules.Vote(meeting, meeting.Actions[0].Id, "v"));
        Assert.Null(MeetingRules.Vote(meeting, meeting.Actions[1].Id, "v"));
        Assert.Null(MeetingRules.Vote(meeting, meeting.Actions[2].Id, "v"));
        Assert.Contains("3 votes", MeetingRules.Vote(meeting, meeting.Actions[3].Id, "v"), StringComparison.Ordinal);

        Assert.Null(MeetingRules.Vote(meeting, meeting.Actions[0].Id, "v"));
        Assert.Null(MeetingRules.Vote(meeting, meeting.Actions[3].Id, "v"));
        Assert.Empty(meeting.Actions[0].Voters);
        Assert.Equal(new[] { "v" }, meeting.Actions[3].Voters);
    }

    [Fact]
    public void Close_is_refused_until_every_action_has_an_owner_and_a_due_date_after_today()
    {
        var meeting = New();
        var today = new LocalDate(2024, 3, 6);
        Assert.Null(MeetingRules.AddAction(meeting, "Add a pool alert at 75%", "detect", null, "a"));
        var id = meeting.Actions[0].Id;

        Assert.Equal(new[] { "\"Add a pool alert at 75%\" has no owner", "\"Add a pool alert at 75%\" has no due date" }, MeetingRules.CloseProblems(meeting, today));

        Assert.Null(MeetingRules.Assign(meeting, id, "Platform Team", "2024-03-06"));
        Assert.Contains("not after today", Assert.Single(MeetingRules.CloseProblems(meeting, today)), StringComparison.Ordinal);

        Assert.Null(MeetingRules.Assign(meeting, id, "Platform Team", "2024-03-20"));
        Assert.Empty(MeetingRules.CloseProblems(meeting, today));
    }

    [Theory]
    [InlineData("blame", "Something", "category must be one of")]
    [InlineData("process", "   ", "empty")]
    public void A_factor_outside_the_record_s_categories_or_without_text_is_refused(string category, string text, string why)
    {
        var meeting = New();

        Assert.Contains(why, MeetingRules.AddFactor(meeting, category, text, "a"), StringComparison.Ordinal);
        Assert.Empty(meeting.Factors);
    }

    [Fact]
    public void Additions_are_kept_as_one_line_and_bad_values_are_refused()
    {
        var meeting = New();

        Assert.Null(MeetingRules.AddFactor(meeting, "technical", "Pool  limit\nwas 50", "a"));
        Assert.Contains("type must be", MeetingRules.AddAction(meeting, "Add an alert at 75%", "fix", null, "a"), StringComparison.Ordinal);
        Assert.Contains("effort must be", MeetingRules.AddAction(meeting, "Add an alert at 75%", "detect", "huge", "a"), StringComparison.Ordinal);
        Assert.Contains("longer than", MeetingRules.AddAction(meeting, new string('x', MeetingRules.MaxText + 1), "detect", null, "a"), StringComparison.Ordinal);
        Assert.Null(MeetingRules.AddAction(meeting, "Add an alert at 75%", "detect", null, "a"));
        Assert.Contains("YYYY-MM-DD", MeetingRules.Assign(meeting, meeting.Actions[0].Id, "Team", "next friday"), StringComparison.Ordinal);

        Assert.Equal("Pool limit was 50", meeting.Factors[0].Text);
        Assert.Single(meeting.Actions);
    }

    [Fact]
    public void A_link_toggles_and_names_only_a_factor_of_the_meeting()
    {
        var meeting = New();
        Assert.Null(MeetingRules.AddFactor(meeting, "process", "No freeze on peak days", "a"));
        Assert.Null(MeetingRules.AddFactor(meeting, "technical", "No pool headroom", "a"));
        Assert.Null(MeetingRules.AddAction(meeting, "Freeze deploys on peak days", "prevent", null, "a"));
        var id = meeting.Actions[0].Id;

        Assert.Null(MeetingRules.Link(meeting, id, 1));
        Assert.Null(MeetingRules.Link(meeting, id, 0));
        Assert.Equal([0, 1], meeting.Actions[0].Factors);
        Assert.Null(MeetingRules.Link(meeting, id, 1));
        Assert.Equal([0], meeting.Actions[0].Factors);
        Assert.NotNull(MeetingRules.Link(meeting, id, 2));
        Assert.NotNull(MeetingRules.Link(meeting, id, -1));
        Assert.NotNull(MeetingRules.Link(meeting, "act-nothere0", 0));
        Assert.Equal([0], MeetingView.Of(meeting, Start).Actions[0].Factors);
    }

    [Fact]
    public void A_closed_meeting_takes_nothing_more()
    {
        var meeting = New();
        meeting.Outcome = new MeetingOutcome(Start, 0, null, null, "no date");

        Assert.NotNull(MeetingRules.AddFactor(meeting, "process", "Late", "a"));
        Assert.NotNull(MeetingRules.Next(meeting, Start));
        Assert.NotEmpty(MeetingRules.CloseProblems(meeting, new LocalDate(2024, 3, 6)));
    }
}
