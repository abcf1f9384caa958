namespace Kagi.Hcl.Syntax;

/// <summary>A position in a source file: 1-based line and column (in characters), 0-based character offset.</summary>
public readonly record struct SourcePos(int Line, int Column, int Offset);

/// <summary>A span of a source file, start inclusive, end exclusive.</summary>
public sealed record SourceRange(string File, SourcePos Start, SourcePos End)
{
    public override string ToString() => $"{File}:{Start.Line}:{Start.Column}";
}
