using Kagi.Hcl.Syntax;

namespace Kagi.Hcl.Tests;

public sealed class TemplateTests
{
    [Fact]
    public void A_string_without_interpolation_is_a_literal()
    {
        Assert.Equal("plain", Hcl.Text(Hcl.Expr("\"plain\"")));
    }

    [Fact]
    public void Interpolation_splits_a_string_into_parts()
    {
        var template = Assert.IsType<TemplateExpr>(Hcl.Expr("\"arn:${var.partition}:kms\""));

        Assert.Collection(
            template.Parts,
            part => Assert.Equal("arn:", Assert.IsType<TemplateLiteral>(part).Text),
            part => Assert.Equal("var", Hcl.Root(Assert.IsType<TemplateInterpolation>(part).Expression)),
            part => Assert.Equal(":kms", Assert.IsType<TemplateLiteral>(part).Text));
        Assert.False(template.IsSingleInterpolation);
    }

    [Fact]
    public void A_lone_interpolation_is_marked_as_such()
    {
        var template = Assert.IsType<TemplateExpr>(Hcl.Expr("\"${aws_kms_key.k.arn}\""));

        Assert.True(template.IsSingleInterpolation);
    }

    [Theory]
    [InlineData(@"""a\nb""", "a\nb")]
    [InlineData(@"""a\tb\rc""", "a\tb\rc")]
    [InlineData(@"""say \""hi\""""", "say \"hi\"")]
    [InlineData(@"""C:\\dir""", @"C:\dir")]
    [InlineData(@"""caf\u00e9""", "café")]
    [InlineData(@"""\U0001F511""", "🔑")]
    [InlineData(@"""$${x} and %%{y}""", "${x} and %{y}")]
    [InlineData(@"""100% $5""", "100% $5")]
    public void Escapes_are_decoded(string text, string expected)
    {
        Assert.Equal(expected, Hcl.Text(Hcl.Expr(text)));
    }

    [Fact]
    public void Strip_markers_remove_decoded_whitespace_beside_the_sequence()
    {
        var template = Assert.IsType<TemplateExpr>(Hcl.Expr(@"""a \n ${~ x ~} \t b"""));

        Assert.Equal("a", Assert.IsType<TemplateLiteral>(template.Parts[0]).Text);
        Assert.Equal("b", Assert.IsType<TemplateLiteral>(template.Parts[2]).Text);
    }

    [Fact]
    public void Strip_markers_apply_before_heredoc_indentation_is_measured()
    {
        var template = Assert.IsType<TemplateExpr>(Hcl.Value("x = <<-EOT\n    ${~x}\n      y\n    EOT\n"));

        Assert.Equal("\n      y\n", Assert.IsType<TemplateLiteral>(template.Parts[2]).Text);
    }

    [Fact]
    public void If_directive_has_then_and_else_parts()
    {
        var template = Assert.IsType<TemplateExpr>(Hcl.Expr("\"Hello, %{ if name != \"\" }${name}%{ else }unnamed%{ endif }!\""));

        var directive = Assert.IsType<TemplateIf>(template.Parts[1]);
        Assert.Equal(BinaryOperator.NotEqual, Assert.IsType<BinaryExpr>(directive.Condition).Operator);
        Assert.IsType<TemplateInterpolation>(Assert.Single(directive.Then));
        Assert.Equal("unnamed", Assert.IsType<TemplateLiteral>(Assert.Single(directive.Else)).Text);
        Assert.Equal("!", Assert.IsType<TemplateLiteral>(template.Parts[2]).Text);
    }

    [Fact]
    public void For_directive_has_its_variables_and_body()
    {
        var template = Assert.IsType<TemplateExpr>(Hcl.Expr("\"%{for k, v in var.tags}${k}=${v};%{endfor}\""));

        var loop = Assert.IsType<TemplateFor>(Assert.Single(template.Parts));
        Assert.Equal(("k", "v"), (loop.KeyVariable, loop.ValueVariable));
        Assert.Equal("var", Hcl.Root(loop.Collection));
        Assert.Equal(4, loop.Body.Count);
    }

    [Fact]
    public void Strip_markers_on_directives_remove_newlines_in_heredocs()
    {
        var template = Assert.IsType<TemplateExpr>(Hcl.Value("x = <<EOT\n%{ for n in names ~}\nserver ${n}\n%{ endfor ~}\ndone\nEOT\n"));

        var loop = Assert.IsType<TemplateFor>(template.Parts[0]);
        Assert.Equal("server ", Assert.IsType<TemplateLiteral>(loop.Body[0]).Text);
        Assert.Equal("done\n", Assert.IsType<TemplateLiteral>(template.Parts[1]).Text);
    }

    [Fact]
    public void Heredoc_keeps_its_lines_and_ends_with_a_newline()
    {
        Assert.Equal("first\n  second\n", Hcl.Text(Hcl.Value("x = <<EOT\nfirst\n  second\nEOT\n")));
    }

    [Fact]
    public void Indented_heredoc_removes_the_smallest_indentation_ignoring_blank_lines()
    {
        Assert.Equal("a\n  b\n\nc\n", Hcl.Text(Hcl.Value("x = <<-EOT\n    a\n      b\n\n    c\n    EOT\n")));
    }

    [Fact]
    public void Indented_heredoc_removes_nothing_when_a_line_starts_with_an_interpolation()
    {
        var template = Assert.IsType<TemplateExpr>(Hcl.Value("x = <<-EOT\n${a}\n    b\n  EOT\n"));

        Assert.Equal("\n    b\n", Assert.IsType<TemplateLiteral>(template.Parts[1]).Text);
    }

    [Fact]
    public void Heredoc_does_not_decode_backslashes()
    {
        Assert.Equal(@"C:\dir \n" + "\n", Hcl.Text(Hcl.Value("x = <<EOT\nC:\\dir \\n\nEOT\n")));
    }

    [Fact]
    public void Heredoc_marker_must_be_alone_on_its_line()
    {
        Assert.Equal("EOTX\n EOT y\n", Hcl.Text(Hcl.Value("x = <<EOT\nEOTX\n EOT y\n  EOT\n")));
    }

    [Fact]
    public void Heredoc_range_ends_at_the_closing_marker()
    {
        var value = Hcl.Value("x = <<EOT\na\nEOT\n");

        Assert.Equal((1, 3), (value.Range.Start.Line, value.Range.End.Line));
        Assert.Equal(4, value.Range.End.Column);
    }

    [Fact]
    public void A_literal_emptied_by_a_strip_marker_still_makes_a_template_not_a_lone_interpolation()
    {
        var template = Assert.IsType<TemplateExpr>(Hcl.Expr("\" ${~ var.x}\""));

        Assert.False(template.IsSingleInterpolation);
        Assert.Equal(string.Empty, Assert.IsType<TemplateLiteral>(template.Parts[0]).Text);
    }
}
