using YamlDotNet.Core;

namespace Postmortem.Ingest.Yaml;

/// <summary>Raised inside <see cref="LimitedParser"/> and turned into PM0010 by <see cref="YamlNodeReader.Load"/>; never escapes the library.</summary>
internal sealed class YamlLimitException(Mark start, Mark end, string message) : YamlException(start, end, message)
{
    /// <summary>The limit that was passed, without YamlDotNet's position prefix.</summary>
    public string Reason { get; } = message;
}
