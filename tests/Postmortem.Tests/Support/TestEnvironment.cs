namespace Postmortem.Tests.Support;

/// <summary>
/// Preconditions from the environment (../shared/samples, the SARIF schema, the AOT binary): a test whose
/// precondition is missing reports Skipped with the reason, never Passed; in CI (<c>CI=true</c>) it fails instead.
/// </summary>
internal static class TestEnvironment
{
    public static bool InCi => System.Environment.GetEnvironmentVariable("CI") == "true";

    /// <summary>Returns <paramref name="value"/> when <paramref name="present"/> holds; otherwise skips the test (fails it in CI) with <paramref name="reason"/>.</summary>
    public static string Required(string value, Func<string, bool> present, string reason)
    {
        if (present(value))
        {
            return value;
        }

        Assert.False(InCi, reason + " (required in CI)");
        Assert.Skip(reason);
        return value;
    }
}
