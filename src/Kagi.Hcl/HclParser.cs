using Kagi.Hcl.Json;
using Kagi.Hcl.Native;
using Kagi.Hcl.Syntax;
using Kagi.Hcl.Text;

namespace Kagi.Hcl;

/// <summary>Parses HCL native syntax (<c>.tf</c>) and HCL JSON syntax (<c>.tf.json</c>) into one syntax tree.</summary>
public static class HclParser
{
    /// <summary>Parses native syntax. Throws <see cref="HclParseException"/> at the first error.</summary>
    public static ConfigFile ParseNative(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        return new Parser(text, new LineMap(text, path)).ParseFile();
    }

    /// <summary>Parses JSON syntax the way Terraform reads it. Throws <see cref="HclParseException"/> at the first error.</summary>
    public static ConfigFile ParseJson(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        return new JsonConfigReader(text, path).Read();
    }

    /// <summary>Parses one expression (native syntax), e.g. a string from a plan file or a JSON template.</summary>
    public static Expression ParseExpression(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        return new Parser(text, new LineMap(text, path)).ParseWholeExpression();
    }

    /// <summary>Chooses the syntax by the file name: <c>.json</c> means JSON syntax.</summary>
    public static ConfigFile Parse(string text, string path) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ParseJson(text, path) : ParseNative(text, path);
}
