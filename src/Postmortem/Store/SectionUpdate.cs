using System.Security.Cryptography;
using Postmortem.Diagnostics;
using Postmortem.Editing;
using Postmortem.Ingest;

namespace Postmortem.Store;

/// <summary>A source file as the section editor shows it: its version (the SHA-256 of its bytes) and its sections.</summary>
/// <param name="Version">The lowercase hex SHA-256 of the file's bytes: what a save must start from (the web app's ETag).</param>
/// <param name="Sections">The parts a person edits, in document order.</param>
public sealed record SectionedFile(string Version, IReadOnlyList<SourceSection> Sections);

/// <summary>What a save did: written (with the new version), or refused because the file moved on (with the section as it is now).</summary>
/// <param name="Saved">False when the file's version was not the one the edit started from: nothing was written.</param>
/// <param name="Version">The file's version after the save, or its current version when the save was refused.</param>
/// <param name="Section">The section as the file now reads.</param>
/// <param name="ChangedLines">Lines changed or added in the file (0 when the text was already so, or nothing was written).</param>
public sealed record SectionSave(bool Saved, string Version, SourceSection Section, int ChangedLines);

/// <summary>
/// A section edit for every host, as <see cref="ActionUpdate"/> is for <c>actions set</c>: check that the file is still the
/// version the edit started from, replace the section (<see cref="SourceSections"/>, read back before anything is
/// written), write the file safely (<see cref="SafeFile"/>), then bring the index up to date from it.
/// </summary>
public static class SectionUpdate
{
    // One save at a time within a process, so that the version check and the write cannot interleave with another save.
    private static readonly Lock Gate = new();

    /// <summary>The version of a file's <paramref name="bytes"/>: lowercase hex SHA-256.</summary>
    public static string VersionOf(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The sections and version of <paramref name="file"/>.</summary>
    public static Result<SectionedFile> Read(string file)
    {
        var (bytes, source, problem) = Load(file);
        if (source is null)
        {
            return new(null, [problem!]);
        }

        var sections = SourceSections.List(source.Text, file);
        return sections.Success ? new(new SectionedFile(VersionOf(bytes!), sections.Value), []) : new(null, sections.Diagnostics);
    }

    /// <summary>Replaces the section <paramref name="key"/> of the indexed file <paramref name="path"/> with <paramref name="text"/>,
    /// when the file is still at <paramref name="startedFrom"/>; else the value says <c>Saved: false</c> (with PM0903) and nothing is written.</summary>
    /// <param name="session">The index.</param>
    /// <param name="baseDirectory">The folder the index's paths are relative to.</param>
    /// <param name="path">The file, as the index lists it.</param>
    /// <param name="key">The section (<see cref="SourceSection.Key"/>).</param>
    /// <param name="startedFrom">The version the edit started from.</param>
    /// <param name="text">The section's new text.</param>
    /// <param name="read">How a file is read for the index (the facade's pipeline).</param>
    /// <param name="clock">The time the index records.</param>
    public static Result<SectionSave> Save(StoreSession session, string baseDirectory, string path, string key, string startedFrom, string text, Func<string, IndexedRead> read, TimeProvider clock)
    {
        var file = Path.Combine(baseDirectory, path);
        lock (Gate)
        {
            var (bytes, source, problem) = Load(file);
            if (source is null)
            {
                return new(null, [problem!]);
            }

            var version = VersionOf(bytes!);
            if (!string.Equals(version, startedFrom, StringComparison.OrdinalIgnoreCase))
            {
                var sections = SourceSections.List(source.Text, file);
                var current = sections.Value?.FirstOrDefault(s => s.Key == key);
                return current is null
                    ? new(null, sections.Success ? [DiagnosticCatalog.SectionNotFound(file, key, sections.Value.Select(s => s.Key))] : sections.Diagnostics)
                    : new(new SectionSave(false, version, current, 0), [DiagnosticCatalog.SectionVersionStale(path, startedFrom, version)]);
            }

            var edited = SourceSections.Replace(source.Text, file, key, text);
            if (!edited.Success)
            {
                return new(null, edited.Diagnostics);
            }

            var after = SourceSections.List(edited.Value.Text, file).Value!.First(s => s.Key == key);
            if (edited.Value.Text == source.Text)
            {
                return new(new SectionSave(true, version, after, 0), []);
            }

            var written = source.Encode(edited.Value.Text);
            if (SafeFile.WriteBytes(file, written) is { } failure)
            {
                return new(null, [failure]);
            }

            // The file is the record and is written; should the index fail now, the next 'postmortem index' catches up.
            PostmortemIndex.Update(session, baseDirectory, [path], read, clock);
            return new(new SectionSave(true, VersionOf(written), after, edited.Value.ChangedLines), []);
        }
    }

    private static (byte[]? Bytes, TextFile? Source, Diagnostic? Problem) Load(string file)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, null, DiagnosticCatalog.FileUnreadable(file, e.Message));
        }

        var (source, problem) = TextFile.Decode(bytes, file);
        return (bytes, source, problem);
    }
}
