namespace Postmortem.Rendering;

/// <summary>Renderers by name, in the order they were registered; adding a format is one renderer and one registration.</summary>
/// <typeparam name="T">The renderer interface.</typeparam>
public sealed class RendererRegistry<T>
    where T : class
{
    private readonly IReadOnlyList<T> renderers;
    private readonly Func<T, string> nameOf;

    /// <summary>Creates a registry of <paramref name="renderers"/>, each known by <paramref name="nameOf"/>.</summary>
    public RendererRegistry(IEnumerable<T> renderers, Func<T, string> nameOf)
    {
        this.renderers = [.. renderers];
        this.nameOf = nameOf;
        Names = this.renderers.Select(nameOf).ToList();
        if (Names.Distinct(StringComparer.OrdinalIgnoreCase).Count() != Names.Count)
        {
            throw new ArgumentException("two renderers share a name", nameof(renderers));
        }
    }

    /// <summary>The names, in registration order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The renderer named <paramref name="name"/> (case-insensitive), or null.</summary>
    public T? Find(string name) => renderers.FirstOrDefault(r => string.Equals(nameOf(r), name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The renderer named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No renderer has that name.</exception>
    public T Get(string name) =>
        Find(name) ?? throw new ArgumentException($"no renderer named '{name}' (known: {string.Join(", ", Names)})", nameof(name));

    /// <summary>A registry with <paramref name="renderer"/> added, replacing one of the same name.</summary>
    public RendererRegistry<T> With(T renderer) =>
        new(renderers.Where(r => !string.Equals(nameOf(r), nameOf(renderer), StringComparison.OrdinalIgnoreCase)).Append(renderer), nameOf);
}
