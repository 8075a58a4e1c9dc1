using System.Globalization;
using System.Text;
using Postmortem.Analysis;

namespace Postmortem.Store;

/// <summary>
/// The inputs a postmortem file names (notes files, exports) with their size and last write time, one per line:
/// when any of them changes, the file is re-read although its own bytes did not change.
/// </summary>
internal static class InputStamps
{
    /// <summary>The stamps of every file other than <paramref name="file"/> that <paramref name="pm"/>'s timeline or sources came from.</summary>
    public static string Of(string file, AnalyzedPostmortem pm)
    {
        var folder = Path.GetDirectoryName(file) ?? ".";
        var self = Path.GetFullPath(file);

        // Distinct before the file-system checks: every event of a notes file names the same input.
        var inputs = pm.Timeline.Select(e => e.Provenance.Input)
            .Concat(pm.Document.Sources.Select(s => s.Path))
            .Distinct(StringComparer.Ordinal)
            .Select(p => Path.GetFullPath(p, folder))
            .Distinct(StringComparer.Ordinal)
            .Where(p => p != self && (File.Exists(p) || Directory.Exists(p)))
            .Order(StringComparer.Ordinal);
        return Stamp(inputs);
    }

    /// <summary>
    /// True when every input in <paramref name="stamps"/> has the size and time stored there: its stamp as the walk took it
    /// when the walk passed it (a notes file beside the postmortem), else one <c>stat</c>. No string per input.
    /// </summary>
    public static bool Unchanged(string stamps, IndexWalker.Walked walked)
    {
        foreach (var line in stamps.AsSpan().EnumerateLines())
        {
            if (line.IsEmpty)
            {
                continue;
            }

            var tab = line.IndexOf('\t');
            var second = tab < 0 ? -1 : line[(tab + 1)..].IndexOf('\t') + tab + 1;
            if (second <= tab
                || !long.TryParse(line[(tab + 1)..second], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var length)
                || !long.TryParse(line[(second + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
            {
                return false;
            }

            var path = line[..tab];
            var (nowLength, nowTicks) = walked.StampOf(path) is { } stamp ? (stamp.Length, stamp.Ticks) : Measure(path.ToString());
            if (nowLength != length || nowTicks != ticks)
            {
                return false;
            }
        }

        return true;
    }

    private static string Stamp(IEnumerable<string> paths)
    {
        var builder = new StringBuilder();
        foreach (var path in paths)
        {
            var (length, ticks) = Measure(path);
            builder.Append(path).Append('\t').Append(length.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(ticks.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return builder.ToString();
    }

    // A folder (a Slack export) counts the files in it: its own time does not change when a file inside does.
    private static (long Length, long Ticks) Measure(string path)
    {
        // One stat: FileInfo caches what Exists read.
        var file = new FileInfo(path);
        if (file.Exists)
        {
            return (file.Length, file.LastWriteTimeUtc.Ticks);
        }

        if (!Directory.Exists(path))
        {
            return (-1, 0);
        }

        long length = 0, ticks = 0;
        foreach (var info in new DirectoryInfo(path).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }))
        {
            length += info.Length;
            ticks = Math.Max(ticks, info.LastWriteTimeUtc.Ticks);
        }

        return (length, ticks);
    }
}
