using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Kagi.CloudFormation.Reading;

/// <summary>
/// Reads a YAML template through YamlDotNet's event parser (reflection-free) into <see cref="TemplateNode"/>s, turning
/// the short-form intrinsic tags (<c>!Ref X</c>) into the long form (<c>{"Ref": "X"}</c>) so that evaluation meets one form.
/// Aliases share their anchored node; every use counts its whole subtree against <see cref="TemplateLimits.MaxNodes"/>.
/// </summary>
internal sealed class YamlTemplateReader
{
    private readonly Dictionary<string, (TemplateNode Node, int Size)> _anchors = new(StringComparer.Ordinal);
    private readonly Stack<Frame> _open = new();
    private int _nodes;

    private YamlTemplateReader()
    {
    }

    /// <exception cref="TemplateReadException">The text is not YAML, breaks a limit, or uses an unknown tag.</exception>
    public static TemplateNode? Read(string text) => new YamlTemplateReader().ReadDocument(text);

    private TemplateNode? ReadDocument(string text)
    {
        var parser = new Parser(new StringReader(text));
        TemplateNode? root = null;
        var line = 1;
        while (Next(parser, line))
        {
            line = Line(parser.Current!);
            switch (parser.Current)
            {
                case DocumentStart when root is not null:
                    throw new TemplateReadException(TemplateTexts.MoreThanOneDocument(), line);
                case Scalar scalar:
                    root = Add(Tagged(scalar.Tag, new ScalarNode(IsNull(scalar) ? null : scalar.Value, line), line), scalar.Anchor, 1) ?? root;
                    break;
                case AnchorAlias alias:
                    root = Alias(alias) ?? root;
                    break;
                case SequenceStart sequence:
                    Open(new Frame(sequence.Tag, sequence.Anchor, line, isMapping: false, _nodes));
                    break;
                case MappingStart mapping:
                    Open(new Frame(mapping.Tag, mapping.Anchor, line, isMapping: true, _nodes));
                    break;
                case SequenceEnd or MappingEnd:
                    root = Close() ?? root;
                    break;
            }
        }

        return root;
    }

    // YamlDotNet reports most bad input as a YamlException with its place, and some (an unclosed flow sequence) as an
    // InvalidOperationException without one: that is placed at the last line read.
    private static bool Next(Parser parser, int line)
    {
        try
        {
            return parser.MoveNext();
        }
        catch (YamlException error)
        {
            throw new TemplateReadException(TemplateTexts.InvalidYaml(error.InnerException?.Message ?? error.Message), (int)Math.Max(1, error.Start.Line));
        }
        catch (InvalidOperationException error)
        {
            throw new TemplateReadException(TemplateTexts.InvalidYaml(error.Message), line);
        }
    }

    private static int Line(ParsingEvent parsed) => (int)Math.Max(1, parsed.Start.Line);

    private static bool IsNull(Scalar scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty && scalar.Value is "" or "~" or "null" or "Null" or "NULL";

    private void Open(Frame frame)
    {
        if (_open.Count >= TemplateLimits.MaxDepth)
        {
            throw new TemplateReadException(TemplateTexts.TooDeep(), frame.Line);
        }

        Count(1, frame.Line);
        _open.Push(frame);
    }

    private TemplateNode? Close()
    {
        var frame = _open.Pop();
        TemplateNode node = frame.IsMapping
            ? new MappingNode(frame.Entries(), frame.Line)
            : new SequenceNode(frame.Items, frame.Line);
        return Add(Tagged(frame.Tag, node, frame.Line), frame.Anchor, _nodes - frame.NodesBefore);
    }

    private TemplateNode? Alias(AnchorAlias alias)
    {
        if (!_anchors.TryGetValue(alias.Value.Value, out var anchored))
        {
            throw new TemplateReadException(TemplateTexts.InvalidYaml($"no anchor &{alias.Value.Value}"), Line(alias));
        }

        Count(anchored.Size, Line(alias));
        return Place(anchored.Node);
    }

    // Puts a finished node into its parent; returns it when it is the document's root.
    private TemplateNode? Add(TemplateNode node, AnchorName anchor, int size)
    {
        if (node is ScalarNode)
        {
            Count(1, node.Line);
        }

        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = (node, size);
        }

        return Place(node);
    }

    private TemplateNode? Place(TemplateNode node)
    {
        if (_open.Count == 0)
        {
            return node;
        }

        _open.Peek().Add(node);
        return null;
    }

    private void Count(int nodes, int line)
    {
        _nodes += nodes;
        if (_nodes > TemplateLimits.MaxNodes)
        {
            throw new TemplateReadException(TemplateTexts.TooManyNodes(), line);
        }
    }

    // !Ref X → {Ref: X}; !GetAtt A.B → {Fn::GetAtt: A.B}; !Sub … → {Fn::Sub: …}; YAML's own tags change nothing.
    private static TemplateNode Tagged(TagName tag, TemplateNode node, int line)
    {
        if (tag.IsEmpty || tag.Value == "!" || tag.Value.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal))
        {
            return node;
        }

        var name = tag.Value.TrimStart('!');
        return ShortFormTags.LongForm(name) is { } function
            ? new MappingNode([new(function, node, line)], line)
            : throw new TemplateReadException(TemplateTexts.UnknownTag(tag.Value), line);
    }

    private sealed class Frame(TagName tag, AnchorName anchor, int line, bool isMapping, int nodesBefore)
    {
        private readonly List<TemplateNode> _items = [];

        public TagName Tag => tag;

        public AnchorName Anchor => anchor;

        public int Line => line;

        public bool IsMapping => isMapping;

        public int NodesBefore => nodesBefore;

        public IReadOnlyList<TemplateNode> Items => _items;

        public void Add(TemplateNode node) => _items.Add(node);

        // Keys and values alternate; a key must be a scalar and appear once.
        public List<MappingEntry> Entries()
        {
            var entries = new List<MappingEntry>(_items.Count / 2);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i + 1 < _items.Count; i += 2)
            {
                if (_items[i] is not ScalarNode { Value: { } key })
                {
                    throw new TemplateReadException(TemplateTexts.KeyNotText(), _items[i].Line);
                }

                if (!seen.Add(key))
                {
                    throw new TemplateReadException(TemplateTexts.DuplicateKey(key), _items[i].Line);
                }

                entries.Add(new(key, _items[i + 1], _items[i].Line));
            }

            return entries;
        }
    }
}
