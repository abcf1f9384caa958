namespace Kagi.Cli.Tests;

public sealed class ScanIacVariablesTests
{
    private const string Rule = "neptune-cluster-storage-encrypted";

    private static DirectoryInfo Configuration()
    {
        var directory = Directory.CreateTempSubdirectory("kagi-vars-");
        File.WriteAllText(Path.Combine(directory.FullName, "main.tf"), """
            variable "encrypted" {
              type      = bool
              sensitive = true
            }

            resource "aws_neptune_cluster" "graph" {
              count             = 2
              storage_encrypted = var.encrypted
            }
            """);
        File.WriteAllText(Path.Combine(directory.FullName, "on.tfvars"), "encrypted = true\n");
        return directory;
    }

    [Theory]
    [InlineData("PASS", "--var", "encrypted=false", "--var-file", "on.tfvars")]
    [InlineData("FAIL", "--var-file", "on.tfvars", "--var", "encrypted=false")]
    public void The_later_of_var_and_var_file_decides_each_instances_verdict(string expected, params string[] variables)
    {
        // Given a counted cluster whose encryption comes from a variable
        var directory = Configuration();
        var args = variables.Select(v => v.EndsWith(".tfvars", StringComparison.Ordinal) ? Path.Combine(directory.FullName, v) : v);

        // When it is scanned with --var and --var-file in either order
        var (_, output, _) = Kagi.Run(["scan", "iac", directory.FullName, "--format", "json", .. args]);

        // Then both instances are judged with the value typed last
        var verdicts = ScanIacCommandTests.Verdicts(output, Rule);
        Assert.Equal(expected, verdicts["aws_neptune_cluster.graph[0]"]);
        Assert.Equal(expected, verdicts["aws_neptune_cluster.graph[1]"]);
    }

    [Fact]
    public void A_kagi_ignore_comment_with_a_reason_mutes_the_rule_for_that_resource()
    {
        var directory = Directory.CreateTempSubdirectory("kagi-ignore-");
        File.WriteAllText(Path.Combine(directory.FullName, "main.tf"), $$"""
            resource "aws_neptune_cluster" "muted" { # kagi:ignore {{Rule}} scratch cluster, no data
            }

            resource "aws_neptune_cluster" "reasonless" {
              # kagi:ignore {{Rule}}
            }
            """);

        var (_, output, error) = Kagi.Run("scan", "iac", directory.FullName, "--format", "json");

        var verdicts = ScanIacCommandTests.Verdicts(output, Rule);
        Assert.Equal("MUTED", verdicts["aws_neptune_cluster.muted"]);
        Assert.Equal("FAIL", verdicts["aws_neptune_cluster.reasonless"]);
        Assert.Contains("main.tf:5:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_terraform_and_a_missing_var_file_are_errors_not_a_clean_scan()
    {
        // Given an empty folder, and a --var-file that does not exist
        var empty = Directory.CreateTempSubdirectory("kagi-empty-");
        var missing = Path.Combine(empty.FullName, "absent.tfvars");

        // When each is scanned
        var (emptyExit, emptyOutput, _) = Kagi.Run("scan", "iac", empty.FullName);
        var (missingExit, missingOutput, _) = Kagi.Run("scan", "iac", Configuration().FullName, "--var-file", missing);

        // Then both exit 2, naming what is missing
        Assert.Equal(2, emptyExit);
        Assert.Contains($"{empty.FullName}:1:1: no Terraform configuration", emptyOutput, StringComparison.Ordinal);
        Assert.Equal(2, missingExit);
        Assert.Contains($"{missing}:1:1: the variables file given with --var-file does not exist", missingOutput, StringComparison.Ordinal);
    }
}
