namespace Kagi.Cli.Tests;

public sealed class RulesCommandTests
{
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
}
