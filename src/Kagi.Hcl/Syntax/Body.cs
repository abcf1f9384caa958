namespace Kagi.Hcl.Syntax;

/// <summary>A parsed file: its top-level body, and the comments found in it (for in-code suppressions).</summary>
public sealed record ConfigFile(string Path, Body Body, IReadOnlyList<Comment> Comments);

/// <summary>A comment with its text (without the <c>#</c>, <c>//</c> or <c>/* */</c> markers).</summary>
public sealed record Comment(string Text, SourceRange Range);

/// <summary>The attributes and blocks of a file or block, each in source order.</summary>
public sealed record Body(IReadOnlyList<HclAttribute> Attributes, IReadOnlyList<Block> Blocks, SourceRange Range);

/// <summary><c>name = expression</c>.</summary>
public sealed record HclAttribute(string Name, Expression Value, SourceRange Range, SourceRange NameRange);

/// <summary><c>type "label" ... { body }</c>.</summary>
public sealed record Block(string Type, IReadOnlyList<string> Labels, Body Body, SourceRange Range, SourceRange TypeRange);
