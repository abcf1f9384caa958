namespace Kagi.Core.Model;

/// <summary>A place in a source file, 1-based.</summary>
public sealed record SourceLocation(string File, int Line, int Column = 1)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
