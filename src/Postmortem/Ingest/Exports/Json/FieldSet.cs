using System.Text;

namespace Postmortem.Ingest.Exports.Json;

/// <summary>
/// The fields a reader wants from each record, compiled to a small tree of UTF-8 property names so
/// that one pass over a record captures them and skips everything else.
/// </summary>
/// <remarks>
/// Paths use dots for nesting and <c>[]</c> for array items: <c>ts</c>, <c>agent.summary</c>,
/// <c>reactions[].name</c>, <c>pinned_to[]</c>. A path that ends on an object or array captures the
/// raw JSON of that value. Field ids are the positions of the paths in the constructor.
/// </remarks>
public sealed class FieldSet
{
    /// <summary>Compiles <paramref name="paths"/>; the field id of a path is its index.</summary>
    public FieldSet(params string[] paths)
    {
        Paths = paths;
        Root = new Node([]);
        for (var id = 0; id < paths.Length; id++)
        {
            var node = Root;
            foreach (var part in paths[id].Split('.'))
            {
                var name = part.EndsWith("[]", StringComparison.Ordinal) ? part[..^2] : part;
                node = node.Child(Encoding.UTF8.GetBytes(name));
                if (part.EndsWith("[]", StringComparison.Ordinal))
                {
                    node = node.Items ??= new Node([]);
                }
            }

            node.Field = id;
        }
    }

    /// <summary>The paths, by field id.</summary>
    public IReadOnlyList<string> Paths { get; }

    internal Node Root { get; }

    /// <summary>One property name (or array item) in the tree.</summary>
    internal sealed class Node(byte[] name)
    {
        private Node[] children = [];

        public byte[] Name { get; } = name;

        public int Field { get; set; } = -1;

        public Node? Items { get; set; }

        public bool HasChildren => children.Length > 0;

        public Node Child(byte[] childName)
        {
            foreach (var c in children)
            {
                if (c.Name.AsSpan().SequenceEqual(childName))
                {
                    return c;
                }
            }

            var added = new Node(childName);
            children = [.. children, added];
            return added;
        }

        public Node? Find(ReadOnlySpan<byte> propertyName)
        {
            if (propertyName.IsEmpty)
            {
                return null;
            }

            // Most property names are not wanted: compare length and first byte before the bytes.
            var first = propertyName[0];
            foreach (var c in children)
            {
                var name = c.Name;
                if (name.Length == propertyName.Length && name.Length > 0 && name[0] == first && propertyName.SequenceEqual(name))
                {
                    return c;
                }
            }

            return null;
        }
    }
}
