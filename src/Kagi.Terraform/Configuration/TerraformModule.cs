using Kagi.Core.Model;
using Kagi.Hcl.Syntax;

namespace Kagi.Terraform.Configuration;

internal enum ResourceMode
{
    Managed,
    Data,
}

/// <summary>A <c>resource</c> or <c>data</c> block.</summary>
internal sealed record ResourceDeclaration(ResourceMode Mode, string Type, string Name, Block Block)
{
    /// <summary>The <c># kagi:ignore</c> comments on the block's first line or inside it.</summary>
    public IReadOnlyList<Suppression> Suppressions { get; init; } = [];

    public string Address => Mode == ResourceMode.Data ? $"data.{Type}.{Name}" : $"{Type}.{Name}";

    public SourceLocation Location => Block.Range.ToLocation();

    public HclAttribute? Argument(string name) => Block.Body.Attributes.FirstOrDefault(a => a.Name == name);
}

/// <summary>A named top-level item: a variable (with its declared type), a local value or an output.</summary>
/// <param name="Nullable">A variable's <c>nullable</c> argument; null when not written (Terraform's default: true).</param>
internal sealed record NamedExpression(string Name, Expression? Value, SourceRange Range, Expression? Type = null, Expression? Nullable = null);

/// <summary>A <c>module</c> block: where its source is, and the arguments that become the child's variables.</summary>
internal sealed record ModuleCall(string Name, Block Block)
{
    public HclAttribute? Argument(string name) => Block.Body.Attributes.FirstOrDefault(a => a.Name == name);
}

/// <summary>The declarations of one module directory, gathered from all its files in lexical order.</summary>
internal sealed class TerraformModule(string directory, bool isPartial = false)
{
    /// <summary>True when only some of the directory's files were read (a single file was scanned).</summary>
    public bool IsPartial { get; } = isPartial;

    /// <summary>The directory as the user wrote it (relative stays relative).</summary>
    public string Directory { get; } = directory;

    public Dictionary<string, NamedExpression> Variables { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, NamedExpression> Locals { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, NamedExpression> Outputs { get; } = new(StringComparer.Ordinal);

    public List<ResourceDeclaration> Resources { get; } = [];

    public Dictionary<string, ModuleCall> ModuleCalls { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, ResourceDeclaration> ResourcesByAddress { get; } = new(StringComparer.Ordinal);

    /// <summary>Default (un-aliased) provider configurations, by provider name.</summary>
    public Dictionary<string, Block> Providers { get; } = new(StringComparer.Ordinal);

    /// <summary>Each file's text by path, to quote an expression's source in messages.</summary>
    public Dictionary<string, string> Texts { get; } = new(StringComparer.Ordinal);

    public string SourceText(Expression expression)
    {
        var range = expression.Range;
        return Texts.TryGetValue(range.File, out var text) && range.End.Offset <= text.Length && range.Start.Offset < range.End.Offset
            ? text[range.Start.Offset..range.End.Offset]
            : "an expression";
    }
}

internal static class SourceRangeExtensions
{
    public static SourceLocation ToLocation(this SourceRange range) => new(range.File, Math.Max(range.Start.Line, 1), Math.Max(range.Start.Column, 1));

    public static string ToShortString(this SourceRange range) => $"{range.File}:{range.Start.Line}";
}
