namespace Kagi.Cli.Tests;

/// <summary><c>--max-instances</c> and the other evaluation limits of <c>kagi scan iac</c>.</summary>
public sealed class EvaluationLimitOptionTests
{
    private const string Rule = "neptune-cluster-storage-encrypted";

    private static string Counted(int count)
    {
        var directory = Directory.CreateTempSubdirectory("kagi-limits-");
        File.WriteAllText(Path.Combine(directory.FullName, "main.tf"), $$"""
            resource "aws_neptune_cluster" "graph" {
              count             = {{count}}
              storage_encrypted = true
            }
            """);
        return directory.FullName;
    }

    [Fact]
    public void Given_a_lower_max_instances_when_a_count_passes_it_then_the_resource_is_judged_once_and_the_limit_is_named()
    {
        // Given a cluster counted 5 times, scanned with --max-instances 3
        var (exitCode, output, _) = Kagi.Run("scan", "iac", Counted(5), "--rules", Rule, "--max-instances", "3");

        // Then it is judged once, under its plain address, and the warning names the option
        Assert.Equal(0, exitCode);
        Assert.Contains("--max-instances", output, StringComparison.Ordinal);
        Assert.Contains("aws_neptune_cluster.graph", output, StringComparison.Ordinal);
        Assert.DoesNotContain("aws_neptune_cluster.graph[0]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_the_default_limits_when_a_count_is_within_them_then_every_instance_is_judged()
    {
        var (_, output, _) = Kagi.Run("scan", "iac", Counted(5), "--format", "json", "--rules", Rule);

        Assert.Equal(5, ScanIacCommandTests.Verdicts(output, Rule).Count);
    }

    [Theory]
    [InlineData("--max-instances", "0")]
    [InlineData("--max-string-length", "-1")]
    [InlineData("--regex-timeout", "0")]
    [InlineData("--max-evaluation-steps", "0")]
    public void Given_a_limit_that_is_not_positive_then_it_is_bad_usage(string option, string value)
    {
        var (exitCode, _, error) = Kagi.Run("scan", "iac", Counted(1), option, value);

        Assert.Equal(2, exitCode);
        Assert.Contains($"{option} must be a positive whole number", error, StringComparison.Ordinal);
    }
}
