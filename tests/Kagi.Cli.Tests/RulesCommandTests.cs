using System.Text.RegularExpressions;
using Kagi.Core.Rules;
using Kagi.Rules;

namespace Kagi.Cli.Tests;

public sealed class RulesCommandTests
{
    // How a text cites a compliance framework: Kagi's names for those it knows, then some it has no name for (never mapped).
    private static readonly (string Framework, Regex Citation)[] Citations =
    [
        ("aws-security-hub", new Regex("Security Hub")),
        ("cis-aws-foundations", new Regex(@"\bCIS\b")),
        ("pci-dss-4.0", new Regex("PCI[ -]DSS")),
        ("iso-27001-2022", new Regex("ISO(/IEC)? ?27001")),
        ("nist-800-53-r5", new Regex("800-53")),
        ("fisc", new Regex("FISC|金融機関等コンピュータシステム")),
        ("ismap", new Regex("ISMAP")),
        ("hipaa", new Regex("HIPAA")),
        ("soc-2", new Regex("SOC ?2")),
        ("gdpr", new Regex("GDPR")),
        ("fedramp", new Regex("FedRAMP")),
    ];

    // Their risk texts are reworded with the Neptune migration work (issue 17), which owns these files; listed so that this
    // test fails, asking to shorten the list, as soon as one no longer cites an unmapped framework.
    [Fact]
    public void Rules_list_names_both_encryption_rules()
    {
        var (exitCode, output, _) = Kagi.Run("rules", "list");

        Assert.Equal(0, exitCode);
        Assert.Contains("neptune-cluster-storage-encrypted", output, StringComparison.Ordinal);
        Assert.Contains("neptune-cluster-cmk-encryption", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_show_prints_risk_remediation_and_equivalents_in_japanese()
    {
        var (exitCode, output, _) = Kagi.Run("rules", "show", "neptune-cluster-cmk-encryption", "--lang", "ja");

        Assert.Equal(0, exitCode);
        Assert.Contains("既存クラスターの暗号化キーは変更できない", output, StringComparison.Ordinal);
        Assert.Contains("-- AWS CLI (unencrypted)", output, StringComparison.Ordinal);
        Assert.Contains("CKV_AWS_347", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_show_of_an_unknown_rule_is_bad_usage()
    {
        var (exitCode, _, error) = Kagi.Run("rules", "show", "nope");

        Assert.Equal(2, exitCode);
        Assert.Contains("no such rule", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_list_by_service_keeps_only_that_service()
    {
        var (exitCode, output, _) = Kagi.Run("rules", "list", "--service", "kms");

        Assert.Equal(0, exitCode);
        Assert.Contains("kms-key-rotation-enabled", output, StringComparison.Ordinal);
        Assert.Contains("kms-key-policy-not-public", output, StringComparison.Ordinal);
        Assert.DoesNotContain("neptune-", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_list_by_severity_keeps_that_severity_and_above()
    {
        var (exitCode, output, _) = Kagi.Run("rules", "list", "--severity", "critical");

        Assert.Equal(0, exitCode);
        Assert.Contains("neptune-snapshot-not-public", output, StringComparison.Ordinal);
        Assert.DoesNotContain("neptune-cluster-copy-tags-to-snapshot", output, StringComparison.Ordinal);
        Assert.DoesNotContain(" high ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_list_by_framework_shows_the_mapped_controls()
    {
        var (exitCode, output, _) = Kagi.Run("rules", "list", "--framework", "cis-aws-foundations");

        Assert.Equal(0, exitCode);
        Assert.Contains("kms-key-rotation-enabled", output, StringComparison.Ordinal);
        Assert.Contains("cis-aws-foundations:3.6", output, StringComparison.Ordinal);
        Assert.DoesNotContain("neptune-cluster-multi-az", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_list_with_an_unknown_framework_is_bad_usage()
    {
        var (exitCode, _, _) = Kagi.Run("rules", "list", "--framework", "sox");

        Assert.Equal(2, exitCode);
    }

    [Fact]
    public void Rules_show_prints_the_compliance_mapping()
    {
        var (_, output, _) = Kagi.Run("rules", "show", "neptune-cluster-deletion-protection");

        Assert.Contains("Compliance: aws-security-hub Neptune.4", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_list_for_a_framework_no_rule_maps_says_so_and_names_those_mapped()
    {
        var mapped = MappedFrameworks();
        var unmapped = ComplianceMapping.Frameworks.Where(name => !mapped.Contains(name)).ToList();
        Assert.NotEmpty(unmapped);

        foreach (var framework in unmapped)
        {
            var (exitCode, output, error) = Kagi.Run("rules", "list", "--framework", framework);

            Assert.Equal(2, exitCode);
            Assert.Equal(string.Empty, output);
            Assert.Contains($"no rule is mapped to the framework '{framework}'", error, StringComparison.Ordinal);
            Assert.Contains(string.Join(", ", mapped.Order(StringComparer.Ordinal)), error, StringComparison.Ordinal);
        }

        var (_, _, japanese) = Kagi.Run("rules", "list", "--framework", unmapped[0], "--lang", "ja");
        Assert.Contains("対応付けられたルールはありません", japanese, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_list_help_offers_only_the_frameworks_rules_are_mapped_to()
    {
        var (_, help, _) = Kagi.Run("rules", "list", "--help");
        // Help wraps long descriptions: read it as one line.
        var offered = Regex.Match(Regex.Replace(help, @"\s+", " "), @"--framework[^(]*\(([^)]*)\)").Groups[1].Value.Split(", ");

        Assert.Equal(MappedFrameworks().Order(StringComparer.Ordinal), offered);
    }

    [Fact]
    public void Risk_texts_cite_only_frameworks_the_catalogue_maps()
    {
        var mapped = MappedFrameworks();
        var cited = RuleCatalog.All
            .SelectMany(entry => new[] { Language.En, Language.Ja }.Select(language => (Rule: entry.Metadata.Id, Text: entry.Metadata.Risk.Get(language))))
            .SelectMany(risk => Citations.Where(citation => !mapped.Contains(citation.Framework) && citation.Citation.IsMatch(risk.Text)).Select(citation => (risk.Rule, citation.Framework)))
            .ToList();

        Assert.Empty(cited);

        // The citations are recognised at all: texts do cite mapped frameworks.
        Assert.Contains(RuleCatalog.All, entry => Citations.Any(citation => mapped.Contains(citation.Framework) && citation.Citation.IsMatch(entry.Metadata.Risk.Get(Language.Ja))));
    }

    private static HashSet<string> MappedFrameworks() =>
        [.. RuleCatalog.All.SelectMany(entry => entry.Metadata.Compliance).Select(mapping => mapping.Framework)];
}
