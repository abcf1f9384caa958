using System.Text.Json;
using System.Text.RegularExpressions;
using Kagi.Core.Findings;
using Kagi.Core.Rules;
using Kagi.Rules;
using Kagi.Testing;

namespace Kagi.Cli.Tests;

/// <summary><c>kagi keys plan</c>: the fix of every resource one key protects, with the CMK to move to filled in.</summary>
public sealed partial class KeysPlanCommandTests
{
    private const string Target = "arn:aws:kms:eu-west-1:111122223333:key/0f1e2d3c-target";
    private static readonly string Examples = RepoPaths.Examples;

    [Fact]
    public void The_script_has_one_fix_per_dependent_of_aws_rds_in_the_targets_region_each_using_the_target()
    {
        // Given what aws/rds protects in the examples, where an eu-west-1 key can serve (eu-west-1, or a region not known)
        var expected = Dependents("alias/aws/rds", region => region is null or "eu-west-1");

        // When the plan moves aws/rds to the target CMK
        var (exitCode, output, _) = Kagi.Run("keys", "plan", "--from", "alias/aws/rds", "--to", Target, "--iac", Examples);

        // Then each of them gets its rule's fix once, in order, naming the target and creating no key of its own
        Assert.Equal(ExitCodes.Clean, exitCode);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(StringComparer.Ordinal), Headings(output).Select(heading => heading.Split(' ')[^1]).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Count, Regex.Count(output, $"^KEY_ARN={Regex.Escape(Target)}$", RegexOptions.Multiline));
        Assert.Contains($"= \"{Target}\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("create-key", output, StringComparison.Ordinal);
        Assert.DoesNotContain("resource \"aws_kms_key\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ap-northeast-1", output, StringComparison.Ordinal);

        // And the template's cluster is patched onto the target, without the key its own fix would add
        Assert.Contains("AWS::Neptune::DBCluster.GraphOnAwsKey", expected);
        Assert.Contains($"\n      KmsKeyId: \"{Target}\"\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Type: AWS::KMS::Key", output, StringComparison.Ordinal);
    }

    [Fact]
    public void With_an_output_dir_each_dependent_gets_its_own_file()
    {
        var expected = Dependents("alias/aws/rds", region => region is null or "eu-west-1");
        var folder = Directory.CreateTempSubdirectory("kagi-plan-");
        try
        {
            var (exitCode, output, _) = Kagi.Run("keys", "plan", "--from", "alias/aws/rds", "--to", Target, "--iac", Examples, "--output-dir", folder.FullName);

            Assert.Equal(ExitCodes.Clean, exitCode);
            Assert.Empty(output);
            var files = Directory.GetFiles(folder.FullName).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(expected.Count, files.Count);
            Assert.All(files, file => Assert.Contains($"KEY_ARN={Target}", File.ReadAllText(file), StringComparison.Ordinal));
            Assert.Equal(expected.Order(StringComparer.Ordinal), files.Select(file => File.ReadAllLines(file)[0].Split(' ')[^1]).Order(StringComparer.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_japanese_plan_has_no_english_prose()
    {
        var (exitCode, output, _) = Kagi.Run("keys", "plan", "--from", "alias/aws/rds", "--to", Target, "--iac", Examples, "--lang", "ja");

        Assert.Equal(ExitCodes.Clean, exitCode);
        Assert.Contains("移行計画", output, StringComparison.Ordinal);
        Assert.Contains($"使用するカスタマー管理キーは {Target} です", output, StringComparison.Ordinal);
        Assert.Empty(JapaneseOutput.EnglishLines(output, JapaneseOutput.RuleTexts()));
    }

    [Theory]
    [InlineData("en", "no key named alias/nothing-like-it")]
    [InlineData("ja", "alias/nothing-like-it という名前のキーはありません")]
    public void An_unknown_from_key_is_a_usage_error(string language, string message)
    {
        var (exitCode, output, error) = Kagi.Run("keys", "plan", "--from", "alias/nothing-like-it", "--to", Target, "--iac", Examples, "--lang", language);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Empty(output);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_with_no_copy_in_the_targets_region_and_account_is_a_usage_error()
    {
        var (exitCode, output, error) = Kagi.Run("keys", "plan", "--from", "aws_kms_key.hsm", "--to", "arn:aws:kms:sa-east-1:999999999999:key/elsewhere", "--iac", Examples);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Empty(output);
        Assert.Contains("a KMS key serves only its own account and region", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_cmk_rules_fix_is_rewritten_to_the_target_key_in_every_variant_and_language()
    {
        // The rewrite relies on every *-cmk-encryption rule creating its key the same way; a new rule must too.
        var rules = RuleCatalog.All.Select(entry => entry.Metadata).Where(rule => rule.Id.EndsWith("-cmk-encryption", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(rules);
        var problems = new List<string>();
        foreach (var rule in rules)
        {
            foreach (var medium in new[] { RemediationMedium.AwsCli, RemediationMedium.Terraform })
            {
                foreach (var (variant, text) in rule.Remediation.For(medium).Variants)
                {
                    foreach (var language in new[] { Language.En, Language.Ja })
                    {
                        var fix = TargetKeyFix.Apply(medium, text.Get(language), Target, "step");
                        var target = medium == RemediationMedium.AwsCli ? $"KEY_ARN={Target}" : $"\"{Target}\"";
                        if (!fix.Contains(target, StringComparison.Ordinal) || fix.Contains("create-key", StringComparison.Ordinal)
                            || fix.Contains("resource \"aws_kms_key\"", StringComparison.Ordinal) || fix.Contains("_cmk.arn", StringComparison.Ordinal))
                        {
                            problems.Add($"{rule.Id} {medium} {variant} {language}");
                        }
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, "fixes not rewritten to the target key: " + string.Join(", ", problems));
    }

    // The dependents of the keys so named, per `kagi keys --format json`, in the regions kept.
    private static List<string> Dependents(string key, Func<string?, bool> region)
    {
        using var json = JsonDocument.Parse(Kagi.Run("keys", "--iac", Examples, "--format", "json").Output);
        return [.. json.RootElement.GetProperty("keys").EnumerateArray()
            .Where(row => row.GetProperty("key").GetString() == key && region(row.GetProperty("region").GetString()))
            .SelectMany(row => row.GetProperty("dependents").GetProperty("resources").EnumerateArray())
            .Select(resource => resource.GetProperty("id").GetString()!)];
    }

    private static IEnumerable<string> Headings(string output) =>
        HeadingLine().Matches(output).Select(match => match.Groups[1].Value);

    [GeneratedRegex("^## (.*)$", RegexOptions.Multiline)]
    private static partial Regex HeadingLine();
}
