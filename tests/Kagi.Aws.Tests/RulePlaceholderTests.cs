using System.Text.RegularExpressions;
using Kagi.Aws.Tests.Fake;
using Kagi.CloudFormation;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules;
using Kagi.Rules.Aws.Neptune.Clusters;
using Kagi.Rules.Aws.Neptune.ClusterSnapshots;
using Kagi.Terraform;
using Kagi.Testing;

namespace Kagi.Aws.Tests;

/// <summary>
/// Every <c>{{placeholder}}</c> in every rule text (each message in every source's wording, each remediation medium and
/// variant, en and ja) is filled when that text is shown: it is the resource's identity, or evidence that the rule was
/// seen to emit for the results that show the text. What rules emit is learnt by judging, with every rule, the
/// Terraform fixtures, the examples, the fake account's live resources and the few live states none of those reaches;
/// a text that none of them shows is reported too, since its placeholders could not be checked.
/// </summary>
public sealed partial class RulePlaceholderTests(FakeAccountScan scan) : IClassFixture<FakeAccountScan>
{
    [Fact]
    public void Every_placeholder_of_every_rule_text_is_the_identity_or_evidence_the_rule_emits_for_it()
    {
        var findings = Judged();
        var problems = new List<string>();
        foreach (var rule in RuleCatalog.All.Select(entry => entry.Metadata))
        {
            var own = findings.Where(finding => finding.Rule.Id == rule.Id).ToList();
            foreach (var (key, message) in rule.Messages)
            {
                var showing = own.Where(finding => finding.Result.MessageKey == key).ToList();
                var texts = new[] { ($"messages.{key}", message.Neutral) }
                    .Concat(message.BySource.Select(source => ($"messages.{key}.{source.Key}", source.Value)));
                problems.AddRange(texts.SelectMany(text => Unfilled(rule.Id, text.Item1, text.Item2, showing)));
            }

            foreach (var medium in rule.Remediation.Media)
            {
                var variants = rule.Remediation.For(medium);
                foreach (var (variant, text) in variants.Variants)
                {
                    // A fix is shown for every result but a PASS, in the variant the result selects (for CloudFormation, the
                    // one its declared type may have) or else the default.
                    var showing = own.Where(finding => finding.Status != ResultStatus.Pass
                        && ReferenceEquals(variants.Get(rule.Remediation.VariantFor(medium, finding.Result.RemediationVariant, PatchTarget.Of(finding.Resource).Type)), text)).ToList();
                    problems.AddRange(Unfilled(rule.Id, $"remediation.{medium}.{variant}", text, showing));
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static IEnumerable<string> Unfilled(string ruleId, string where, LocalizedText text, List<Finding> showing)
    {
        if (showing.Count == 0)
        {
            yield return $"{ruleId} {where}: no fixture, example or live scenario gets this text, so its placeholders are unchecked";
            yield break;
        }

        var emitted = showing.SelectMany(finding => finding.Result.Evidence.Where(pair => !string.IsNullOrEmpty(pair.Value)).Select(pair => pair.Key))
            .ToHashSet(StringComparer.Ordinal);

        // A {{>part}} is filled by the rule's fix builder, which builds every part whatever the evidence holds.
        emitted.UnionWith(RuleCatalog.Find(ruleId)!.Metadata.FixBuilder is { } builder
            ? RemediationMedium.All.SelectMany(medium => builder.Build(medium, new Dictionary<string, string?>(), Language.En).Keys.Select(part => ">" + part))
            : []);
        foreach (var (language, template) in new[] { ("en", text.En), ("ja", text.Ja) })
        {
            foreach (var name in Placeholder().Matches(template).Select(match => match.Groups[1].Value).Distinct())
            {
                if (!Placeholders.IdentityKeys.Contains(name) && !emitted.Contains(name))
                {
                    yield return $"{ruleId} {where}.{language}: {{{{{name}}}}} is neither the resource's identity nor evidence the rule emits here ({string.Join(", ", emitted.Order(StringComparer.Ordinal))})";
                }
            }
        }
    }

    private List<Finding> Judged()
    {
        var fixtures = RepoPaths.Combine("tests", "Kagi.Rules.Tests", "Fixtures");
        var roots = Directory.GetDirectories(fixtures, "*", SearchOption.AllDirectories)
            .Where(directory => Directory.EnumerateFiles(directory, "*.tf*").Any())
            .Append(RepoPaths.Examples);
        var templates = new CloudFormationScanner(KindCatalog.CloudFormationMappers).Scan([fixtures]).Inventory;
        var inventories = roots.Select(root => new TerraformScanner(KindCatalog.TerraformMappers).Scan([root])).Append(templates).Append(scan.Result.Inventory).Append(Unreached());
        return [.. inventories.SelectMany(inventory => Scans.Judge(inventory))];
    }

    // Live states the fake account does not serve: a key in a disconnected custom key store, and a manual snapshot
    // whose restore attribute could not be read.
    private static Inventory Unreached()
    {
        const string Region = "eu-west-1";
        var keyArn = Scenarios.KeyArn(Region, 1);
        var key = new KmsKey
        {
            Id = keyArn,
            Name = Fact.Known("disconnected"),
            Region = Region,
            Account = Scenarios.Account,
            Arn = Fact.Known(keyArn),
            Manager = Fact.Known(KeyManager.Customer),
            InCustomKeyStore = Fact.Known(true),
            State = Fact.Known("Unavailable"),
        };
        var cluster = new NeptuneCluster
        {
            Id = $"arn:aws:rds:{Region}:{Scenarios.Account}:cluster:on-disconnected-key",
            Name = Fact.Known("on-disconnected-key"),
            Region = Region,
            Account = Scenarios.Account,
            StorageEncrypted = Fact.Known(true),
            KmsKeyId = Fact.Known<string?>(keyArn),
            Key = new KeyReference.Described(key),
        };
        var snapshot = new NeptuneClusterSnapshot
        {
            Id = $"arn:aws:rds:{Region}:{Scenarios.Account}:cluster-snapshot:attributes-denied",
            Name = Fact.Known("attributes-denied"),
            Region = Region,
            Account = Scenarios.Account,
            StorageEncrypted = Fact.Known(true),
            IsManual = Fact.Known(true),
            SharedWithAll = Fact.Unknown<bool>("DescribeDBClusterSnapshotAttributes was denied"),
        };
        return new Inventory([key, cluster, snapshot], []);
    }

    // Anything between double braces, so that a malformed name ({{key level}}, {{ keyLevel }}) is reported rather than printed as it is.
    [GeneratedRegex(@"\{\{(.*?)\}\}")]
    private static partial Regex Placeholder();
}
