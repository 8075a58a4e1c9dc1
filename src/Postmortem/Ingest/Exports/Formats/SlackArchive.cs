using System.IO.Compression;

namespace Postmortem.Ingest.Exports.Formats;

/// <summary>A Slack workspace export as a folder or as the <c>.zip</c> Slack hands out, read in place (never unpacked to disk).</summary>
internal sealed class SlackArchive : IDisposable
{
    private readonly ZipArchive? zip;
    private readonly string root;
    private readonly string prefix;

    private SlackArchive(string path, ZipArchive? zip, string prefix)
    {
        root = path;
        this.zip = zip;
        this.prefix = prefix;
    }

    /// <summary>Opens a folder export.</summary>
    public static SlackArchive Folder(string path) => new(path, null, string.Empty);

    /// <summary>Opens a zip export; null when the zip has no <c>channels.json</c> or <c>users.json</c>.</summary>
    /// <exception cref="InvalidDataException">The zip is damaged.</exception>
    public static SlackArchive? Zip(string path)
    {
        var zip = ZipFile.OpenRead(path);
        var marker = zip.Entries.FirstOrDefault(e => e.Name is "channels.json" or "users.json");
        if (marker is null)
        {
            zip.Dispose();
            return null;
        }

        return new SlackArchive(path, zip, marker.FullName[..^marker.Name.Length]);
    }

    /// <summary>True when a folder looks like a Slack export.</summary>
    public static bool IsExportFolder(string path) =>
        File.Exists(Path.Combine(path, "channels.json")) || File.Exists(Path.Combine(path, "users.json"));

    /// <summary>The archive as the user named it.</summary>
    public string Name => root;

    /// <summary>Opens a top-level file such as <c>users.json</c>; null when absent.</summary>
    public Stream? Open(string name)
    {
        if (zip is null)
        {
            var file = Path.Combine(root, name);
            return File.Exists(file) ? new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan) : null;
        }

        return zip.GetEntry(prefix + name)?.Open();
    }

    /// <summary>Channel folders present in the export.</summary>
    public IReadOnlyList<string> ChannelFolders() => zip is null
        ? Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
        : zip.Entries.Where(e => e.FullName.StartsWith(prefix, StringComparison.Ordinal) && e.Name.EndsWith(".json", StringComparison.Ordinal))
            .Select(e => e.FullName[prefix.Length..]).Where(n => n.Count(c => c == '/') == 1).Select(n => n.Split('/')[0]).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Day files of a channel (names such as <c>2016-01-15.json</c>), in date order.</summary>
    public IReadOnlyList<string> DayFiles(string channel) => zip is null
        ? Directory.GetFiles(Path.Combine(root, channel), "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
        : zip.Entries.Where(e => e.FullName.StartsWith(prefix + channel + "/", StringComparison.Ordinal) && e.Name.EndsWith(".json", StringComparison.Ordinal))
            .Select(e => e.Name).Order(StringComparer.Ordinal).ToList();

    /// <summary>Opens a day file.</summary>
    public Stream OpenDay(string channel, string day) => Open(channel + "/" + day) ?? throw new FileNotFoundException($"{channel}/{day} is missing");

    /// <summary>How a day file is cited in provenance: a path for folders, <c>export.zip:channel/day.json</c> inside a zip.</summary>
    public string Cite(string channel, string day) => zip is null ? Path.Combine(root, channel, day) : $"{root}:{prefix}{channel}/{day}";

    /// <summary>Size of the export's day files in bytes (uncompressed), for progress.</summary>
    public long Size(string channel, string day) =>
        zip is null ? new FileInfo(Path.Combine(root, channel, day)).Length : zip.GetEntry(prefix + channel + "/" + day)?.Length ?? 0;

    /// <inheritdoc/>
    public void Dispose() => zip?.Dispose();
}
