using Kagi.Hcl.Native;
using Kagi.Hcl.Syntax;
using Kagi.Hcl.Text;

namespace Kagi.Hcl.Json;

/// <summary>
/// Reads <c>.tf.json</c> the way Terraform does: known keys are blocks, nested under one object level per label
/// (an array of objects means several blocks), strings are templates, a <c>"//"</c> key is a comment (its string value
/// goes to <see cref="ConfigFile.Comments"/>, so that in-code suppressions work in JSON too).
/// Unknown top-level keys are attributes, which is also how <c>.tfvars.json</c> reads.
/// </summary>
internal sealed class JsonConfigReader(string text, string path)
{
    private const string CommentKey = "//";

    private readonly LineMap _lines = new(text, path);
    private readonly List<Comment> _comments = [];

    public ConfigFile Read()
    {
        var root = new JsonTreeReader(text, _lines).Read();
        if (root is not JsonTreeObject top)
        {
            throw _lines.Error("the root of a Terraform JSON file must be an object", root.Start, root.End);
        }

        var attributes = new List<HclAttribute>();
        var blocks = new List<Block>();
        foreach (var property in top.Properties)
        {
            if (TakeComment(property))
            {
                continue;
            }

            if (TerraformJsonSchema.TopLevelLabels(property.Name) is { } labels)
            {
                AddBlocks(blocks, property, property, labels, []);
            }
            else
            {
                attributes.Add(Attribute(property));
            }
        }

        return new ConfigFile(path, new Body(attributes, blocks, _lines.Range(top.Start, top.End)), _comments);
    }

    /// <summary>Walks down one object level per remaining label; arrays at any level hold several alternatives.</summary>
    private void AddBlocks(List<Block> blocks, JsonTreeProperty type, JsonTreeProperty current, int labelsLeft, IReadOnlyList<JsonTreeProperty> labels)
    {
        foreach (var value in current.Value is JsonTreeArray array ? array.Items : [current.Value])
        {
            if (value is not JsonTreeObject obj)
            {
                var expected = labelsLeft > 0 ? $"an object whose keys are the labels of '{type.Name}'" : $"an object holding the body of '{type.Name}'";
                throw _lines.Error($"expected {expected}", value.Start, value.End);
            }

            if (labelsLeft == 0)
            {
                var declaration = labels.Count > 0 ? labels[^1] : type;
                blocks.Add(new Block(
                    type.Name,
                    [.. labels.Select(label => label.Name)],
                    Body(obj, type.Name),
                    _lines.Range(declaration.NameStart, obj.End),
                    _lines.Range(type.NameStart, type.NameEnd)));
                continue;
            }

            foreach (var label in obj.Properties)
            {
                if (TakeComment(label))
                {
                    continue;
                }

                AddBlocks(blocks, type, label, labelsLeft - 1, [.. labels, label]);
            }
        }
    }

    private Body Body(JsonTreeObject obj, string blockType)
    {
        var attributes = new List<HclAttribute>();
        var blocks = new List<Block>();
        foreach (var property in obj.Properties)
        {
            if (TakeComment(property))
            {
                continue;
            }

            if (TerraformJsonSchema.NestedLabels(blockType, property.Name) is { } labels)
            {
                AddBlocks(blocks, property, property, labels, []);
            }
            else
            {
                attributes.Add(Attribute(property));
            }
        }

        return new Body(attributes, blocks, _lines.Range(obj.Start, obj.End));
    }

    /// <summary>True for a <c>"//"</c> key, whose text is then recorded as a comment.</summary>
    private bool TakeComment(JsonTreeProperty property)
    {
        if (property.Name != CommentKey)
        {
            return false;
        }

        if (property.Value is JsonTreeString text)
        {
            _comments.Add(new Comment(text.Value, _lines.Range(property.NameStart, text.End)));
        }

        return true;
    }

    private HclAttribute Attribute(JsonTreeProperty property)
    {
        var value = Expression(property.Value);
        return new HclAttribute(property.Name, value, _lines.Range(property.NameStart, property.Value.End), _lines.Range(property.NameStart, property.NameEnd));
    }

    private Expression Expression(JsonTreeNode node) => node switch
    {
        JsonTreeString s => Template(s.Value, s.Start, s.End),
        JsonTreeNumber n => new LiteralExpr(n.Value, _lines.Range(n.Start, n.End)),
        JsonTreeKeyword k => new LiteralExpr(k.Value, _lines.Range(k.Start, k.End)),
        JsonTreeArray a => new TupleExpr([.. a.Items.Select(Expression)], _lines.Range(a.Start, a.End)),
        JsonTreeObject o => new ObjectExpr(
            [.. o.Properties.Select(p => new ObjectItem(Template(p.Name, p.NameStart, p.NameEnd), Expression(p.Value)))],
            _lines.Range(o.Start, o.End)),
        _ => throw new InvalidOperationException($"unknown JSON node {node.GetType().Name}"),
    };

    /// <summary>A JSON string is a template; its positions count from just after the opening quote (exact unless it holds escapes).</summary>
    private Expression Template(string value, int start, int end)
    {
        if (!value.Contains("${", StringComparison.Ordinal) && !value.Contains("%{", StringComparison.Ordinal))
        {
            return new LiteralExpr(value, _lines.Range(start, end));
        }

        var origin = _lines.Pos(start + 1);
        var template = new Parser(value, new LineMap(value, path, origin)).ParseBareTemplate();
        return template switch
        {
            LiteralExpr literal => literal with { Range = _lines.Range(start, end) },
            TemplateExpr parts => parts with { Range = _lines.Range(start, end) },
            _ => template,
        };
    }
}
