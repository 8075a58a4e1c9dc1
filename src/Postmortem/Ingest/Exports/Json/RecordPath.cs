namespace Postmortem.Ingest.Exports.Json;

/// <summary>Where the records of a JSON export sit.</summary>
/// <param name="Property">A property of the root object that holds the records, or null for the root value itself.</param>
/// <param name="Each">True when the value is an array whose items are the records; false when the value is one record.</param>
public sealed record RecordPath(string? Property, bool Each)
{
    /// <summary>The root value is one record.</summary>
    public static RecordPath Root { get; } = new(null, false);

    /// <summary>The root value is an array of records.</summary>
    public static RecordPath RootArray { get; } = new(null, true);

    /// <summary>Each item of the root property <paramref name="name"/>; a single object there is one record.</summary>
    public static RecordPath ItemsOf(string name) => new(name, true);

    /// <summary>The root property <paramref name="name"/> is one record.</summary>
    public static RecordPath Single(string name) => new(name, false);
}
