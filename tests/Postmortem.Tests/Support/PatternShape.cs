namespace Postmortem.Tests.Support;

/// <summary>
/// Checks that a regular expression cannot backtrack without bound: no unbounded repeat (<c>*</c>, <c>+</c>, <c>{n,}</c>) of a group
/// that holds a repeat of its own, or whose one turn is not exactly one word and its space (<c>(?:are|is) </c>), the only shape
/// under which every turn consumes the same text in a single way.
/// </summary>
internal static class PatternShape
{
    /// <summary>A description of the first unsafe repeat, or null when the pattern has none.</summary>
    public static string? Problem(string pattern)
    {
        var groups = new Stack<(int Start, bool HasRepeat)>();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            var atomEnd = i;
            string? groupContent = null;
            var groupHasRepeat = false;
            switch (c)
            {
                case '\\':
                    atomEnd = i + 1;
                    break;
                case '[':
                    atomEnd = i + 1;
                    while (atomEnd < pattern.Length && pattern[atomEnd] != ']')
                    {
                        atomEnd += pattern[atomEnd] == '\\' ? 2 : 1;
                    }

                    break;
                case '(':
                    var open = i + 1;
                    if (open < pattern.Length && pattern[open] == '?')
                    {
                        open = pattern[open + 1] == '<' && pattern[open + 2] is not ('=' or '!') ? pattern.IndexOf('>', open) + 1 : open + 2;
                    }

                    groups.Push((open, false));
                    i = open - 1;
                    continue;
                case ')':
                    var (start, hasRepeat) = groups.Pop();
                    groupContent = pattern[start..i];
                    groupHasRepeat = hasRepeat;
                    if (hasRepeat)
                    {
                        MarkRepeat(groups);
                    }

                    break;
                case '|':
                    continue;
            }

            i = atomEnd;
            var (repeat, unbounded, next) = Quantifier(pattern, i + 1);
            if (!repeat)
            {
                continue;
            }

            MarkRepeat(groups);
            if (unbounded && groupContent is not null && (groupHasRepeat || !Alternatives(groupContent).All(a => a.EndsWith(' ') && a.IndexOf(' ') == a.Length - 1)))
            {
                return $"unbounded repeat of ({groupContent}) at {i}";
            }

            i = next - 1;
        }

        return null;
    }

    private static void MarkRepeat(Stack<(int Start, bool HasRepeat)> groups)
    {
        if (groups.Count > 0)
        {
            var (start, _) = groups.Pop();
            groups.Push((start, true));
        }
    }

    // The top-level alternatives of a group's content ("are |is " gives "are ", "is ").
    private static IEnumerable<string> Alternatives(string content)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < content.Length; i++)
        {
            switch (content[i])
            {
                case '\\':
                    i++;
                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case '|' when depth == 0:
                    yield return content[start..i];
                    start = i + 1;
                    break;
            }
        }

        yield return content[start..];
    }

    // The quantifier at index (with its lazy '?'), if any: whether it repeats, whether without bound, and the index after it.
    private static (bool Repeat, bool Unbounded, int Next) Quantifier(string pattern, int index)
    {
        if (index >= pattern.Length)
        {
            return (false, false, index);
        }

        var (repeat, unbounded, next) = pattern[index] switch
        {
            '*' or '+' => (true, true, index + 1),
            '?' => (true, false, index + 1),
            '{' when pattern.IndexOf('}', index) is var close and > 0 => (true, pattern[(index + 1)..close].EndsWith(','), close + 1),
            _ => (false, false, index),
        };
        return (repeat, unbounded, next < pattern.Length && repeat && pattern[next] == '?' ? next + 1 : next);
    }
}
