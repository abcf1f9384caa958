using Kagi.Hcl.Syntax;
using Kagi.Terraform.Evaluation;
using Kagi.Terraform.Tests.Support;
using Kagi.Terraform.Values;
using static Kagi.Terraform.Tests.Support.Hcl;
using static Kagi.Terraform.Tests.Support.V;

namespace Kagi.Terraform.Tests;

public sealed class EvaluatorTests
{
    private static readonly Dictionary<string, TfValue> References = new()
    {
        ["var.name"] = S("graph"),
        ["var.enabled"] = TfValue.True,
        ["var.unset"] = new TfUnknown("variable \"unset\" has no default and no value was given"),
        ["aws_kms_key.k"] = new TfUnknown("aws_kms_key.k is known only after apply", new ValueOrigin("aws_kms_key.k", null)),
        ["local.keys"] = Map(("rds", S("alias/aws/rds"))),
        ["local.list"] = List(S("a"), S("b")),
    };

    private static TfValue Evaluate(Expression expression) =>
        FakeResolver.Evaluator(References).Evaluate(expression, Scope.Empty);

    [Fact]
    public void Arithmetic_and_comparison_work_on_decimals_and_numeric_strings()
    {
        Equal(N(0.3m), Evaluate(Binary(BinaryOperator.Add, Lit(0.1m), Lit(0.2m))));
        Equal(N(1), Evaluate(Binary(BinaryOperator.Modulo, Lit(7), Str("3"))));
        Equal(TfValue.True, Evaluate(Binary(BinaryOperator.LessThan, Lit(2), Lit(10))));
    }

    [Fact]
    public void Division_by_zero_is_an_error_at_the_expression()
    {
        var error = Assert.Throws<EvaluationException>(() => Evaluate(Binary(BinaryOperator.Divide, Lit(1), Lit(0))));

        Assert.NotNull(error.Range);
    }

    [Fact]
    public void Equality_compares_structure()
    {
        Equal(TfValue.True, Evaluate(Binary(BinaryOperator.Equal, Tuple(Str("a")), Tuple(Str("a")))));
        Equal(TfValue.True, Evaluate(Binary(BinaryOperator.NotEqual, Str("1"), Lit(1))));
    }

    [Fact]
    public void True_or_unknown_is_true_and_false_and_unknown_is_false()
    {
        Equal(TfValue.True, Evaluate(Binary(BinaryOperator.Or, Lit(true), Ref("var.unset"))));
        Equal(TfValue.False, Evaluate(Binary(BinaryOperator.And, Ref("var.unset"), Lit(false))));
        Assert.IsType<TfUnknown>(Evaluate(Binary(BinaryOperator.And, Lit(true), Ref("var.unset"))));
    }

    [Fact]
    public void Operators_on_an_unknown_are_unknown()
    {
        Assert.IsType<TfUnknown>(Evaluate(Binary(BinaryOperator.Add, Ref("var.unset"), Lit(1))));
        Assert.IsType<TfUnknown>(Evaluate(Binary(BinaryOperator.Equal, Ref("var.unset"), Lit(1))));
        Assert.IsType<TfUnknown>(Evaluate(new UnaryExpr(UnaryOperator.Not, Ref("var.unset"), At)));
    }

    [Fact]
    public void A_conditional_on_a_known_condition_takes_one_branch()
    {
        Equal(S("yes"), Evaluate(If(Ref("var.enabled"), Str("yes"), Call("no_such_function"))));
    }

    [Fact]
    public void A_conditional_on_an_unknown_condition_is_unknown()
    {
        Assert.IsType<TfUnknown>(Evaluate(If(Ref("var.unset"), Str("alias/aws/rds"), Str("alias/app"))));
    }

    [Fact]
    public void A_conditional_whose_branches_both_stand_for_the_same_key_keeps_that_origin()
    {
        var value = Evaluate(If(Ref("var.unset"), Ref("aws_kms_key.k.arn"), Ref("aws_kms_key.k.key_id")));

        Assert.Equal("aws_kms_key.k", Assert.IsType<TfUnknown>(value).Origin?.Address);
    }

    [Fact]
    public void A_single_interpolation_yields_the_value_itself()
    {
        Equal(TfValue.True, Evaluate(Template(Ref("var.enabled"))));
        Assert.Equal("aws_kms_key.k", Assert.IsType<TfUnknown>(Evaluate(Template(Ref("aws_kms_key.k.arn")))).Origin?.Address);
    }

    [Fact]
    public void A_template_with_text_makes_a_string_or_an_unknown()
    {
        Equal(S("graph-db-1"), Evaluate(Template(Ref("var.name"), "-db-", Lit(1))));
        Assert.IsType<TfUnknown>(Evaluate(Template("arn:", Ref("var.unset"))));
    }

    [Fact]
    public void Interpolating_null_is_an_error()
    {
        Assert.Throws<EvaluationException>(() => Evaluate(Template("x", Lit(null))));
    }

    [Fact]
    public void Attribute_and_index_access_read_maps_and_lists()
    {
        Equal(S("alias/aws/rds"), Evaluate(Ref("local.keys.rds")));
        Equal(S("alias/aws/rds"), Evaluate(Ref("local.keys[\"rds\"]")));
        Equal(S("b"), Evaluate(Ref("local.list[1]")));
    }

    [Fact]
    public void Access_into_an_unknown_is_unknown_and_narrows_its_origin_to_the_attribute()
    {
        var value = Assert.IsType<TfUnknown>(Evaluate(Ref("aws_kms_key.k.arn")));

        Assert.Equal(new ValueOrigin("aws_kms_key.k", "arn"), value.Origin);
    }

    [Fact]
    public void A_missing_attribute_or_an_index_out_of_range_is_an_error()
    {
        Assert.Throws<EvaluationException>(() => Evaluate(Ref("local.keys.s3")));
        Assert.Throws<EvaluationException>(() => Evaluate(Ref("local.list[2]")));
    }

    [Fact]
    public void A_for_expression_builds_tuples_and_objects()
    {
        Equal(List(S("A")), Evaluate(ForTuple("x", Ref("local.list"), Call("upper", Ref("x")), Binary(BinaryOperator.Equal, Ref("x"), Str("a")))));
        Equal(Map(("a", S("a")), ("b", S("b"))), Evaluate(ForObject("i", "x", Ref("local.list"), Ref("x"), Ref("x"))));
    }

    [Fact]
    public void A_grouping_for_expression_collects_values_under_duplicate_keys()
    {
        Equal(Map(("k", List(S("a"), S("b")))), Evaluate(ForObject("i", "x", Ref("local.list"), Str("k"), Ref("x"), grouping: true)));
        Assert.Throws<EvaluationException>(() => Evaluate(ForObject("i", "x", Ref("local.list"), Str("k"), Ref("x"))));
    }

    [Fact]
    public void A_for_expression_over_an_unknown_is_unknown()
    {
        Assert.IsType<TfUnknown>(Evaluate(ForTuple("x", Ref("var.unset"), Ref("x"))));
    }

    [Fact]
    public void A_splat_applies_its_steps_to_every_element()
    {
        var list = new TupleExpr([Object(("id", Str("a"))), Object(("id", Str("b")))], At);

        Equal(List(S("a"), S("b")), Evaluate(new SplatExpr(list, [new GetAttrStep("id", At)], true, At)));
        Equal(List(), Evaluate(new SplatExpr(Lit(null), [], true, At)));
    }

    [Fact]
    public void Try_returns_the_first_alternative_that_evaluates()
    {
        Equal(S("fallback"), Evaluate(Call("try", Ref("local.keys.s3"), Str("fallback"))));
        Assert.Throws<EvaluationException>(() => Evaluate(Call("try", Ref("local.keys.s3"))));
    }

    [Fact]
    public void Try_keeps_an_unknown_key_arn_with_its_origin()
    {
        var value = Evaluate(Call("try", Ref("aws_kms_key.k.arn"), Lit(null)));

        Assert.Equal("aws_kms_key.k", Assert.IsType<TfUnknown>(value).Origin?.Address);
    }

    [Fact]
    public void Can_says_whether_an_expression_evaluates()
    {
        Equal(TfValue.True, Evaluate(Call("can", Ref("local.keys.rds"))));
        Equal(TfValue.False, Evaluate(Call("can", Ref("local.keys.s3"))));
        Assert.IsType<TfUnknown>(Evaluate(Call("can", Ref("var.unset"))));
    }

    [Fact]
    public void An_unknown_function_is_an_error_naming_it()
    {
        var error = Assert.Throws<EvaluationException>(() => Evaluate(Call("nosuchfunction", Lit(1))));

        Assert.Contains("nosuchfunction", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expanding_the_final_argument_spreads_a_list()
    {
        var call = new FunctionCallExpr("max", [Tuple(Lit(1), Lit(4), Lit(2))], true, At);

        Equal(N(4), Evaluate(call));
    }

    [Fact]
    public void Duplicate_object_keys_are_an_error()
    {
        Assert.Throws<EvaluationException>(() => Evaluate(Object(("a", Lit(1)), ("a", Lit(2)))));
    }
}
