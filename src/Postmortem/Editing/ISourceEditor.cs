using Postmortem.Diagnostics;

namespace Postmortem.Editing;

/// <summary>A field of an action that a command outside the file changes (<c>actions set</c>, <c>sync</c>).</summary>
public enum ActionField
{
    /// <summary>The status as written ("done", "not-doing", "open").</summary>
    Status,

    /// <summary>Why the status is what it is.</summary>
    Note,

    /// <summary>The tracker issue (URL or key) that follows the action.</summary>
    Tracker,
}

/// <summary>The text after an edit, and how many lines it changed or added (a review reads the git diff).</summary>
/// <param name="Text">The whole document after the edit.</param>
/// <param name="ChangedLines">Lines changed or added; 0 when the value was already there.</param>
public sealed record EditedText(string Text, int ChangedLines);

/// <summary>
/// Edits one source format in place, the way a person would by hand: only the line that holds the value changes,
/// or one line is added beside its siblings with their indentation; every other byte is kept (comments, quoting,
/// order, line endings). Works on decoded text; the caller keeps the file's encoding and writes atomically.
/// </summary>
public interface ISourceEditor
{
    /// <summary>True when this editor understands the document (by name and content).</summary>
    bool CanEdit(string file, string text);

    /// <summary>Sets <paramref name="field"/> of the action whose id (or, without one, position) is <paramref name="actionId"/>.
    /// An unknown or ambiguous id is an error naming the file (and the line of the duplicate).</summary>
    Result<EditedText> SetActionField(string text, string file, string actionId, ActionField field, string value);

    /// <summary>Gives the postmortem an id when it has none, and every action without an <c>id</c> a minted one
    /// (<see cref="Model.ActionId"/>), one added line each, so that trackers and browsers can refer to them.</summary>
    Result<EditedText> EnsureIds(string text, string file, Func<string> newPostmortemId, Func<string> newActionId);
}
