using System.Text.RegularExpressions;
using Kagi.Core.Rules;
using Kagi.Rules.Aws.Neptune.Clusters;
using Kagi.Testing;

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
            texts.AddRange(metadata.Messages.Values.SelectMany(message => message.All));
            texts.AddRange(metadata.Remediation.ByMedium.Values.SelectMany(v => v.Variants.Values));
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

    [Fact]
    public void Every_rule_of_the_neptune_and_kms_pack_exists_under_its_fixed_id()
    {
        string[] ids =
        [
            "neptune-cluster-key-usable", "kms-key-rotation-enabled", "kms-key-policy-not-public", "neptune-cluster-audit-logs",
            "neptune-snapshot-not-public", "neptune-cluster-deletion-protection", "neptune-cluster-backup-retention",
            "neptune-snapshot-encrypted", "neptune-cluster-iam-auth", "neptune-cluster-copy-tags-to-snapshot", "neptune-cluster-multi-az",
        ];
        Assert.All(ids, id => Assert.NotNull(RuleCatalog.Find(id)));
    }

    [Fact]
    public void A_rule_that_took_over_another_is_found_by_its_previous_id()
    {
        Assert.Equal("kms-key-in-use-usable", RuleCatalog.Find("neptune-cluster-key-usable")!.Metadata.Id);
        Assert.Null(RuleCatalog.Find("neptune-cluster-key-usable-typo"));
    }

    [Fact]
    public void Every_rule_has_every_required_remediation_medium_in_every_variant_it_names()
    {
        foreach (var metadata in RuleCatalog.All.Select(entry => entry.Metadata))
        {
            Assert.All(RemediationMedium.Required, medium => Assert.Contains(medium, metadata.Remediation.Media));
            var media = metadata.Remediation.ByMedium.Values.ToList();
            Assert.All(media, medium => Assert.Contains(VariantText.DefaultVariant, medium.Variants.Keys));

            // A variant a rule selects for one medium must not silently fall back to the default text in another; a
            // CloudFormation variant named after a type the kind is also declared as is chosen by that type, for that medium only.
            var variants = media.SelectMany(medium => medium.Variants.Keys).Distinct().Where(variant => !Remediation.NamesType(variant)).ToList();
            Assert.All(variants, variant => Assert.True(
                media.Count(medium => medium.Variants.ContainsKey(variant)) >= 2,
                $"{metadata.Id}: variant '{variant}' appears in only one remediation medium"));
        }
    }

    [Fact]
    public void Every_security_hub_equivalent_is_also_a_compliance_mapping()
    {
        foreach (var metadata in RuleCatalog.All.Select(entry => entry.Metadata))
        {
            var controls = metadata.Equivalents.Where(e => e.Tool == "aws-security-hub").Select(e => e.Id);
            Assert.All(controls, control => Assert.Contains(new ComplianceMapping("aws-security-hub", control), metadata.Compliance));
            Assert.All(metadata.Compliance, mapping => Assert.Contains(mapping.Framework, ComplianceMapping.Frameworks));
        }
    }

    [Fact]
    public void Every_key_rule_says_of_each_peer_whether_it_asks_kms_who_manages_the_key()
    {
        // The README's rule table tells users which peers' CMK checks pass on any key at all; that comes from here.
        var keyRules = RuleCatalog.All.Where(entry => entry.Metadata.Id.EndsWith("-cmk-encryption", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(keyRules);
        foreach (var metadata in keyRules.Select(entry => entry.Metadata))
        {
            Assert.All(metadata.Equivalents, peer => Assert.True(peer.ChecksKeyManager.HasValue, $"{metadata.Id}: say whether {peer.Tool} {peer.Id} asks KMS who manages the key (keyManager: true|false)"));
        }
    }

    [Fact]
    public void A_key_manager_flag_that_is_not_a_boolean_is_rejected_naming_the_field()
    {
        var yaml = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Kagi.Rules", "Aws", "Neptune", "Clusters", "NeptuneClusterCmkEncryption.rule.yaml"))
            .Replace("keyManager: false", "keyManager: maybe", StringComparison.Ordinal);
        var error = Assert.Throws<InvalidOperationException>(() => RuleMetadataReader.Read(yaml, "test.rule.yaml", NeptuneCluster.Descriptor.Type));
        Assert.Contains("'keyManager' must be true or false", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_without_a_compliance_list_is_rejected_naming_the_field()
    {
        var yaml = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Kagi.Rules", "Aws", "Neptune", "Clusters", "NeptuneClusterDeletionProtection.rule.yaml"));
        var withoutCompliance = yaml[..yaml.IndexOf("compliance:", StringComparison.Ordinal)];
        var error = Assert.Throws<InvalidOperationException>(() => RuleMetadataReader.Read(withoutCompliance, "x.rule.yaml", NeptuneCluster.Descriptor.Type));
        Assert.Contains("'compliance' is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_compliance_framework_is_rejected()
    {
        var yaml = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Kagi.Rules", "Aws", "Neptune", "Clusters", "NeptuneClusterDeletionProtection.rule.yaml"))
            .Replace("framework: nist-800-53-r5", "framework: nist-800-53", StringComparison.Ordinal);
        var error = Assert.Throws<InvalidOperationException>(() => RuleMetadataReader.Read(yaml, "x.rule.yaml", NeptuneCluster.Descriptor.Type));
        Assert.Contains("'nist-800-53'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  aws-cli:\n", "  powershell:\n", "remediation 'powershell' is not one of console, aws-cli, terraform")]
    [InlineData("  aws-cli:\n", "  cli:\n", "remediation 'cli' is not one of console, aws-cli, terraform")]
    [InlineData("    terraform:\n      en:", "    pulumi:\n      en:", "message 'fail' has 'pulumi', which is neither en, ja nor a source")]
    public void Metadata_naming_a_medium_or_source_kagi_does_not_know_is_rejected(string written, string misspelt, string error)
    {
        // Kagi could not escape values for an unknown medium, nor tell when an unknown source's text applies.
        var yaml = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Kagi.Rules", "Aws", "Neptune", "Clusters", "NeptuneClusterDeletionProtection.rule.yaml"));
        Assert.Contains(written, yaml, StringComparison.Ordinal);

        var thrown = Assert.Throws<InvalidOperationException>(() => RuleMetadataReader.Read(ReplaceFirst(yaml, written, misspelt), "x.rule.yaml", NeptuneCluster.Descriptor.Type));

        Assert.Contains(error, thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_without_a_required_medium_is_rejected_naming_it()
    {
        var yaml = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Kagi.Rules", "Aws", "Neptune", "Clusters", "NeptuneClusterDeletionProtection.rule.yaml"));
        var start = yaml.IndexOf("  terraform:\n    default:", StringComparison.Ordinal);
        var withoutTerraform = yaml[..start] + yaml[yaml.IndexOf("equivalents:", start, StringComparison.Ordinal)..];

        var thrown = Assert.Throws<InvalidOperationException>(() => RuleMetadataReader.Read(withoutTerraform, "x.rule.yaml", NeptuneCluster.Descriptor.Type));

        Assert.Contains("remediation 'terraform' is missing", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Japanese_rule_texts_keep_no_english_sentence()
    {
        // Identifiers, commands and code may stay in English; a run of four or more English words outside them may not.
        foreach (var metadata in RuleCatalog.All.Select(entry => entry.Metadata))
        {
            var prose = new List<string> { metadata.Title.Ja, metadata.Risk.Ja };
            prose.AddRange(metadata.Messages.Values.SelectMany(message => message.All).Select(text => text.Ja));
            prose.AddRange(metadata.Remediation.For(RemediationMedium.Console).Variants.Values.Select(text => text.Ja));
            Assert.All(prose, text => Assert.DoesNotMatch(EnglishSentence(), text));
        }
    }

    private static string ReplaceFirst(string text, string old, string replacement)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + old.Length));
    }

    [GeneratedRegex(@"(?<![-\w./:""'{])(?:[A-Za-z]+ ){3,}[A-Za-z]+(?![-\w./:""'}])")]
    private static partial Regex EnglishSentence();

    [GeneratedRegex(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]")]
    private static partial Regex Japanese();
}
