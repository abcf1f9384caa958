using Kagi.Hcl.Syntax;

namespace Kagi.Hcl.Tests;

/// <summary>Short ways to parse test input.</summary>
internal static class Hcl
{
    public const string File = "test.tf";

    public static Expression Expr(string text) => HclParser.ParseExpression(text, File);

    public static ConfigFile Native(string text) => HclParser.ParseNative(text, File);

    /// <summary>The value of the single attribute in <paramref name="text"/>.</summary>
    public static Expression Value(string text) => Assert.Single(Native(text).Body.Attributes).Value;

    public static HclParseException Error(string text) => Assert.Throws<HclParseException>(() => Native(text));

    public static string Text(Expression expression) => Assert.IsType<LiteralExpr>(expression).Value as string
        ?? throw new InvalidOperationException("not a string literal");

    public static string Root(Expression expression) => Assert.IsType<ScopeTraversalExpr>(expression).Root;
}
