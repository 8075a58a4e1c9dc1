using System.Reflection;
using System.Runtime.CompilerServices;

namespace Postmortem.Tests;

/// <summary>
/// The model is immutable (issue 10, part 1; NodaTime's MutabilityTest does the same): a store, a web app and several
/// threads share one postmortem, so no public type of <c>Postmortem.Model</c> offers a way to change it after it is made.
/// </summary>
public sealed class ModelImmutabilityTests
{
    private static readonly Type[] ModelTypes = [.. typeof(Postmortem.Model.PostmortemDocument).Assembly.GetExportedTypes()
        .Where(t => t.Namespace == "Postmortem.Model" && !t.IsEnum && !t.IsInterface && !(t.IsAbstract && t.IsSealed))];

    public static TheoryData<string> Types() => [.. ModelTypes.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Types))]
    public void A_model_type_has_no_setter_no_writable_field_and_no_mutable_collection(string name)
    {
        var type = ModelTypes.Single(t => t.Name == name);
        var problems = Problems(type);
        Assert.True(problems.Count == 0, $"{type.Name}: {string.Join("; ", problems)}");
    }

    [Fact]
    public void The_check_finds_a_setter_a_list_and_a_field()
    {
        Assert.Equal(3, Problems(typeof(Mutable)).Count);
    }

    private static List<string> Problems(Type type)
    {
        var problems = new List<string>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is { IsPublic: true } setter && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
            {
                problems.Add($"{property.Name} has a public setter");
            }

            var propertyType = property.PropertyType;
            if (propertyType.IsArray || (propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() is var g
                && (g == typeof(List<>) || g == typeof(Dictionary<,>) || g == typeof(HashSet<>) || g == typeof(ICollection<>) || g == typeof(IList<>))))
            {
                problems.Add($"{property.Name} is a mutable collection ({propertyType.Name})");
            }
        }

        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
        {
            if (!field.IsInitOnly && !field.IsLiteral)
            {
                problems.Add($"field {field.Name} is writable");
            }
        }

        return problems;
    }

    [Fact]
    public void The_check_sees_the_model()
    {
        Assert.Contains(typeof(Postmortem.Model.TimelineEvent), ModelTypes);
        Assert.Contains(typeof(Postmortem.Model.ActionItem), ModelTypes);
    }
}

#pragma warning disable CA1051, CA1002, SA1401 // a deliberately mutable type, for the check above
/// <summary>What the check must refuse.</summary>
public sealed class Mutable
{
    public string Field = string.Empty;

    public string Name { get; set; } = string.Empty;

    public List<string> Items { get; init; } = [];
}
#pragma warning restore CA1051, CA1002, SA1401
