using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Postmortem.Ingest.Yaml;

/// <summary>
/// Wraps YamlDotNet's parser and stops at the first event past <see cref="YamlLimits"/>: too deep, or aliases
/// that would expand to too many nodes. It runs before the representation model is built, so neither the
/// model's recursive construction nor any walker of the tree ever sees a hostile shape.
/// </summary>
internal sealed class LimitedParser(IParser inner) : IParser
{
    private readonly Stack<(AnchorName Anchor, long Nodes)> open = new();
    private readonly Dictionary<AnchorName, long> anchored = [];
    private long expandedByAliases;
    private int documents;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        switch (inner.Current)
        {
            // One document per file: a second one (after '---') would be dropped without a word (issue 9).
            case DocumentStart d when ++documents > 1:
                throw new SecondDocumentException(d.Start);
            case Scalar s:
                Count(1);
                Remember(s.Anchor, 1);
                break;
            case AnchorAlias a:
                var nodes = anchored.TryGetValue(a.Value, out var n) ? n : 1;
                expandedByAliases += nodes;
                if (expandedByAliases > YamlLimits.MaxAliasExpansion)
                {
                    throw new YamlLimitException(a.Start, a.End, $"aliases expand to more than {YamlLimits.MaxAliasExpansion:N0} nodes (the limit)");
                }

                Count(nodes);
                break;
            case NodeEvent { } start when start is SequenceStart or MappingStart:
                if (open.Count >= YamlLimits.MaxDepth)
                {
                    throw new YamlLimitException(start.Start, start.End, $"lists and mappings are nested more than {YamlLimits.MaxDepth} levels deep (the limit)");
                }

                open.Push((start.Anchor, 1));
                break;
            case SequenceEnd or MappingEnd when open.Count > 0:
                var (anchor, total) = open.Pop();
                Count(total);
                Remember(anchor, total);
                break;
        }

        return true;
    }

    private void Count(long nodes)
    {
        if (open.Count > 0)
        {
            var (anchor, total) = open.Pop();
            open.Push((anchor, total + nodes));
        }
    }

    private void Remember(AnchorName anchor, long nodes)
    {
        if (!anchor.IsEmpty)
        {
            anchored[anchor] = nodes;
        }
    }
}
