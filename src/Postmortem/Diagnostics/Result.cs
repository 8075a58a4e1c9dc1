using System.Diagnostics.CodeAnalysis;

namespace Postmortem.Diagnostics;

/// <summary>A value and the diagnostics raised while producing it: the one shape every stage of the pipeline returns.</summary>
/// <remarks>After NodaTime's <c>ParseResult&lt;T&gt;</c>: problems with the input are data, never exceptions. The value
/// is null when errors prevented it; it can be present beside errors that did not (a document whose exports failed).</remarks>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="Value">The value, or null when it could not be produced.</param>
/// <param name="Diagnostics">Every finding, with positions.</param>
public sealed record Result<T>(T? Value, IReadOnlyList<Diagnostic> Diagnostics)
    where T : class
{
    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>True when there is a value and no error.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool Success => Value is not null && !HasErrors;

    /// <summary>The value when <see cref="Success"/>.</summary>
    public bool TryGetValue([NotNullWhen(true)] out T? value)
    {
        value = Value;
        return Success;
    }
}
