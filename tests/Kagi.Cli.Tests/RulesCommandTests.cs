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
}
