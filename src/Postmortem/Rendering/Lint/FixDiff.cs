using System.Text;

namespace Postmortem.Rendering.Lint;

/// <summary>The diff that <c>lint --fix --dry-run</c> prints: each run of changed lines as its old lines, then its new ones.</summary>
/// <remarks>
/// Fixes rewrite inside lines and never add or remove one, so line <c>n</c> of the fixed text is line <c>n</c>
/// of the original and a line-by-line walk is the whole diff, in linear time (a general diff of a 20 MB
/// file ran past a minute). Should the counts ever differ, the lines past the shorter text are a change too.
/// </remarks>
public static class FixDiff
{
    /// <summary>The diff of <paramref name="before"/> and <paramref name="after"/> for <paramref name="file"/>.</summary>
    public static string Render(string file, string before, string after)
    {
        var path = file.Replace('\\', '/').TrimStart('/');
        var b = new StringBuilder().Append("--- a/").Append(path).Append('\n').Append("+++ b/").Append(path).Append('\n');
        var old = Lines(before);
        var @new = Lines(after);
        var inserted = new List<Range>();
        var i = 0;
        while (i < Math.Max(old.Count, @new.Count))
        {
            if (i < old.Count && i < @new.Count && before.AsSpan(old[i]).SequenceEqual(after.AsSpan(@new[i])))
            {
                i++;
                continue;
            }

            // A run of changed lines: every old line under its own heading, then the new lines.
            inserted.Clear();
            for (; i < Math.Max(old.Count, @new.Count) && !(i < old.Count && i < @new.Count && before.AsSpan(old[i]).SequenceEqual(after.AsSpan(@new[i]))); i++)
            {
                if (i < old.Count)
                {
                    b.Append("@@ line ").Append(i + 1).Append(" @@\n-").Append(before.AsSpan(old[i])).Append('\n');
                }

                if (i < @new.Count)
                {
                    inserted.Add(@new[i]);
                }
            }

            foreach (var line in inserted)
            {
                b.Append('+').Append(after.AsSpan(line)).Append('\n');
            }
        }

        return b.ToString();
    }

    /// <summary>Each line's range, without its line break (<c>\n</c> or <c>\r\n</c>); no empty last line after a final break.</summary>
    private static List<Range> Lines(string text)
    {
        var lines = new List<Range>();
        var start = 0;
        while (start < text.Length)
        {
            var nl = text.IndexOf('\n', start);
            var end = nl < 0 ? text.Length : nl;
            lines.Add(new Range(start, end > start && text[end - 1] == '\r' ? end - 1 : end));
            start = nl < 0 ? text.Length : nl + 1;
        }

        return lines;
    }
}
