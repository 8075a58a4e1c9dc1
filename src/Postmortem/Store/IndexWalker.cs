using System.Buffers;
using System.IO.Enumeration;
using System.Text.RegularExpressions;

namespace Postmortem.Store;

/// <summary>Finds the postmortems under some folders: incident and project files (YAML with a title and postmortem keys) and Markdown postmortems (a record's front matter, or a postmortem's headings).</summary>
internal static partial class IndexWalker
{
    /// <summary>What a walk found.</summary>
    /// <param name="Postmortems">The postmortems by relative path, with their stamp (in no order).</param>
    /// <param name="Others">The other candidate files by relative path, with their stamp and whether this walk opened them to tell.</param>
    /// <param name="Prefix">The base folder's full path with a final separator: a full path under it is the prefix and the relative path.</param>
    internal sealed record Walked(Dictionary<string, FileStamp> Postmortems, Dictionary<string, (FileStamp Stamp, bool Opened)> Others, string Prefix)
    {
        /// <summary>The stamp this walk took of <paramref name="fullPath"/>, when it is a candidate file it walked past; null otherwise (not walked, a folder, another kind of file).</summary>
        public FileStamp? StampOf(ReadOnlySpan<char> fullPath)
        {
            if (Path.DirectorySeparatorChar != '/' || !fullPath.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return null;
            }

            var relative = fullPath[Prefix.Length..];
            return Postmortems.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(relative, out var stamp) ? stamp
                : Others.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(relative, out var other) ? other.Stamp : null;
        }
    }

    private const int HeadChars = 64 * 1024;

    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules"];

    /// <summary>
    /// Each postmortem file under <paramref name="roots"/> (files or folders), keyed by its path relative to <paramref name="baseDirectory"/>
    /// with '/', with its stamp; and each other candidate file (a notes file, a CI workflow) with its stamp and whether it was opened to
    /// tell. A file <paramref name="vouch"/> answers for is not opened: true, a postmortem (indexed before, stamp as stored); false, not
    /// one (looked at before, stamp as remembered); null, look. The stamp comes from the folder walk itself: one <c>stat</c> per file,
    /// none more; and a file under the base folder costs one string, its relative path (issue 10: a re-index is mostly this walk).
    /// </summary>
    public static Walked Find(string baseDirectory, IEnumerable<string> roots, Func<string, FileStamp, bool?>? vouch = null)
    {
        var found = new Dictionary<string, FileStamp>(StringComparer.Ordinal);
        var others = new Dictionary<string, (FileStamp, bool)>(StringComparer.Ordinal);
        var prefix = Path.TrimEndingDirectorySeparator(Path.GetFullPath(baseDirectory)) + Path.DirectorySeparatorChar;
        foreach (var root in roots)
        {
            var full = Path.GetFullPath(root, baseDirectory);
            var files = File.Exists(full) ? (IsCandidate(Path.GetFileName(full)) ? [(Relative(baseDirectory, full), FileStamp.Of(full))] : [])
                : Directory.Exists(full) ? Walk(full, prefix, baseDirectory) : throw new DirectoryNotFoundException(root);
            foreach (var (relative, stamp) in files)
            {
                var known = vouch?.Invoke(relative, stamp);
                if (known ?? LooksLikePostmortem(Path.GetFullPath(relative, baseDirectory)))
                {
                    found[relative] = stamp;
                }
                else
                {
                    others[relative] = (stamp, known is null);
                }
            }
        }

        return new Walked(found, others, prefix);
    }

    /// <summary>The path as the index keys it: relative to the base folder, with '/'.</summary>
    public static string Relative(string baseDirectory, string fullPath) => Slashed(Path.GetRelativePath(baseDirectory, fullPath));

    private static string Slashed(string path) => Path.DirectorySeparatorChar == '/' ? path : path.Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>The candidate files under <paramref name="folder"/> (not in hidden or build folders), by relative path, with the walk's own stamp: one pass over each folder.</summary>
    private static IEnumerable<(string Relative, FileStamp Stamp)> Walk(string folder, string prefix, string baseDirectory)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = System.IO.FileAttributes.ReparsePoint };
        return new FileSystemEnumerable<(string, FileStamp)>(folder, (ref FileSystemEntry e) => (RelativeOf(ref e, prefix, baseDirectory), new FileStamp(e.Length, e.LastWriteTimeUtc.UtcTicks)), options)
        {
            ShouldIncludePredicate = static (ref FileSystemEntry e) => !e.IsDirectory && IsCandidate(e.FileName),
            ShouldRecursePredicate = static (ref FileSystemEntry e) => !e.FileName.StartsWith('.') && !IsSkipped(e.FileName),
        };
    }

    private static bool IsSkipped(ReadOnlySpan<char> folder)
    {
        foreach (var skipped in SkippedFolders)
        {
            if (folder.SequenceEqual(skipped))
            {
                return true;
            }
        }

        return false;
    }

    // The relative path made from the entry's folder and name at once (no full path first) when the file is under the base folder.
    private static string RelativeOf(ref FileSystemEntry e, string prefix, string baseDirectory)
    {
        var folder = e.Directory;
        var within = prefix.AsSpan(0, prefix.Length - 1);
        if (!folder.StartsWith(within, StringComparison.Ordinal) || (folder.Length > within.Length && folder[within.Length] != Path.DirectorySeparatorChar))
        {
            return Relative(baseDirectory, e.ToFullPath());
        }

        var relative = folder.Length == within.Length ? e.FileName.ToString() : string.Concat(folder[prefix.Length..], "/", e.FileName);
        return Slashed(relative);
    }

    private static bool IsCandidate(ReadOnlySpan<char> name) =>
        Ingest.Documents.MarkdownRecordReader.IsMarkdown(name)
        || ((name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
            && !name.Equals(Config.ConfigFile.FileName, StringComparison.OrdinalIgnoreCase) && !AnswersFile().IsMatch(name));

    // A postmortem file names its title and at least one other key of docs/format.md at the top level; a CI workflow or
    // a compose file does not. Only the first 64 KiB is looked at, where the top-level keys of such files are.
    private static bool LooksLikePostmortem(string file)
    {
        // One pooled buffer per call (a new 128 KB array per file went to the large object heap) and the patterns run on the span.
        var chars = ArrayPool<char>.Shared.Rent(HeadChars);
        try
        {
            int length;
            try
            {
                using var reader = new StreamReader(file);
                length = reader.ReadBlock(chars, 0, HeadChars);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return true; // the reader reports why it cannot be read
            }

            var head = chars.AsSpan(0, length);
            if (Ingest.Documents.MarkdownRecordReader.IsMarkdown(file))
            {
                // A record draft wrote ("type: incident" in its front matter), or the seed's or the SRE layout's headings.
                return Ingest.Documents.MarkdownRecordReader.IsRecord(head) || PostmortemHeading().IsMatch(head) || (SummaryHeading().IsMatch(head) && ActionsHeading().IsMatch(head));
            }

            return TitleKey().IsMatch(head) && OtherKey().IsMatch(head);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    [GeneratedRegex(@"^#{1,2}[ \t]+(Project[ \t]+)?Postmortem\b", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex PostmortemHeading();

    [GeneratedRegex(@"^#{1,3}[ \t]+Summary[ \t]*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex SummaryHeading();

    [GeneratedRegex(@"^#{1,3}[ \t]+Action[ \t]+items\b", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ActionsHeading();

    [GeneratedRegex(@"\.answers(-\d+)?\.ya?ml$", RegexOptions.IgnoreCase)]
    private static partial Regex AnswersFile();

    [GeneratedRegex(@"^title[ \t]*:", RegexOptions.Multiline)]
    private static partial Regex TitleKey();

    [GeneratedRegex(@"^(type|date|timeZone|summary|notes|notesFiles|events|sources|impact|factors|actions|period|goals)[ \t]*:", RegexOptions.Multiline)]
    private static partial Regex OtherKey();
}
