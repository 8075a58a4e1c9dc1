namespace Postmortem.Web.Hosting;

/// <summary>
/// The plain arguments the app takes as the CLI spells them: <c>--store sqlite:PATH</c>, <c>--base DIR</c>,
/// <c>--index FOLDERS</c> (and <c>--urls</c>, which ASP.NET Core reads itself), each mapped to its setting.
/// </summary>
internal static class WebArguments
{
    /// <summary>Each argument and the configuration key it sets.</summary>
    public static IDictionary<string, string> Switches { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["--store"] = "Postmortem:Store",
        ["--base"] = "Postmortem:Base",
        ["--index"] = "Postmortem:Index",
    };
}
