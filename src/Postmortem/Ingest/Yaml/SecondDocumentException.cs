using YamlDotNet.Core;

namespace Postmortem.Ingest.Yaml;

/// <summary>Raised inside <see cref="LimitedParser"/> at a second document and turned into PM0016 by <see cref="YamlNodeReader.Load"/>; never escapes the library.</summary>
internal sealed class SecondDocumentException(Mark start) : YamlException(start, start, "a second YAML document");
