using Microsoft.AspNetCore.Hosting;

namespace Postmortem.Web.Tests;

/// <summary>Settings given to the test host in one call.</summary>
internal static class HostSettings
{
    public static IWebHostBuilder UseSettings(this IWebHostBuilder builder, IReadOnlyDictionary<string, string> settings)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        return builder;
    }
}
