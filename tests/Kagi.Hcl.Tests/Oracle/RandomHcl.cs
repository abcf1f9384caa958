using System.Globalization;
using System.Text;

namespace Kagi.Hcl.Tests.Oracle;

/// <summary>
/// Writes random but syntactically valid native-syntax files from HCL's grammar, for comparing with HashiCorp's parser:
/// every construct, in random combinations the hand-written corpus would never think of. Deterministic per seed.
/// </summary>
/// <param name="functions">The function names calls pick from; by default a few, of several argument counts.</param>
internal sealed class RandomHcl(int seed, string[]? functions = null)
{
    private static readonly string[] LiteralText = ["abc", " ", "\\n", "\\t", "\\\"", "\\\\", "\\u00e9", "\\U0001F511", "$${x}", "%%{y}", "鍵", "100%", "$5", "~", "  "];
    private static readonly string[] HeredocText = ["abc", " ", "\\n", "\"quoted\"", "$${x}", "%%{y}", "鍵", "$", "%", "\t"];
    private static readonly string[] Numbers = ["0", "42", "3.14", "1e3", "2.5e-2", "6E+2", "007", "1234567890"];
    private static readonly string[] Roots = ["var", "local", "aws_kms_key", "each", "count", "module", "data", "self", "x-y"];
    private static readonly string[] Functions = ["jsonencode", "merge", "lookup", "concat", "length", "format", "provider::aws::arn_parse"];
    private static readonly string[] Operators = ["+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "&&", "||"];
    /// <summary>Each type always has the same number of labels: hcl2json cannot show a type with several label counts.</summary>
    private static readonly (string Type, int Labels)[] BlockTypes = [("resource", 2), ("data", 2), ("locals", 0), ("ingress", 0), ("dynamic", 1), ("b", 3)];

    private readonly Random _random = new(seed);
    private int _names;

    /// <summary>
    /// hcl2json evaluates directives in a template nested inside an interpolation instead of showing them, and drops an if
    /// directive whose branch is <c>${null}</c>: neither is generated, so that the comparison is about parsing.
    /// </summary>
    private int _interpolations;

    /// <summary>Inside (), [] and calls a heredoc may appear anywhere, since the newline after its marker is ignored there.</summary>
    private int _brackets;

    /// <summary>Deletes a few characters or inserts a random fragment at a random place.</summary>
    public static string Damage(string text, int seed)
    {
        var random = new Random(seed);
        var at = random.Next(text.Length + 1);
        if (random.Next(2) == 0 && at < text.Length)
        {
            return text.Remove(at, Math.Min(random.Next(1, 4), text.Length - at));
        }

        string[] fragments = ["{", "}", "[", "]", "(", ")", "\"", "=", ",", "\n", ".", "*", "${", "%{", "<<EOT\n", "#", "/*", "?", ":", "...", "~", "!", "a b"];
        return text.Insert(at, fragments[random.Next(fragments.Length)]);
    }

    public string File()
    {
        var text = new StringBuilder();
        Body(text, depth: 0, indent: string.Empty);
        return Chance(0.1) ? text.Replace("\n", "\r\n").ToString() : text.ToString();
    }

    /// <summary>One expression, nesting at most <paramref name="depth"/> constructs.</summary>
    public string Expression(int depth) => Expr(depth);

    private bool Chance(double p) => _random.NextDouble() < p;

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private string Name() => "n" + (_names++).ToString(CultureInfo.InvariantCulture);

    private void Body(StringBuilder text, int depth, string indent)
    {
        for (var i = _random.Next(1, 5); i > 0; i--)
        {
            if (Chance(0.15))
            {
                text.Append(indent).Append(Pick(["# note", "// note", "/* note */"])).Append('\n');
            }

            if (depth < 2 && Chance(0.3))
            {
                Block(text, depth, indent);
            }
            else
            {
                text.Append(indent).Append(Name()).Append(" = ").Append(Chance(0.1) ? Heredoc(indent) : Expr(3)).Append('\n');
            }
        }
    }

    private void Block(StringBuilder text, int depth, string indent)
    {
        var (type, labels) = Pick(BlockTypes);
        text.Append(indent).Append(type);
        for (; labels > 0; labels--)
        {
            text.Append(' ').Append(Chance(0.7) ? $"\"{Name()}\"" : Name());
        }

        switch (_random.Next(4))
        {
            case 0:
                text.Append(" {}\n");
                break;
            case 1:
                text.Append(" { ").Append(Name()).Append(" = ").Append(Expr(2)).Append(" }\n");
                break;
            default:
                text.Append(" {\n");
                Body(text, depth + 1, indent + "  ");
                text.Append(indent).Append("}\n");
                break;
        }
    }

    private string Heredoc(string indent)
    {
        var flush = Chance(0.5);
        var text = new StringBuilder(flush ? "<<-EOT\n" : "<<EOT\n");
        for (var lines = _random.Next(4); lines > 0; lines--)
        {
            if (Chance(0.2))
            {
                text.Append('\n');
                continue;
            }

            text.Append(new string(' ', _random.Next(6)));
            for (var parts = _random.Next(1, 4); parts > 0; parts--)
            {
                text.Append(Chance(0.3) ? Interpolation(2) : Pick(HeredocText));
            }

            text.Append('\n');
        }

        return text.Append(indent).Append(flush ? "  EOT" : "EOT").ToString();
    }

    private string Expr(int depth)
    {
        if (depth <= 0)
        {
            return _random.Next(3) switch
            {
                0 => Pick(Numbers),
                1 => Pick(["true", "false", "null"]),
                _ => Traversal(0),
            };
        }

        var d = depth - 1;
        return _random.Next(15) switch
        {
            0 => Pick(Numbers),
            1 => Quoted(d),
            2 => Traversal(d),
            3 => Call(d),
            4 => Tuple(d),
            5 => Object(d),
            6 => For(d),
            7 => $"{Expr(d)} ? {Expr(d)} : {Expr(d)}",
            8 => $"{Expr(d)} {Pick(Operators)} {Expr(d)}",
            9 => Pick(["-", "- ", "-(", "!"]) switch
            {
                "!" => "!" + Pick(["true", "false", Traversal(0)]),
                "-(" => $"-({Expr(d)})",
                var minus => minus + Pick([Pick(Numbers), Traversal(0)]),
            },
            10 => $"({Bracketed(() => Expr(d))})",
            11 => Pick(["true", "false", "null"]),
            12 => $"{Expr(d)} {Pick(Operators)} {Expr(d)} {Pick(Operators)} {Expr(d)}",
            13 when _brackets > 0 => Heredoc(string.Empty) + "\n",
            _ => Quoted(d),
        };
    }

    private string Quoted(int depth)
    {
        var text = new StringBuilder("\"");
        for (var parts = _random.Next(4); parts > 0; parts--)
        {
            text.Append(_random.Next(6) switch
            {
                0 => Interpolation(depth),
                1 when depth > 0 && _interpolations == 0 => Directive(depth),
                _ => Pick(LiteralText),
            });
        }

        return text.Append('"').ToString();
    }

    private string Interpolation(int depth)
    {
        _interpolations++;
        var expression = Expr(depth);
        expression = expression == "null" ? "true" : expression;
        _interpolations--;
        return "${" + (Chance(0.2) ? "~" : string.Empty) + (Chance(0.3) ? " " : string.Empty) + expression
            + (Chance(0.3) ? " " : string.Empty) + (Chance(0.2) ? "~" : string.Empty) + "}";
    }

    private string Directive(int depth)
    {
        string Open(string inner) => "%{" + (Chance(0.2) ? "~" : string.Empty) + " " + inner + " " + (Chance(0.2) ? "~" : string.Empty) + "}";
        var body = Chance(0.5) ? Pick(LiteralText) : Interpolation(depth - 1);
        if (Chance(0.5))
        {
            var otherwise = Chance(0.5) ? Open("else") + Pick(LiteralText) : string.Empty;
            return Open("if " + Expr(depth - 1)) + body + otherwise + Open("endif");
        }

        return Open($"for {(Chance(0.5) ? "k, " : string.Empty)}v in {Expr(depth - 1)}") + body + Open("endfor");
    }

    private string Traversal(int depth)
    {
        var text = new StringBuilder(Pick(Roots));
        for (var steps = _random.Next(4); steps > 0; steps--)
        {
            text.Append(_random.Next(7) switch
            {
                0 => "." + Name(),
                1 => "[" + Expr(Math.Min(depth, 1)) + "]",
                2 => "." + _random.Next(3).ToString(CultureInfo.InvariantCulture),
                3 => "[*]",
                4 => ".*",
                5 => "[\"key\"]",
                _ => ".attr",
            });
        }

        return text.ToString();
    }

    private string Bracketed(Func<string> generate)
    {
        _brackets++;
        var text = generate();
        _brackets--;
        return text;
    }

    private List<string> BracketedItems(int depth)
    {
        _brackets++;
        var items = Enumerable.Range(0, _random.Next(4)).Select(_ => Expr(depth)).ToList();
        _brackets--;
        return items;
    }

    private string Separator() => _random.Next(10) switch
    {
        0 => ",\n",
        1 => ", # note\n",
        2 => ", /* note */ ",
        _ => ", ",
    };

    private string Call(int depth)
    {
        var arguments = BracketedItems(depth);
        var separator = Separator();
        var expand = arguments.Count > 0 && Chance(0.2) ? "..." : string.Empty;
        var trailing = arguments.Count > 0 && Chance(0.2) ? "," : string.Empty;
        return $"{Pick(functions ?? Functions)}({string.Join(separator, arguments)}{expand}{trailing})";
    }

    private string Tuple(int depth)
    {
        var items = BracketedItems(depth);
        var separator = Separator();
        var trailing = items.Count > 0 && Chance(0.2) ? "," : string.Empty;
        return $"[{string.Join(separator, items)}{trailing}]";
    }

    private string Object(int depth)
    {
        var items = Enumerable.Range(0, _random.Next(4)).Select(_ =>
        {
            var key = _random.Next(4) switch
            {
                0 => $"\"{Name()}\"",
                1 => $"({Traversal(0)})",
                2 => $"\"{Name()}${{{Traversal(0)}}}\"",
                _ => Name(),
            };
            return $"{key} {(Chance(0.3) ? ":" : "=")} {Expr(depth)}";
        }).ToList();
        return Chance(0.5)
            ? "{" + string.Join(", ", items) + "}"
            : "{\n" + string.Concat(items.Select(item => item + (Chance(0.3) ? ",\n" : "\n"))) + "}";
    }

    private string For(int depth)
    {
        var variables = Chance(0.5) ? "k, v" : "v";
        var condition = Chance(0.3) ? $" if {Expr(depth)}" : string.Empty;
        return Chance(0.5)
            ? $"[for {variables} in {Expr(depth)} : {Expr(depth)}{condition}]"
            : $"{{for {variables} in {Expr(depth)} : {Expr(depth)} => {Expr(depth)}{(Chance(0.3) ? "..." : string.Empty)}{condition}}}";
    }
}
