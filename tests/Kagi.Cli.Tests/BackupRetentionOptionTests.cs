using Kagi.Testing;
namespace Kagi.Cli.Tests;

/// <summary><c>--min-backup-retention-days</c> sets the bar of neptune-cluster-backup-retention (default 7, as Security Hub).</summary>
public sealed class BackupRetentionOptionTests
{
    private static string Fixture => Path.Combine(RepoPaths.Root, "tests", "Kagi.Rules.Tests", "Fixtures", "neptune", "neptune-cluster-backup-retention");

    [Fact]
    public void Seven_days_pass_by_default()
    {
        var (_, output, _) = Kagi.Run("scan", "iac", Fixture, "--format", "json", "--no-store", "--rules", "neptune-cluster-backup-retention");

        var verdicts = ScanIacCommandTests.Verdicts(output, "neptune-cluster-backup-retention");
        Assert.Equal("PASS", verdicts["aws_neptune_cluster.pass_seven_days"]);
        Assert.Equal("PASS", verdicts["aws_neptune_cluster.pass_json_fourteen_days"]);
    }

    [Fact]
    public void A_higher_bar_fails_a_cluster_that_keeps_backups_seven_days()
    {
        var (exitCode, output, _) = Kagi.Run(
            "scan", "iac", Fixture, "--format", "json", "--no-store", "--rules", "neptune-cluster-backup-retention", "--min-backup-retention-days", "14");

        Assert.Equal(1, exitCode);
        var verdicts = ScanIacCommandTests.Verdicts(output, "neptune-cluster-backup-retention");
        Assert.Equal("FAIL", verdicts["aws_neptune_cluster.pass_seven_days"]);
        Assert.Equal("PASS", verdicts["aws_neptune_cluster.pass_json_fourteen_days"]);
        Assert.Equal("FAIL", verdicts["AWS::Neptune::DBCluster.PassSevenDays"]);
        Assert.Equal("PASS", verdicts["AWS::Neptune::DBCluster.PassThirtyFiveDaysFromMapping"]);
        Assert.Contains("at least 14 are required", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("36")]
    public void A_bar_outside_what_aws_allows_is_bad_usage(string days)
    {
        var (exitCode, _, error) = Kagi.Run("scan", "iac", Fixture, "--no-store", "--min-backup-retention-days", days);

        Assert.Equal(2, exitCode);
        Assert.Contains("between 1 and 35", error, StringComparison.Ordinal);
    }
}
