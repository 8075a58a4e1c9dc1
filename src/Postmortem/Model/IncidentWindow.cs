using NodaTime;

namespace Postmortem.Model;

/// <summary>The stretch of time exports are read for.</summary>
/// <param name="From">Start, or null to derive it from the notes' first event minus the margin.</param>
/// <param name="To">End, or null to derive it from the notes' last event plus the margin.</param>
/// <param name="MarginMinutes">Margin around the notes' events when deriving; null takes the default.</param>
public sealed record IncidentWindow(Instant? From, Instant? To, int? MarginMinutes)
{
    /// <summary>Margin used when none is given.</summary>
    public const int DefaultMarginMinutes = 60;
}
