using System.Buffers;
using System.IO.Enumeration;
using System.Text.RegularExpressions;

namespace Postmortem.Store;

/// <summary>Finds the postmortems under some folders: incident and project files (YAML with a title and postmortem keys) and Markdown postmortems (a record's front matter, or a postmortem's headings).</summary>
internal static partial class IndexWalker
{
    /// <summary>What a walk found.</summary>
    /// <param name="Postmortems">The postmortems by relative path, with their full path and stamp.</param>
    /// <param name="Others">The other candidate files by relative path, with their stamp and whether this walk opened them to tell.</param>
    internal sealed record Walked(SortedDictionary<string, (string Full, FileStamp Stamp)> Postmortems, Dictionary<string, (FileStamp Stamp, bool Opened)> Others);

    private const int HeadChars = 64 * 1024;

    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules"];

    /// <summary>
    /// Each postmortem file under <paramref name="roots"/> (files or folders), keyed by its path relative to <paramref name="baseDirectory"/>
    /// with '/', with its full path and stamp; and each other candidate file (a notes file, a CI workflow) with its stamp and whether it
    /// was opened to tell. A file <paramref name="vouch"/> answers for is not opened: true, a postmortem (indexed before, stamp as
    /// stored); false, not one (looked at before, stamp as remembered); null, look. The stamp comes from the folder walk itself: one
    /// <c>stat</c> per file, none more.
    /// </summary>
    public static Walked Find(string baseDirectory, IEnumerable<string> roots, Func<string, FileStamp, bool?>? vouch = null)
    {
        var found = new SortedDictionary<string, (string, FileStamp)>(StringComparer.Ordinal);
        var others = new Dictionary<string, (FileStamp, bool)>(StringComparer.Ordinal);
        var prefix = Path.TrimEndingDirectorySeparator(Path.GetFullPath(baseDirectory)) + Path.DirectorySeparatorChar;
        foreach (var root in roots)
        {
            var full = Path.GetFullPath(root, baseDirectory);
            var files = File.Exists(full) ? [(full, FileStamp.Of(full))] : Directory.Exists(full) ? Walk(full) : throw new DirectoryNotFoundException(root);
            foreach (var (file, stamp) in files)
            {
                if (!IsCandidate(file))
                {
                    continue;
                }

                var relative = file.StartsWith(prefix, StringComparison.Ordinal) ? Slashed(file[prefix.Length..]) : Relative(baseDirectory, file);
                var known = vouch?.Invoke(relative, stamp);
                if (known ?? LooksLikePostmortem(file))
                {
                    found[relative] = (file, stamp);
                }
                else
                {
                    others[relative] = (stamp, known is null);
                }
            }
        }

        return new Walked(found, others);
    }

    /// <summary>The path as the index keys it: relative to the base folder, with '/'.</summary>
    public static string Relative(string baseDirectory, string fullPath) => Slashed(Path.GetRelativePath(baseDirectory, fullPath));

    private static string Slashed(string path) => Path.DirectorySeparatorChar == '/' ? path : path.Replace(Path.DirectorySeparatorChar, '/');

    private static IEnumerable<(string Path, FileStamp Stamp)> Walk(string folder)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = System.IO.FileAttributes.ReparsePoint };
        var files = new FileSystemEnumerable<(string, FileStamp)>(folder, static (ref FileSystemEntry e) => (e.ToFullPath(), new FileStamp(e.Length, e.LastWriteTimeUtc.UtcTicks)), options)
        {
            ShouldIncludePredicate = static (ref FileSystemEntry e) => !e.IsDirectory,
        };
        foreach (var file in files)
        {
            yield return file;
        }

        foreach (var sub in Directory.EnumerateDirectories(folder, "*", options))
        {
            var name = Path.GetFileName(sub);
            if (name.StartsWith('.') || SkippedFolders.Contains(name, StringComparer.Ordinal))
            {
                continue;
            }

            foreach (var file in Walk(sub))
            {
                yield return file;
            }
        }
    }

    private static bool IsCandidate(string file)
    {
        var name = Path.GetFileName(file);
        return Ingest.Documents.MarkdownRecordReader.IsMarkdown(name) || (name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
            && !name.Equals(Config.ConfigFile.FileName, StringComparison.OrdinalIgnoreCase) && !AnswersFile().IsMatch(name);
    }

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
