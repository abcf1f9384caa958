using System.Text.RegularExpressions;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Rules.Tests.Texts;

/// <summary>
/// A live finding speaks the words of the AWS console and APIs: none of the texts it shows (title, risk, its
/// messages, its console and CLI fixes, in every language) quotes a snake_case argument that the rule's Terraform
/// mapper reads. Only a message's terraform text and the Terraform fix may. A CloudFormation finding's messages are
/// held to the same.
/// </summary>
public sealed partial class LiveTextTests
{
    [Fact]
    public void No_live_text_of_a_rule_quotes_an_argument_its_terraform_mapper_reads()
    {
        var mappers = TerraformArguments.ByMapper();
        var quoted = new List<string>();
        foreach (var entry in RuleCatalog.All)
        {
            var judged = JudgedType(entry.Rule);
            var arguments = mappers.Where(mapper => judged.IsInstanceOfType(mapper.Mapped))
                .SelectMany(mapper => mapper.Arguments).Where(argument => argument.Contains('_', StringComparison.Ordinal)).ToHashSet();
            Assert.True(arguments.Count > 0, $"{entry.Metadata.Id}: no Terraform mapper makes a {judged.Name} or reads a snake_case argument");
            quoted.AddRange(
                from text in LiveTexts(entry.Metadata)
                from argument in arguments
                where Regex.IsMatch(text.Text, $@"(?<![A-Za-z0-9_]){Regex.Escape(argument)}(?![A-Za-z0-9_])")
                select $"{entry.Metadata.Id} {text.Where} quotes {argument}");
        }

        Assert.True(quoted.Count == 0, string.Join("\n", quoted));
    }

    [Fact]
    public void The_arguments_are_learnt_from_each_mapper_on_both_sides_of_its_branches()
    {
        var byType = TerraformArguments.ByMapper().ToDictionary(mapper => mapper.TerraformType, mapper => mapper.Arguments);

        // A setting read unconditionally, and one read only when the key is in a custom key store
        Assert.Contains("enable_key_rotation", byType["aws_kms_key"]);
        Assert.Contains("xks_key_id", byType["aws_kms_key"]);
        Assert.Contains("kms_key_arn", byType["aws_neptune_cluster"]);
    }

    [Fact]
    public void A_live_message_is_the_neutral_text_and_a_terraform_message_may_say_more()
    {
        var fail = RuleCatalog.Find("kms-key-rotation-enabled")!.Metadata.Messages["fail"];

        Assert.Same(fail.Neutral, fail.For(ResourceSources.Live));
        Assert.Contains("enable_key_rotation", fail.For(ResourceSources.Terraform).En, StringComparison.Ordinal);
        Assert.Contains("enable_key_rotation", fail.For(ResourceSources.Terraform).Ja, StringComparison.Ordinal);
    }

    private static IEnumerable<(string Where, string Text)> LiveTexts(RuleMetadata rule)
    {
        var texts = new List<(string, LocalizedText)> { ("title", rule.Title), ("risk", rule.Risk) };
        texts.AddRange(rule.Messages.Select(message => ($"messages.{message.Key}", message.Value.For(ResourceSources.Live))));
        texts.AddRange(rule.Messages.Select(message => ($"messages.{message.Key}.cloudformation", message.Value.For(ResourceSources.CloudFormation))));
        texts.AddRange(
            from medium in rule.Remediation.Media.Where(medium => medium.Source == ResourceSources.Live)
            from variant in rule.Remediation.For(medium).Variants
            select ($"remediation.{medium}.{variant.Key}", variant.Value));
        return texts.SelectMany(text => new[] { ($"{text.Item1}.en", text.Item2.En), ($"{text.Item1}.ja", text.Item2.Ja) });
    }

    // Rule<NeptuneCluster> → NeptuneCluster
    private static Type JudgedType(IRule rule)
    {
        for (var type = rule.GetType(); type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Rule<>))
            {
                return type.GetGenericArguments()[0];
            }
        }

        throw new InvalidOperationException($"{rule.Id} is not a Rule<T>");
    }
}
