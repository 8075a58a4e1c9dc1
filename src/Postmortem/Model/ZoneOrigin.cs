namespace Postmortem.Model;

/// <summary>Where the time zone of an event's time came from.</summary>
public enum ZoneOrigin
{
    /// <summary>Written next to the time itself ("07:14 ET", "12:00Z", "+02:00").</summary>
    Written,

    /// <summary>Declared once for the document ("all times are in UTC", a "Time (UTC)" column).</summary>
    Declared,

    /// <summary>Carried from the last zone written earlier in the same notes.</summary>
    Carried,

    /// <summary>The configured default zone (incident file 'timeZone' or --tz).</summary>
    Configured,
}
