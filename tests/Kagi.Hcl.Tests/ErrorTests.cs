namespace Kagi.Hcl.Tests;

public sealed class ErrorTests
{
    [Theory]
    [InlineData("block {\n  foo bar\n}\n", 2, 10, "expected a label or '{'")]
    [InlineData("foo + 1\n", 1, 5, "expected '=' or a block after attribute name 'foo'")]
    [InlineData("a = \"abc\n", 1, 9, "unterminated string")]
    [InlineData("a = 1\n}\n", 2, 1, "unexpected '}'")]
    [InlineData("a = 1 b = 2\n", 1, 7, "expected a newline after the value of 'a'")]
    [InlineData("a = \"x\\qy\"\n", 1, 7, "invalid escape sequence '\\q'")]
    [InlineData("a = [1, 2\nb = 3\n", 2, 1, "expected ',' or ']'")]
    [InlineData("a = 1\na = 2\n", 2, 1, "attribute 'a' is already defined at line 1")]
    [InlineData("a = x.0.1\n", 1, 7, "invalid legacy index '.0.1'")]
    [InlineData("a = \"%{if x}y\"\n", 1, 14, "the '%{if}' at line 1 has no matching '%{endif}'")]
    [InlineData("a = <<EOT\n%{for x in y}\nEOT\n", 3, 1, "the '%{for}' at line 2 has no matching '%{endfor}'")]
    [InlineData("a = 1\r\r\n", 1, 6, "unexpected character U+000D")]
    [InlineData("a = 3.1.4\n", 1, 5, "invalid number literal '3.1.4'")]
    [InlineData("a = \"${var.x\"\n", 1, 13, "expected '}' to end the interpolation before the string ends")]
    [InlineData("a = 1.\n", 1, 7, "expected an attribute name after '.', found a newline")]
    [InlineData("a = <<EOT\nx\ry\nEOT\n", 2, 2, "unexpected carriage return")]
    [InlineData("a = 1\nfoo\n", 2, 1, "expected '=' or a block after attribute name 'foo', found a newline")]
    [InlineData("a = \"%{endfor}\"\n", 1, 6, "unexpected '%{endfor}'")]
    [InlineData("a = 1 +\n2\n", 1, 8, "expected an expression, found a newline")]
    [InlineData("a = { b = 1 c = 2 }\n", 1, 13, "expected a newline or ',' after an object item")]
    [InlineData("a = f(1 2)\n", 1, 9, "expected ',' or ')'")]
    [InlineData("a = @\n", 1, 5, "unexpected character '@'")]
    [InlineData("/* open\n", 1, 1, "unterminated comment")]
    [InlineData("b {\n  c = 1\n", 1, 3, "never closed")]
    [InlineData("b { c {} }\n", 1, 7, "a one-line block can hold only a single attribute")]
    [InlineData("a = \"\\u12\"\n", 1, 6, "invalid unicode escape")]
    [InlineData("a = x.*.*\n", 1, 9, "cannot be used inside another attribute-only splat")]
    [InlineData("a = f(x...,)\n", 1, 11, "expected ')' right after '...'")]
    [InlineData("a = {for k in x : k\n  if y}\n", 1, 19, "expected '=>' after this key")]
    public void Syntax_errors_name_the_offending_place(string text, int line, int column, string message)
    {
        var error = Hcl.Error(text);

        Assert.Contains(message, error.Detail, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Range.Start.Line, error.Range.Start.Column));
        Assert.StartsWith($"{Hcl.File}:{line}:{column}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unclosed_heredoc_names_its_marker_and_start_line()
    {
        var error = Hcl.Error("a = 1\n\n\nb = <<EOT\nhello\n");

        Assert.Equal("heredoc 'EOT' is never closed (started at line 4)", error.Detail);
        Assert.Equal(6, error.Range.Start.Line);
    }

    [Fact]
    public void A_heredoc_marker_at_the_end_of_the_file_needs_its_newline()
    {
        var error = Hcl.Error("a = <<EOT\nhello\nEOT");

        Assert.Equal("heredoc 'EOT' is never closed (started at line 1): the closing marker must be followed by a newline", error.Detail);
    }

    [Theory]
    [InlineData('(', ')')]
    [InlineData('[', ']')]
    [InlineData('{', '}')]
    public void Deep_nesting_is_a_clear_error_not_a_stack_overflow(char open, char close)
    {
        var depth = 100_000;
        var inner = open == '{' ? "{ a = 1 }" : "1";
        var text = "x = " + new string(open, depth) + inner + new string(close, depth) + "\n";
        if (open == '{')
        {
            text = "x = " + string.Concat(Enumerable.Repeat("{ a = ", depth)) + "1" + new string('}', depth) + "\n";
        }

        var error = Hcl.Error(text);

        Assert.Contains("nested too deeply", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_blocks_and_unary_operators_are_limited_too()
    {
        Assert.Contains("nested too deeply", Hcl.Error(string.Concat(Enumerable.Repeat("b {\n", 10_000))).Detail, StringComparison.Ordinal);
        Assert.Contains("nested too deeply", Hcl.Error("x = " + new string('!', 10_000) + "a\n").Detail, StringComparison.Ordinal);
        Assert.Contains("nested too deeply", Hcl.Error("x = \"" + string.Concat(Enumerable.Repeat("%{if a}", 10_000)) + "\"\n").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Moderate_nesting_is_fine()
    {
        var text = "x = " + new string('[', 50) + "1" + new string(']', 50) + "\n";

        Assert.IsType<Syntax.TupleExpr>(Hcl.Value(text));
    }

    [Fact]
    public void Parse_expression_rejects_trailing_tokens()
    {
        var error = Assert.Throws<HclParseException>(() => Hcl.Expr("a b"));

        Assert.Equal(3, error.Range.Start.Column);
    }
}
