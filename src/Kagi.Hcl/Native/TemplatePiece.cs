using Kagi.Hcl.Syntax;

namespace Kagi.Hcl.Native;

/// <summary>A flat piece of a template before directives are nested: strip markers and heredoc indentation work on this list.</summary>
internal abstract class TemplatePiece(int start, int end)
{
    public int Start { get; set; } = start;

    public int End { get; set; } = end;

    public bool StripBefore { get; init; }

    public bool StripAfter { get; init; }
}

/// <summary>Literal text, escapes decoded: strip markers and heredoc indentation act on the decoded text, as in hclsyntax.</summary>
internal sealed class LiteralPiece(string text, int start, int end) : TemplatePiece(start, end)
{
    public string Text { get; set; } = text;
}

internal sealed class InterpolationPiece(Expression expression, int start, int end) : TemplatePiece(start, end)
{
    public Expression Expression { get; } = expression;
}

internal enum DirectiveKind
{
    If,
    Else,
    EndIf,
    For,
    EndFor,
}

internal sealed class DirectivePiece(DirectiveKind kind, int start, int end) : TemplatePiece(start, end)
{
    public DirectiveKind Kind { get; } = kind;

    /// <summary>The condition of <c>if</c> or the collection of <c>for</c>.</summary>
    public Expression? Expression { get; init; }

    public string? KeyVariable { get; init; }

    public string? ValueVariable { get; init; }
}
