namespace Postmortem.Model;

/// <summary>A person on the roster, mapped to the role the document names instead of them.</summary>
/// <param name="Name">The person's name as it appears in raw inputs.</param>
/// <param name="Role">The role used in the document ("the on-call engineer").</param>
/// <param name="Handles">Chat handles (<c>@sam</c>) and other aliases.</param>
public sealed record TeamMember(string Name, string Role, IReadOnlyList<string> Handles);
