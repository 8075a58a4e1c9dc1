namespace Postmortem.Store;

/// <summary>How the action items of the indexed postmortems are doing.</summary>
/// <param name="Total">Every action.</param>
/// <param name="Done">Done.</param>
/// <param name="NotDoing">Decided against.</param>
/// <param name="Open">Still to do.</param>
/// <param name="Overdue">Open and past their due date.</param>
/// <param name="OverdueByOwner">Overdue actions per owner ("no owner" for those without), most first.</param>
public sealed record ActionHealth(int Total, int Done, int NotDoing, int Open, int Overdue, IReadOnlyList<KeyValuePair<string, int>> OverdueByOwner)
{
    /// <summary>Done as a share of the actions the team kept (done + open), or null when there are none.</summary>
    public double? CompletionRate => Done + Open == 0 ? null : (double)Done / (Done + Open);
}
