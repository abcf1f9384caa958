using Kagi.Hcl.Syntax;

namespace Kagi.Hcl.Tests;

public sealed class ExpressionTests
{
    [Fact]
    public void Multiplication_binds_tighter_than_addition()
    {
        var sum = Assert.IsType<BinaryExpr>(Hcl.Expr("1 + 2 * 3"));

        Assert.Equal(BinaryOperator.Add, sum.Operator);
        Assert.Equal(BinaryOperator.Multiply, Assert.IsType<BinaryExpr>(sum.Right).Operator);
    }

    [Fact]
    public void Subtraction_is_left_associative()
    {
        var outer = Assert.IsType<BinaryExpr>(Hcl.Expr("10 - 3 - 2"));

        var inner = Assert.IsType<BinaryExpr>(outer.Left);
        Assert.Equal(10m, Assert.IsType<LiteralExpr>(inner.Left).Value);
        Assert.Equal(2m, Assert.IsType<LiteralExpr>(outer.Right).Value);
    }

    [Theory]
    [InlineData("a || b && c", BinaryOperator.Or)]
    [InlineData("a && b == c", BinaryOperator.And)]
    [InlineData("a == b < c", BinaryOperator.Equal)]
    [InlineData("a < b + c", BinaryOperator.LessThan)]
    [InlineData("a + b % c", BinaryOperator.Add)]
    [InlineData("a * b / c", BinaryOperator.Divide)]
    [InlineData("a != b >= c", BinaryOperator.NotEqual)]
    public void Operators_follow_HCL_precedence(string text, BinaryOperator top)
    {
        Assert.Equal(top, Assert.IsType<BinaryExpr>(Hcl.Expr(text)).Operator);
    }

    [Fact]
    public void Unary_minus_applies_to_the_term_with_its_traversal_only()
    {
        var sum = Assert.IsType<BinaryExpr>(Hcl.Expr("-a.b + c"));

        var negate = Assert.IsType<UnaryExpr>(sum.Left);
        Assert.Equal(UnaryOperator.Negate, negate.Operator);
        Assert.Equal("b", Assert.IsType<GetAttrStep>(Assert.Single(Assert.IsType<ScopeTraversalExpr>(negate.Operand).Steps)).Name);
    }

    [Fact]
    public void Not_binds_tighter_than_equality()
    {
        var equal = Assert.IsType<BinaryExpr>(Hcl.Expr("!a == b"));

        Assert.Equal(UnaryOperator.Not, Assert.IsType<UnaryExpr>(equal.Left).Operator);
    }

    [Fact]
    public void Conditionals_nest_to_the_right()
    {
        var outer = Assert.IsType<ConditionalExpr>(Hcl.Expr("a ? 1 : b ? 2 : 3"));

        Assert.Equal("a", Hcl.Root(outer.Condition));
        var inner = Assert.IsType<ConditionalExpr>(outer.FalseResult);
        Assert.Equal("b", Hcl.Root(inner.Condition));
    }

    [Fact]
    public void Conditional_condition_takes_the_whole_binary_expression()
    {
        var conditional = Assert.IsType<ConditionalExpr>(Hcl.Expr("a == 1 || b ? x : y"));

        Assert.Equal(BinaryOperator.Or, Assert.IsType<BinaryExpr>(conditional.Condition).Operator);
    }

    [Fact]
    public void Parentheses_are_kept_with_their_range()
    {
        var product = Assert.IsType<BinaryExpr>(Hcl.Expr("(1 + 2) * 3"));

        var parens = Assert.IsType<ParenthesesExpr>(product.Left);
        Assert.Equal(BinaryOperator.Add, Assert.IsType<BinaryExpr>(parens.Inner).Operator);
        Assert.Equal((1, 8), (parens.Range.Start.Column, parens.Range.End.Column));
    }

    [Theory]
    [InlineData("42", 42)]
    [InlineData("3.25", 3.25)]
    [InlineData("1e3", 1000)]
    [InlineData("2.5E-2", 0.025)]
    [InlineData("6e+2", 600)]
    [InlineData("2.e-2", 0.02)]
    public void Numbers_are_decimals(string text, double expected)
    {
        Assert.Equal((decimal)expected, Assert.IsType<LiteralExpr>(Hcl.Expr(text)).Value);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("null", null)]
    public void Keywords_are_literals(string text, object? expected)
    {
        Assert.Equal(expected, Assert.IsType<LiteralExpr>(Hcl.Expr(text)).Value);
    }

    [Fact]
    public void A_reference_is_a_scope_traversal_with_attribute_and_index_steps()
    {
        var traversal = Assert.IsType<ScopeTraversalExpr>(Hcl.Expr("aws_instance.web[0].tags[\"Name\"]"));

        Assert.Equal("aws_instance", traversal.Root);
        Assert.Collection(
            traversal.Steps,
            step => Assert.Equal("web", Assert.IsType<GetAttrStep>(step).Name),
            step => Assert.Equal(0m, Assert.IsType<LiteralExpr>(Assert.IsType<IndexStep>(step).Key).Value),
            step => Assert.Equal("tags", Assert.IsType<GetAttrStep>(step).Name),
            step => Assert.Equal("Name", Hcl.Text(Assert.IsType<IndexStep>(step).Key)));
        Assert.Equal(33, traversal.Range.End.Column);
    }

    [Fact]
    public void Legacy_dot_index_is_a_numeric_index_step()
    {
        var traversal = Assert.IsType<ScopeTraversalExpr>(Hcl.Expr("aws_instance.web.0.id"));

        Assert.Equal(0m, Assert.IsType<LiteralExpr>(Assert.IsType<IndexStep>(traversal.Steps[1]).Key).Value);
        Assert.Equal("id", Assert.IsType<GetAttrStep>(traversal.Steps[2]).Name);
    }

    [Fact]
    public void Legacy_index_may_be_any_number_without_a_dot()
    {
        var traversal = Assert.IsType<ScopeTraversalExpr>(Hcl.Expr("a.5e-2"));

        Assert.Equal(0.05m, Assert.IsType<LiteralExpr>(Assert.IsType<IndexStep>(Assert.Single(traversal.Steps)).Key).Value);
    }

    [Fact]
    public void A_keyword_followed_by_a_parenthesis_is_a_function_call()
    {
        Assert.Equal("null", Assert.IsType<FunctionCallExpr>(Hcl.Expr("null(1)")).Name);
    }

    [Fact]
    public void Traversal_after_a_call_is_relative()
    {
        var relative = Assert.IsType<RelativeTraversalExpr>(Hcl.Expr("element(var.list, 0).name"));

        Assert.Equal("element", Assert.IsType<FunctionCallExpr>(relative.Source).Name);
        Assert.Equal("name", Assert.IsType<GetAttrStep>(Assert.Single(relative.Steps)).Name);
    }

    [Fact]
    public void Full_splat_takes_every_following_step()
    {
        var splat = Assert.IsType<SplatExpr>(Hcl.Expr("var.list[*].tags[\"Name\"]"));

        Assert.True(splat.IsFullSplat);
        Assert.Equal("var", Hcl.Root(splat.Source));
        Assert.Equal(2, splat.Each.Count);
        Assert.IsType<IndexStep>(splat.Each[1]);
    }

    [Fact]
    public void Attribute_splat_stops_at_an_index()
    {
        var indexed = Assert.IsType<RelativeTraversalExpr>(Hcl.Expr("aws_instance.web.*.ebs[0]"));

        var splat = Assert.IsType<SplatExpr>(indexed.Source);
        Assert.False(splat.IsFullSplat);
        Assert.Equal("ebs", Assert.IsType<GetAttrStep>(Assert.Single(splat.Each)).Name);
        Assert.IsType<IndexStep>(Assert.Single(indexed.Steps));
    }

    [Fact]
    public void A_splat_inside_a_full_splat_is_a_nested_step_of_it()
    {
        var outer = Assert.IsType<SplatExpr>(Hcl.Expr("var.a[*].b[*].c"));

        Assert.Equal("var", Hcl.Root(outer.Source));
        Assert.Equal("b", Assert.IsType<GetAttrStep>(outer.Each[0]).Name);
        var nested = Assert.IsType<SplatStep>(outer.Each[1]);
        Assert.True(nested.IsFullSplat);
        Assert.Equal("c", Assert.IsType<GetAttrStep>(Assert.Single(nested.Each)).Name);
    }

    [Fact]
    public void A_full_splat_after_an_attribute_splat_applies_to_its_result()
    {
        var outer = Assert.IsType<SplatExpr>(Hcl.Expr("var.a.*.b[*].c"));

        var inner = Assert.IsType<SplatExpr>(outer.Source);
        Assert.False(inner.IsFullSplat);
        Assert.Equal("c", Assert.IsType<GetAttrStep>(Assert.Single(outer.Each)).Name);
    }

    [Fact]
    public void Function_call_with_expansion_marks_the_final_argument()
    {
        var call = Assert.IsType<FunctionCallExpr>(Hcl.Expr("concat(var.a, var.lists...)"));

        Assert.Equal("concat", call.Name);
        Assert.Equal(2, call.Arguments.Count);
        Assert.True(call.ExpandFinal);
    }

    [Fact]
    public void Function_call_arguments_may_span_lines_with_a_trailing_comma()
    {
        var call = Assert.IsType<FunctionCallExpr>(Hcl.Value("x = max(\n  1,\n  2,\n)\n"));

        Assert.Equal(2, call.Arguments.Count);
        Assert.False(call.ExpandFinal);
    }

    [Fact]
    public void Provider_functions_keep_their_namespace()
    {
        Assert.Equal("provider::aws::arn_parse", Assert.IsType<FunctionCallExpr>(Hcl.Expr("provider::aws::arn_parse(x)")).Name);
    }

    [Fact]
    public void List_for_expression_has_value_and_condition()
    {
        var loop = Assert.IsType<ForExpr>(Hcl.Expr("[for i, s in var.names : upper(s) if s != \"\"]"));

        Assert.Equal(("i", "s"), (loop.KeyVariable, loop.ValueVariable));
        Assert.False(loop.BuildsObject);
        Assert.IsType<FunctionCallExpr>(loop.ValueResult);
        Assert.Equal(BinaryOperator.NotEqual, Assert.IsType<BinaryExpr>(loop.Condition).Operator);
    }

    [Fact]
    public void Object_for_expression_with_grouping()
    {
        var loop = Assert.IsType<ForExpr>(Hcl.Expr("{ for u in var.users : u.role => u.name... }"));

        Assert.Null(loop.KeyVariable);
        Assert.True(loop.BuildsObject);
        Assert.True(loop.Grouping);
        Assert.Null(loop.Condition);
    }

    [Fact]
    public void Object_items_are_separated_by_newlines_or_commas_with_equals_or_colon()
    {
        var obj = Assert.IsType<ObjectExpr>(Hcl.Value("x = {\n  a = 1\n  \"b\": 2, c = 3\n\n  (d) = 4\n}\n"));

        Assert.Equal(["a", "b", "c"], obj.Items.Take(3).Select(item => Hcl.Text(item.Key)));
        Assert.IsType<ParenthesesExpr>(obj.Items[3].Key);
    }

    [Fact]
    public void Tuples_ignore_newlines_and_allow_a_trailing_comma()
    {
        var tuple = Assert.IsType<TupleExpr>(Hcl.Value("x = [\n  1,\n  2,\n]\n"));

        Assert.Equal(2, tuple.Items.Count);
    }

    [Fact]
    public void Expression_ranges_cover_exactly_their_source()
    {
        const string text = "x = foo(a.b, [1, 2]) ? \"t\" : -c\n";
        var conditional = Assert.IsType<ConditionalExpr>(Hcl.Value(text));

        Assert.Equal("foo(a.b, [1, 2]) ? \"t\" : -c", Slice(text, conditional));
        Assert.Equal("foo(a.b, [1, 2])", Slice(text, conditional.Condition));
        Assert.Equal("-c", Slice(text, conditional.FalseResult));
    }

    private static string Slice(string text, Expression expression) => text[expression.Range.Start.Offset..expression.Range.End.Offset];
}
