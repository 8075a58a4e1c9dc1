using NodaTime;

namespace Postmortem.Model;

/// <summary>A planned-versus-actual milestone of a project.</summary>
/// <param name="Name">Milestone name.</param>
/// <param name="Planned">Planned date.</param>
/// <param name="Actual">Actual date, when reached.</param>
public sealed record Milestone(string Name, LocalDate? Planned, LocalDate? Actual);
