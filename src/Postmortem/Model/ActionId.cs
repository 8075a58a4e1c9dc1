namespace Postmortem.Model;

/// <summary>Stable action ids (docs/format.md, <c>actions[].id</c>): minted by <c>new</c>, <c>draft</c> and <c>sync</c>, kept by every rewrite.</summary>
/// <remarks>An action written by hand may carry any id of <see cref="PostmortemId.Allowed"/>'s shape ("1", "cache-alert");
/// an action without one is numbered by position, which is fine to read but not to refer to from a tracker, so the
/// commands that refer to actions from outside the file mint one first. Minted ids are unique on their own
/// (<c>act-</c> and 40 random bits), so a tracker marker or a URL can name an action without its postmortem.</remarks>
public static class ActionId
{
    /// <summary>The prefix of every minted action id.</summary>
    public const string Prefix = "act-";

    /// <summary>A new id, e.g. <c>act-7k2m9xqa</c>.</summary>
    public static string New() => Prefix + PostmortemId.RandomTail();

    /// <summary>True when <paramref name="id"/> was minted (not a position or a hand-written name).</summary>
    public static bool IsMinted(string id) =>
        id.Length == Prefix.Length + 8 && id.StartsWith(Prefix, StringComparison.Ordinal) && PostmortemId.IsValid(id);
}
