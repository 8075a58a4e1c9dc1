using Postmortem.Ingest.Interview;
using Postmortem.Rendering.Yaml;

namespace Postmortem.Cli;

/// <summary>
/// What was typed in the interview is never lost (issue 9): when <c>new</c> cannot finish, the answers go to a new
/// answers file that <c>new --answers FILE</c> resumes (on a terminal it asks only what is missing).
/// </summary>
internal static class KeptAnswers
{
    /// <summary>Writes the answers beside the output (or in the current folder, else the temp folder) and says where; prints them when no folder takes them.</summary>
    public static void Keep(IReadOnlyDictionary<string, string> answers, string? output, CliConsole console)
    {
        if (answers.Count == 0)
        {
            return;
        }

        var ordered = IncidentInterview.Questions.Where(q => answers.ContainsKey(q.Id)).Select(q => KeyValuePair.Create(q.Id, answers[q.Id]));
        var yaml = IncidentFileWriter.WriteAnswers(ordered);
        foreach (var folder in Folders(output))
        {
            if (TryCreate(folder, output is null ? "postmortem" : Path.GetFileNameWithoutExtension(output), yaml) is { } kept)
            {
                var resume = $"postmortem new --answers {Quote(kept)}" + (output is null ? string.Empty : $" -o {Quote(output)}");
                console.Error.WriteLine($"Your answers are kept in {kept}. Resume with: {resume}");
                return;
            }
        }

        console.Error.WriteLine("Your answers could not be saved to a file; here they are, to save as an answers file:");
        console.Error.Write(yaml);
    }

    private static IEnumerable<string> Folders(string? output)
    {
        if (output is not null && Path.GetDirectoryName(Path.GetFullPath(output)) is { } beside)
        {
            yield return beside;
        }

        yield return Directory.GetCurrentDirectory();
        yield return Path.GetTempPath();
    }

    // A new file, never one that exists: name.answers.yml, name.answers-2.yml, ...
    private static string? TryCreate(string folder, string name, string yaml)
    {
        for (var n = 1; n <= 100; n++)
        {
            var path = Path.Combine(folder, n == 1 ? $"{name}.answers.yml" : $"{name}.answers-{n}.yml");
            try
            {
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
                writer.Write(yaml);
                return Path.GetRelativePath(Directory.GetCurrentDirectory(), path) is var relative && !relative.StartsWith("..", StringComparison.Ordinal) ? relative : path;
            }
            catch (IOException) when (File.Exists(path))
            {
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }

        return null;
    }

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) || path.Contains('\'', StringComparison.Ordinal) ? "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'" : path;
}
