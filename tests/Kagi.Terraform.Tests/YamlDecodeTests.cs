using System.Globalization;
using System.Text;
using Kagi.Terraform.Evaluation;
using Kagi.Terraform.Functions;
using Kagi.Terraform.Tests.Support;
using Kagi.Terraform.Values;
using Xunit.Abstractions;
using static Kagi.Terraform.Tests.Support.V;

namespace Kagi.Terraform.Tests;

/// <summary><c>yamldecode</c> against Terraform itself: generated documents, decoded by both, compared as JSON.</summary>
public sealed class YamlDecodeTests(ITestOutputHelper output)
{
    private const int Cases = 400;

    private static readonly string[] Scalars =
    [
        "yes", "No", "ON", "off", "y", "N", "true", "False", "null", "~", "Null", "0x1F", "0o17", "0o8", "010", "+12", "-7",
        "-0x1", "1_000", "1.", ".5", "-.5", "1.5e3", "1e3", "2001-12-14", "2001-12-14T21:59:43.10-05:00", "2001-12-14t21:59:43Z",
        "2001-12-14 21:59:43.10", "2001-2-3", "2001-13-01", "12:30", "0b101", "hello", "hello world", "-.Inf", "'quoted 1'",
        "\"true\"", "\"0x1F\"", "!!str 12", "!!int \"12\"", "!!float 1", "!!bool yes", "!!null x", "!!binary aGk=", "!!int 0x10",
        "!!str true", "plain-with-dash", "'it''s'", "\"tab\\there\"", "kms:Decrypt", "arn:aws:kms:ap-northeast-1:111122223333:key/1",
    ];

    private static readonly string[] Keys = ["a", "b", "y", "n", "on", "1", "0x10", "\"quoted\"", "1.5e3", "true", "key with space", "2001-12-14", "Effect"];

    [Fact]
    public void Generated_documents_decode_as_terraform_decodes_them()
    {
        // Given seeded YAML documents mixing YAML 1.1 scalars, tags, flow and block collections, anchors and merges
        var random = new Random(16);
        var documents = Enumerable.Range(0, Cases).Select(_ => Document(random)).ToList();

        // When Terraform and Kagi decode each
        var expected = TerraformOracle.EvaluateAsJson([.. documents.Select(d => $"yamldecode({HclQuoted(d)})")]);
        var (agreed, unknown, disagreements) = (0, 0, new List<string>());
        for (var i = 0; i < documents.Count; i++)
        {
            var actual = Kagi(documents[i]);
            if (actual is null)
            {
                unknown++;
            }
            else if (actual == expected[i])
            {
                agreed++;
            }
            else
            {
                disagreements.Add($"--- case {i}\n{documents[i]}\nterraform: {expected[i]}\nkagi:      {actual}");
            }
        }

        // Then they agree on every one; a value Kagi cannot hold (an infinity) may only be unknown
        var errors = expected.Count(e => e == TerraformOracle.Error);
        output.WriteLine($"yamldecode: {documents.Count} generated documents, {agreed} agree with Terraform ({errors} of them errors in both), {unknown} unknown to Kagi (infinities)");
        output.WriteLine($"e.g. {documents[1]} → {expected[1]}");
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements.Take(10)));
        Assert.True(agreed - errors > Cases * 3 / 4, $"only {agreed - errors} of {Cases} cases were compared on a value");
    }

    [Fact]
    public void Nested_aliases_cannot_expand_past_the_collection_limit()
    {
        var bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (var level = 'b'; level <= 'k'; level++)
        {
            var previous = (char)(level - 1);
            bomb.Append(CultureInfo.InvariantCulture, $"{level}: &{level} [*{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}]\n");
        }

        Assert.Throws<LimitExceededException>(() => Call(bomb.ToString()));
    }

    [Fact]
    public void Deep_nesting_is_a_limit_not_a_crashed_process()
    {
        Assert.Throws<LimitExceededException>(() => Call(new string('[', 100_000)));
    }

    [Fact]
    public void An_error_names_the_line_and_never_quotes_the_text()
    {
        var error = Assert.Throws<EvaluationException>(() => Call("password: s3cr3t-value\n  bad: [\n"));

        Assert.DoesNotContain("s3cr3t", error.Message, StringComparison.Ordinal);
        Assert.Contains("line", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_are_scalars_read_as_strings_as_in_terraform()
    {
        Equal(Map(("true", S("x")), ("false", TfValue.Null), ("1500", N(1))), Call("y: x\nn:\n1.5e3: 1\n"));
    }

    private static TfValue Call(string text)
    {
        Assert.True(FunctionTable.TryGet("yamldecode", out var function));
        return function.Invoke("yamldecode", [S(text)], FakeResolver.Evaluator());
    }

    // Kagi's answer as Terraform's jsonencode would write it; null when the value holds an unknown.
    private static string? Kagi(string document)
    {
        try
        {
            var value = Call(document);
            return ValueOps.ContainsUnknown(value) ? null : JsonValues.ToJson(value);
        }
        catch (EvaluationException)
        {
            return TerraformOracle.Error;
        }
    }

    private static string Document(Random random)
    {
        var text = new StringBuilder();
        var anchors = new List<string>();
        var entries = random.Next(1, 5);
        for (var i = 0; i < entries; i++)
        {
            var key = Keys[random.Next(Keys.Length)];
            switch (random.Next(8))
            {
                case 0:
                    text.Append(CultureInfo.InvariantCulture, $"{key}: [{string.Join(", ", Enumerable.Range(0, random.Next(4)).Select(_ => Scalar(random)))}]\n");
                    break;
                case 1:
                    text.Append(CultureInfo.InvariantCulture, $"{key}:\n  - {Scalar(random)}\n  - {Scalar(random)}\n");
                    break;
                case 2:
                    var anchor = $"r{anchors.Count}";
                    anchors.Add(anchor);
                    text.Append(CultureInfo.InvariantCulture, $"{key}: &{anchor}\n  {Keys[random.Next(Keys.Length)]}: {Scalar(random)}\n  c: {Scalar(random)}\n");
                    break;
                case 3 when anchors.Count > 0:
                    text.Append(CultureInfo.InvariantCulture, $"{key}: *{anchors[random.Next(anchors.Count)]}\n");
                    break;
                case 4 when anchors.Count > 0:
                    text.Append(CultureInfo.InvariantCulture, $"<<: *{anchors[random.Next(anchors.Count)]}\n");
                    break;
                case 5:
                    text.Append(CultureInfo.InvariantCulture, $"{key}: {(random.Next(2) == 0 ? "|" : ">")}\n  line {Scalar(random)}\n  {Scalar(random)}\n");
                    break;
                case 6:
                    text.Append(CultureInfo.InvariantCulture, $"{key}: {{x: {Scalar(random)}, {Keys[random.Next(Keys.Length)]}: {Scalar(random)}}}\n");
                    break;
                default:
                    text.Append(CultureInfo.InvariantCulture, $"{key}: {Scalar(random)}\n");
                    break;
            }
        }

        // Now and then a bare scalar or sequence as the whole document.
        return random.Next(10) switch
        {
            0 => Scalar(random),
            1 => $"- {Scalar(random)}\n- {Scalar(random)}\n",
            _ => text.ToString(),
        };
    }

    private static string Scalar(Random random) => Scalars[random.Next(Scalars.Length)];

    private static string HclQuoted(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
            .Replace("${", "$${", StringComparison.Ordinal).Replace("%{", "%%{", StringComparison.Ordinal) + "\"";
}
