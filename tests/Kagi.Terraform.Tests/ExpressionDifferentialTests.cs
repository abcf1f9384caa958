using System.Globalization;
using System.Text.Json;
using Kagi.Hcl;
using Kagi.Terraform.Evaluation;
using Kagi.Terraform.Tests.Support;
using Kagi.Terraform.Values;
using Kagi.Testing;
using Xunit.Abstractions;

namespace Kagi.Terraform.Tests;

/// <summary>
/// The evaluator against Terraform itself: seeded expressions — function calls with edge-case and wrong-typed
/// arguments, operators, conditionals, for-expressions, splats, templates, try and can — evaluated by both and
/// compared as JSON. A disagreement is a bug in Kagi (or, once understood, a case kept in <see cref="Known"/>).
/// </summary>
public sealed class ExpressionDifferentialTests(ITestOutputHelper output)
{
    private const int Cases = 4000;

    private static readonly string[] Values =
    [
        "0", "1", "-1", "1.5", "100", "0.1", "3", "\"\"", "\"a\"", "\"Hello World\"", "\"a,b,c\"", "\"日本\"", "\"  pad  \"",
        "\"x-y_z\"", "\"10\"", "\"true\"", "true", "false", "null", "[]", "[\"b\", \"a\", \"b\"]", "[1, 2, 3]", "[\"a\", 1]",
        "{}", "{ a = 1, b = 2 }", "{ b = \"x\", a = \"y\" }", "[[1, 2], [3]]", "[\"\", \"c\", null]", "{ a = [1], b = [2, 3] }",
    ];

    // Functions Kagi evaluates, with the number of arguments to give each.
    private static readonly (string Name, int Arguments)[] Functions =
    [
        ("length", 1), ("concat", 2), ("merge", 2), ("lookup", 3), ("element", 2), ("coalesce", 2), ("keys", 1), ("values", 1),
        ("tomap", 1), ("tolist", 1), ("toset", 1), ("contains", 2), ("flatten", 1), ("distinct", 1), ("one", 1), ("slice", 3),
        ("range", 2), ("zipmap", 2), ("reverse", 1), ("sort", 1), ("index", 2), ("coalescelist", 2), ("setunion", 2),
        ("setintersection", 2), ("alltrue", 1), ("anytrue", 1), ("compact", 1), ("jsonencode", 1), ("base64encode", 1),
        ("md5", 1), ("sha256", 1), ("min", 2), ("max", 2), ("abs", 1), ("ceil", 1), ("floor", 1), ("sum", 1), ("signum", 1),
        ("pow", 2), ("tobool", 1), ("tonumber", 1), ("join", 2), ("split", 2), ("lower", 1), ("upper", 1), ("trimspace", 1),
        ("startswith", 2), ("endswith", 2), ("replace", 3), ("substr", 3), ("trimprefix", 2), ("trimsuffix", 2), ("trim", 2),
        ("chomp", 1), ("title", 1), ("strrev", 1), ("strcontains", 2), ("basename", 1), ("dirname", 1), ("tostring", 1),
    ];

    /// <summary>Disagreements understood and accepted, with why. Each must still be generated: a stale entry fails.</summary>
    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["-0"] = "Terraform keeps the sign of a negative zero; Kagi's decimal numbers write 0, the same number",
        ["-try(0)"] = "Terraform keeps the sign of a negative zero; Kagi's decimal numbers write 0, the same number",
        ["can(\"  pad  \") ? true ? null : [\"b\", \"a\", \"b\"] : try(3)"] =
            "Terraform's null takes the type of the other branch (a tuple here), so the outer branches differ in type; Kagi's null has no type",
    };

    [Fact]
    public void Generated_expressions_evaluate_as_terraform_evaluates_them()
    {
        // Given seeded expressions
        var random = new Random(1611);
        var expressions = Enumerable.Range(0, Cases).Select(_ => Expression(random, depth: 0)).Distinct(StringComparer.Ordinal).ToList();

        // When Terraform and Kagi evaluate each
        var expected = TerraformOracle.EvaluateAsJson(expressions);
        var (agreed, values, unknown, disagreements) = (0, 0, 0, new List<string>());
        for (var i = 0; i < expressions.Count; i++)
        {
            var actual = Kagi(expressions[i]);
            if (actual is null)
            {
                unknown++;
            }
            else if (actual == expected[i] || Known.ContainsKey(expressions[i]))
            {
                agreed++;
                values += expected[i] == TerraformOracle.Error ? 0 : 1;
            }
            else
            {
                disagreements.Add($"{expressions[i]}\n  terraform: {expected[i]}\n  kagi:      {actual}");
            }
        }

        // Then they agree on every one that Kagi evaluates, but for the differences understood
        Assert.Empty(Known.Keys.Except(expressions, StringComparer.Ordinal));
        output.WriteLine($"expressions: {expressions.Count} generated, {agreed} agree with Terraform ({values} on a value), {unknown} unknown to Kagi, {disagreements.Count} disagree");
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} disagreements:\n" + string.Join("\n", disagreements.Take(25)));
        Assert.True(values > expressions.Count / 6, $"only {values} of {expressions.Count} cases were compared on a value");
    }

    public static TheoryData<string, string> RecordedCases()
    {
        using var file = File.OpenRead(RepoPaths.Combine("tests", "Kagi.Terraform.Tests", "Differential", "expressions.json"));
        using var document = JsonDocument.Parse(file);
        var cases = new TheoryData<string, string>();
        foreach (var item in document.RootElement.GetProperty("cases").EnumerateArray())
        {
            cases.Add(item.GetProperty("expression").GetString()!, item.GetProperty("terraform").GetString()!);
        }

        return cases;
    }

    /// <summary>Every disagreement once found, replayed against Terraform's recorded answer (no terraform needed).</summary>
    [Theory]
    [MemberData(nameof(RecordedCases))]
    public void A_disagreement_once_found_stays_fixed(string expression, string terraform)
    {
        Assert.Equal(terraform, Kagi(expression));
    }

    private static string? Kagi(string text)
    {
        try
        {
            var value = FakeResolver.Evaluator().Evaluate(HclParser.ParseExpression(text, "generated.tf"), Scope.Empty);
            return ValueOps.ContainsUnknown(value) ? null : JsonValues.ToJson(value);
        }
        catch (LimitExceededException)
        {
            return null;
        }
        catch (EvaluationException)
        {
            return TerraformOracle.Error;
        }
    }

    private static string Expression(Random random, int depth)
    {
        if (depth >= 2 || random.Next(4) == 0)
        {
            return Values[random.Next(Values.Length)];
        }

        string Inner() => Expression(random, depth + 1);
        return random.Next(12) switch
        {
            0 => $"{Inner()} {Pick(random, "+", "-", "*", "/", "%")} {Inner()}",
            1 => $"{Inner()} {Pick(random, "==", "!=", "<", ">=", "&&", "||")} {Inner()}",
            2 => $"{Inner()} ? {Inner()} : {Inner()}",
            3 => $"[for v in {Inner()} : {Pick(random, "v", "upper(v)", "v * 2", "tostring(v)", "length(v)")}]",
            4 => $"{{ for k, v in {Inner()} : {Pick(random, "k", "tostring(v)", "\"${k}-x\"")} => {Pick(random, "v", "k")} }}",
            5 => $"{Inner()}[*]",
            6 => $"\"pre-${{{Inner()}}}-post\"",
            7 => $"{Pick(random, "try", "can")}({Inner()})",
            8 => $"-{Inner()}",
            9 => $"!{Inner()}",
            _ => Call(random, depth),
        };
    }

    private static string Call(Random random, int depth)
    {
        var (name, count) = Functions[random.Next(Functions.Length)];
        var arguments = Enumerable.Range(0, count).Select(_ => Expression(random, depth + 1));
        return string.Create(CultureInfo.InvariantCulture, $"{name}({string.Join(", ", arguments)})");
    }

    private static string Pick(Random random, params string[] choices) => choices[random.Next(choices.Length)];
}
