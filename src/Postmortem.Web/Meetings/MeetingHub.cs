using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Postmortem.Rendering.Review;
using Postmortem.Web.Accounts;

namespace Postmortem.Web.Meetings;

/// <summary>
/// The live meeting: every signed-in user may join, add factors and actions, vote and assign; only an editor or admin
/// moves the agenda on. Each change is checked by <see cref="MeetingRules"/>, kept by <see cref="MeetingRegistry"/>,
/// and the whole view is sent to everyone in the meeting ("state"). A refusal is a <see cref="HubException"/> with the reason.
/// </summary>
[Authorize]
public sealed class MeetingHub(MeetingRegistry registry) : Hub
{
    /// <summary>Where the hub is mapped.</summary>
    public const string Route = "/hubs/meeting";

    /// <inheritdoc/>
    public override Task OnConnectedAsync()
    {
        // A browser names the page that opened the connection: only this server's pages may (cookies go with a WebSocket).
        if (Context.GetHttpContext() is { } http && http.Request.Headers.Origin is { Count: > 0 } origin
            && !string.Equals(origin.ToString(), $"{http.Request.Scheme}://{http.Request.Host}", StringComparison.OrdinalIgnoreCase))
        {
            Context.Abort();
        }

        return base.OnConnectedAsync();
    }

    /// <summary>Joins the meeting's updates and returns its view.</summary>
    public async Task<MeetingView> Join(string id)
    {
        var meeting = Find(id);
        await Groups.AddToGroupAsync(Context.ConnectionId, meeting.Id).ConfigureAwait(false);
        return registry.View(meeting);
    }

    /// <summary>Adds a factor; returns the facilitation tips its text calls for.</summary>
    public async Task<IReadOnlyList<FacilitationTip>> AddFactor(string id, string category, string text)
    {
        await Apply(id, (m, _) => MeetingRules.AddFactor(m, category, text, Name)).ConfigureAwait(false);
        return FacilitationTips.For(text, action: false);
    }

    /// <summary>Adds an action; returns the facilitation tips its text calls for.</summary>
    public async Task<IReadOnlyList<FacilitationTip>> AddAction(string id, string text, string type, string? effort)
    {
        await Apply(id, (m, _) => MeetingRules.AddAction(m, text, type, effort, Name)).ConfigureAwait(false);
        return FacilitationTips.For(text, action: true);
    }

    /// <summary>Gives or takes back this user's dot on an action.</summary>
    public Task Vote(string id, string actionId) => Apply(id, (m, _) => MeetingRules.Vote(m, actionId, Name));

    /// <summary>Links an action to the meeting's factor at <paramref name="factor"/> (0-based), or undoes the link.</summary>
    public Task Link(string id, string actionId, int factor) => Apply(id, (m, _) => MeetingRules.Link(m, actionId, factor));

    /// <summary>Sets an action's owner and due date.</summary>
    public Task Assign(string id, string actionId, string? owner, string? due) => Apply(id, (m, _) => MeetingRules.Assign(m, actionId, owner, due));

    /// <summary>Moves to the next agenda part (editor or admin).</summary>
    public Task Next(string id) =>
        Context.User is { } user && (user.IsInRole(Roles.Editor) || user.IsInRole(Roles.Admin))
            ? Apply(id, MeetingRules.Next)
            : throw new HubException("only the facilitator (an editor or admin) moves the agenda on");

    /// <summary>The facilitation tips for what is being typed.</summary>
    public IReadOnlyList<FacilitationTip> Tips(string text, bool action) =>
        string.IsNullOrWhiteSpace(text) || text.Length > MeetingRules.MaxText ? [] : FacilitationTips.For(text, action);

    private string Name => Context.User?.Identity?.Name ?? throw new HubException("sign in first");

    private Meeting Find(string id) => registry.Get(id) ?? throw new HubException("no meeting with that id");

    private async Task Apply(string id, Func<Meeting, DateTimeOffset, string?> change)
    {
        var meeting = Find(id);
        var (problem, view) = registry.Change(meeting, change);
        if (problem is not null)
        {
            throw new HubException(problem);
        }

        await Clients.Group(meeting.Id).SendAsync("state", view).ConfigureAwait(false);
    }
}
