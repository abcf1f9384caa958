using System.Text.RegularExpressions;
using Kagi.Core.Rules;

namespace Kagi.Rules.Tests;

/// <summary>One rule, one place: ID, class name and metadata file agree, and the metadata is complete in both languages.</summary>
public sealed partial class RuleConventionTests
{
    [Fact]
    public void Every_rule_class_has_embedded_metadata_with_its_own_id()
    {
        var types = RuleCatalog.RuleTypes(typeof(RuleCatalog).Assembly).ToList();
        Assert.NotEmpty(types);
        Assert.Equal(types.Count, RuleCatalog.All.Count);
        foreach (var entry in RuleCatalog.All)
        {
            Assert.Equal(RuleIds.FromTypeName(entry.Rule.GetType().Name), entry.Metadata.Id);
            Assert.Equal(entry.Rule.Id, entry.Metadata.Id);
            var source = Path.Combine(RepoPaths.Root, "src", "Kagi.Rules", RuleCatalog.MetadataResourceName(entry.Rule.GetType()));
            Assert.True(File.Exists(source), $"{source} should sit beside its rule class");
        }
    }

    [Fact]
    public void Rule_ids_are_unique_and_kebab_case()
    {
        var ids = RuleCatalog.All.Select(entry => entry.Metadata.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)+$", id));
    }

    [Fact]
    public void The_two_encryption_rules_exist_under_their_fixed_ids()
    {
        Assert.NotNull(RuleCatalog.Find("neptune-cluster-storage-encrypted"));
        Assert.NotNull(RuleCatalog.Find("neptune-cluster-cmk-encryption"));
    }

    [Fact]
    public void Every_text_is_written_in_both_languages()
    {
        foreach (var metadata in RuleCatalog.All.Select(entry => entry.Metadata))
        {
            var texts = new List<LocalizedText> { metadata.Title, metadata.Risk };
            texts.AddRange(metadata.Messages.Values);
            texts.AddRange(new[] { metadata.Remediation.Console, metadata.Remediation.Cli, metadata.Remediation.Terraform }.SelectMany(v => v.Variants.Values));
            Assert.All(texts, text =>
            {
                Assert.False(string.IsNullOrWhiteSpace(text.En));
                Assert.Matches(Japanese(), text.Ja);
            });
            Assert.Contains("pass", metadata.Messages.Keys);
            Assert.Contains("fail", metadata.Messages.Keys);
            Assert.Contains("unknown", metadata.Messages.Keys);
            Assert.NotEmpty(metadata.Equivalents);
        }
    }

    [Fact]
    public void Remediation_says_the_key_of_an_existing_cluster_cannot_be_changed()
    {
        var risk = RuleCatalog.Find("neptune-cluster-cmk-encryption")!.Metadata.Risk;
        Assert.Contains("cannot be changed", risk.En, StringComparison.Ordinal);
        Assert.Contains("変更できない", risk.Ja, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]")]
    private static partial Regex Japanese();
}
