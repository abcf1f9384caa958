using Kagi.Terraform.Evaluation;
using Kagi.Terraform.Functions;
using Kagi.Terraform.Tests.Support;
using Kagi.Terraform.Values;
using static Kagi.Terraform.Tests.Support.V;

namespace Kagi.Terraform.Tests;

public sealed class FunctionTests
{
    private static TfValue Call(string name, params TfValue[] arguments) => CallIn(".", name, arguments);

    private static TfValue CallIn(string directory, string name, params TfValue[] arguments)
    {
        Assert.True(FunctionTable.TryGet(name, out var function), $"{name} is not a known function");
        return function.Invoke(name, arguments, FakeResolver.Evaluator(directory: directory));
    }

    [Fact]
    public void Jsonencode_writes_keys_in_lexical_order_and_numbers_without_trailing_zeros()
    {
        // Given an object as a key policy is written
        var policy = Map(("Version", S("2012-10-17")), ("Action", List(S("kms:*"))), ("Weight", N(1.50m)));

        // When it is encoded / Then the JSON is Terraform's
        Equal(S("""{"Action":["kms:*"],"Version":"2012-10-17","Weight":1.5}"""), Call("jsonencode", policy));
    }

    [Fact]
    public void Jsonencode_of_a_value_holding_an_unknown_is_unknown()
    {
        var principal = Map(("AWS", Unknown("data.aws_caller_identity.current", "account_id")));

        Assert.IsType<TfUnknown>(Call("jsonencode", principal));
    }

    [Fact]
    public void Jsondecode_reads_objects_lists_numbers_and_null()
    {
        Equal(Map(("a", List(N(1), TfValue.True, TfValue.Null))), Call("jsondecode", S("""{"a":[1,true,null]}""")));
    }

    [Fact]
    public void Jsondecode_of_invalid_json_is_an_error_that_does_not_quote_the_text()
    {
        var error = Assert.Throws<EvaluationException>(() => Call("jsondecode", S("{\"secret\": ")));

        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_lets_later_maps_win_and_skips_null()
    {
        Equal(Map(("a", N(1)), ("b", N(3))), Call("merge", Map(("a", N(1)), ("b", N(2))), TfValue.Null, Map(("b", N(3)))));
    }

    [Fact]
    public void Merge_keeps_unknown_values_inside_a_known_result()
    {
        var merged = Assert.IsType<TfObject>(Call("merge", Map(("key", Unknown("aws_kms_key.k", "arn")))));

        Assert.IsType<TfUnknown>(merged.Attributes["key"]);
    }

    [Fact]
    public void Lookup_returns_the_element_or_the_default()
    {
        var map = Map(("rds", S("alias/aws/rds")));

        Equal(S("alias/aws/rds"), Call("lookup", map, S("rds")));
        Equal(S("none"), Call("lookup", map, S("s3"), S("none")));
        Assert.Throws<EvaluationException>(() => Call("lookup", map, S("s3")));
    }

    [Fact]
    public void Concat_element_contains_and_length_work_on_lists()
    {
        var list = Call("concat", List(S("a")), List(S("b"), S("c")));

        Equal(List(S("a"), S("b"), S("c")), list);
        Equal(S("a"), Call("element", list, N(3)));
        Equal(TfValue.True, Call("contains", list, S("b")));
        Equal(N(3), Call("length", list));
        Equal(N(5), Call("length", S("neptu")));
    }

    [Fact]
    public void Length_of_a_list_of_unknowns_is_known()
    {
        Equal(N(2), Call("length", List(Unknown(), Unknown())));
    }

    [Fact]
    public void Format_supports_the_common_verbs()
    {
        Equal(S("neptune-01 is 5% of 3.50 true \"q\""), Call("format", S("%s-%02d is %d%% of %.2f %t %q"), S("neptune"), N(1), N(5), N(3.5m), TfValue.True, S("q")));
    }

    [Fact]
    public void Format_with_too_few_arguments_is_an_error()
    {
        Assert.Throws<EvaluationException>(() => Call("format", S("%s and %s"), S("one")));
    }

    [Fact]
    public void Join_split_lower_upper_and_trimspace_work_on_strings()
    {
        Equal(S("a,b"), Call("join", S(","), List(S("a"), S("b"))));
        Equal(List(S("a"), S("b")), Call("split", S(","), S("a,b")));
        Equal(S("kms"), Call("lower", S("KMS")));
        Equal(S("KMS"), Call("upper", S("kms")));
        Equal(S("x"), Call("trimspace", S("  x\n")));
    }

    [Fact]
    public void Replace_takes_a_plain_string_or_a_regular_expression_between_slashes()
    {
        Equal(S("alias/app-key"), Call("replace", S("alias/app_key"), S("_"), S("-")));
        Equal(S("key-1"), Call("replace", S("key-0001"), S("/0+(\\d)/"), S("$1")));
    }

    [Fact]
    public void Substr_counts_from_the_end_for_negative_offsets_and_to_the_end_for_length_minus_one()
    {
        Equal(S("rds"), Call("substr", S("alias/aws/rds"), N(-3), N(-1)));
        Equal(S("alias"), Call("substr", S("alias/aws/rds"), N(0), N(5)));
    }

    [Fact]
    public void Startswith_and_endswith_compare_exactly()
    {
        Equal(TfValue.True, Call("startswith", S("alias/aws/rds"), S("alias/aws/")));
        Equal(TfValue.False, Call("endswith", S("alias/aws/rds"), S("RDS")));
    }

    [Fact]
    public void Coalesce_skips_null_and_empty_strings()
    {
        Equal(S("alias/app"), Call("coalesce", TfValue.Null, S(""), S("alias/app")));
        Assert.Throws<EvaluationException>(() => Call("coalesce", TfValue.Null));
    }

    [Fact]
    public void Coalesce_returns_an_unknown_key_arn_with_its_origin()
    {
        var result = Assert.IsType<TfUnknown>(Call("coalesce", TfValue.Null, Unknown("aws_kms_key.k", "arn")));

        Assert.Equal("aws_kms_key.k", result.Origin?.Address);
    }

    [Fact]
    public void Keys_and_values_come_in_key_order()
    {
        var map = Map(("b", N(2)), ("a", N(1)));

        Equal(List(S("a"), S("b")), Call("keys", map));
        Equal(List(N(1), N(2)), Call("values", map));
    }

    [Fact]
    public void Conversions_change_the_type_or_fail_with_a_message()
    {
        Equal(S("5"), Call("tostring", N(5)));
        Equal(N(5), Call("tonumber", S("5")));
        Equal(TfValue.Null, Call("tostring", TfValue.Null));
        Equal(List(S("a"), S("b")), Call("toset", List(S("b"), S("a"), S("b"))));
        Assert.Equal(SequenceKind.List, Assert.IsType<TfSequence>(Call("tolist", List(S("a")))).Kind);
        Equal(Map(("a", N(1))), Call("tomap", Map(("a", N(1)))));
        Assert.Throws<EvaluationException>(() => Call("tonumber", S("five")));
    }

    [Fact]
    public void Flatten_distinct_and_compact_tidy_lists()
    {
        Equal(List(S("a"), S("b"), S("c")), Call("flatten", List(S("a"), List(S("b"), List(S("c"))))));
        Equal(List(S("a"), S("b")), Call("distinct", List(S("a"), S("b"), S("a"))));
        Equal(List(S("a")), Call("compact", List(S("a"), S(""), TfValue.Null)));
    }

    [Fact]
    public void Numeric_functions_work_on_decimals()
    {
        Equal(N(1), Call("min", N(3), N(1), N(2)));
        Equal(N(3), Call("max", N(3), N(1), N(2)));
        Equal(N(2.5m), Call("abs", N(-2.5m)));
        Equal(N(3), Call("ceil", N(2.1m)));
        Equal(N(2), Call("floor", N(2.9m)));
    }

    [Fact]
    public void Encoding_and_hash_functions_match_their_definitions()
    {
        Equal(S("aGVsbG8="), Call("base64encode", S("hello")));
        Equal(S("5d41402abc4b2a76b9719d911017c592"), Call("md5", S("hello")));
        Equal(S("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"), Call("sha256", S("hello")));
    }

    [Fact]
    public void File_reads_relative_to_the_module_directory()
    {
        // Given a module directory with a policy file
        using var directory = new TempDirectory();
        directory.Write("policy.json", "{}");

        // When file() reads it by a relative path / Then its content comes back
        Equal(S("{}"), CallIn(directory.Path, "file", S("./policy.json")));
        Assert.Throws<EvaluationException>(() => CallIn(directory.Path, "file", S("missing.json")));
    }

    [Fact]
    public void One_slice_range_zipmap_reverse_sort_and_index_work_on_lists()
    {
        Equal(TfValue.Null, Call("one", List()));
        Equal(S("a"), Call("one", List(S("a"))));
        Assert.Throws<EvaluationException>(() => Call("one", List(S("a"), S("b"))));
        Equal(List(S("b")), Call("slice", List(S("a"), S("b"), S("c")), N(1), N(2)));
        Equal(List(N(0), N(1), N(2)), Call("range", N(3)));
        Equal(List(N(5), N(3)), Call("range", N(5), N(1), N(-2)));
        Equal(Map(("a", N(1))), Call("zipmap", List(S("a")), List(N(1))));
        Equal(List(S("b"), S("a")), Call("reverse", List(S("a"), S("b"))));
        Equal(List(S("a"), S("b")), Call("sort", List(S("b"), S("a"))));
        Equal(N(1), Call("index", List(S("a"), S("b")), S("b")));
    }

    [Fact]
    public void Set_and_boolean_list_functions_work()
    {
        Equal(List(S("a"), S("b")), Call("setunion", List(S("b")), List(S("a"), S("b"))));
        Equal(List(S("b")), Call("setintersection", List(S("a"), S("b")), List(S("b"))));
        Equal(List(S("x")), Call("coalescelist", List(), List(S("x"))));
        Equal(TfValue.True, Call("alltrue", List(TfValue.True, S("true"))));
        Equal(TfValue.False, Call("anytrue", List()));
    }

    [Fact]
    public void More_string_functions_work()
    {
        Equal(S("rds"), Call("trimprefix", S("alias/aws/rds"), S("alias/aws/")));
        Equal(S("alias"), Call("trimsuffix", S("alias/"), S("/")));
        Equal(S("key"), Call("trim", S("**key*"), S("*")));
        Equal(S("x"), Call("chomp", S("x\r\n")));
        Equal(S("Neptune Graph"), Call("title", S("neptune graph")));
        Equal(S("cba"), Call("strrev", S("abc")));
        Equal(TfValue.True, Call("strcontains", S("alias/aws/rds"), S("/aws/")));
        Equal(S("policy.json"), Call("basename", S("files/policy.json")));
        Equal(S("files"), Call("dirname", S("files/policy.json")));
    }

    [Fact]
    public void More_numeric_and_encoding_functions_work()
    {
        Equal(N(6), Call("sum", List(N(1), N(2), N(3))));
        Equal(N(-1), Call("signum", N(-4)));
        Equal(N(8), Call("pow", N(2), N(3)));
        Equal(TfValue.True, Call("tobool", S("true")));
        Equal(S("hello"), Call("base64decode", S("aGVsbG8=")));
        Equal(S("aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d"), Call("sha1", S("hello")));
        Equal(S("x"), Call("sensitive", S("x")));
    }

    [Fact]
    public void Fileexists_looks_relative_to_the_module_directory()
    {
        using var directory = new TempDirectory();
        directory.Write("ca.pem", "cert");

        Equal(TfValue.True, CallIn(directory.Path, "fileexists", S("ca.pem")));
        Equal(TfValue.False, CallIn(directory.Path, "fileexists", S("other.pem")));
    }

    [Fact]
    public void A_terraform_function_kagi_does_not_compute_is_unknown_not_an_error()
    {
        // Given valid Terraform calling functions Kagi does not evaluate
        var evaluator = FakeResolver.Evaluator();

        // When they are evaluated / Then they are unknown, with a reason
        foreach (var name in new[] { "cidrsubnet", "timestamp", "provider::aws::arn_parse" })
        {
            var value = evaluator.Evaluate(new Kagi.Hcl.Syntax.FunctionCallExpr(name, [Support.Hcl.Str("10.0.0.0/16")], false, Support.Hcl.At), Scope.Empty);
            Assert.Contains("not evaluated", Assert.IsType<TfUnknown>(value).Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_wrong_number_of_arguments_is_an_error_naming_the_function()
    {
        var error = Assert.Throws<EvaluationException>(() => Call("upper"));

        Assert.Contains("upper()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_argument_type_is_an_error_not_a_crash()
    {
        Assert.Throws<EvaluationException>(() => Call("upper", List(S("a"))));
        Assert.Throws<EvaluationException>(() => Call("element", List(), N(0)));
        Assert.Throws<EvaluationException>(() => Call("replace", S("a"), S("/[/"), S("b")));
    }

    [Fact]
    public void Functions_that_only_pick_elements_keep_the_one_resource_their_unknowns_stand_for()
    {
        // Given the Terraform 0.11 idiom element(concat(aws_kms_key.k.*.arn, [""]), 0)
        var arns = Unknown("aws_kms_key.k", "arn");

        // When it is evaluated / Then the result still stands for the key
        var picked = Assert.IsType<TfUnknown>(Call("element", Call("concat", arns, List(S(""))), N(0)));
        Assert.Equal("aws_kms_key.k", picked.Origin?.Address);
        Assert.Equal("aws_kms_key.k", Assert.IsType<TfUnknown>(Call("join", S(""), arns)).Origin?.Address);
    }

    [Fact]
    public void Functions_that_compute_new_values_or_mix_resources_drop_the_origin()
    {
        Assert.Null(Assert.IsType<TfUnknown>(Call("upper", Unknown("aws_kms_key.k", "arn"))).Origin);
        Assert.Null(Assert.IsType<TfUnknown>(Call("join", S(""), List(Unknown("aws_kms_key.a", "arn"), Unknown("aws_kms_key.b", "arn")))).Origin);
    }

    [Fact]
    public void Any_function_of_an_unknown_argument_is_unknown()
    {
        Assert.IsType<TfUnknown>(Call("upper", Unknown("aws_kms_key.k", "arn")));
        Assert.IsType<TfUnknown>(Call("format", S("%s"), Unknown()));
    }
}
