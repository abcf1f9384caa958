using System.Text.Json;

namespace Kagi.Cli.Tests;

/// <summary>
/// <c>--tag</c> and <c>--exclude-tag</c>: only matching resources are judged; keys are and-ed, values of one key or-ed;
/// a resource whose tags are unknown is judged all the same, with a warning naming it; bad syntax is bad usage.
/// </summary>
public sealed class TagFilterTests : IDisposable
{
    private const string Configuration = """
        provider "aws" { region = "eu-west-1" }
        resource "aws_kms_key" "k" {
          tags = { env = "prod" }
        }
        resource "aws_neptune_cluster" "team_a" {
          cluster_identifier = "team-a"
          tags               = { owner = "team-a", env = "prod" }
        }
        resource "aws_neptune_cluster" "team_b" {
          cluster_identifier = "team-b"
          tags               = { owner = "team-b", env = "dev" }
        }
        resource "aws_neptune_cluster" "untagged" {
          cluster_identifier = "untagged"
        }
        resource "aws_neptune_cluster" "computed" {
          cluster_identifier = "computed"
          tags               = { owner = aws_kms_key.k.key_id }
        }
        """;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("kagi-tags-");

    public TagFilterTests() => File.WriteAllText(Path.Combine(_folder.FullName, "main.tf"), Configuration);

    public void Dispose() => _folder.Delete(recursive: true);

    private (int ExitCode, HashSet<string> Judged, List<(string Severity, string Message)> Diagnostics) Scan(params string[] filter)
    {
        var (exitCode, output, error) = Kagi.Run(["scan", "iac", _folder.FullName, "--format", "json", "--rules", "neptune-cluster-storage-encrypted,kms-key-rotation-enabled", .. filter]);
        Assert.True(output.Length > 0, error);
        using var json = JsonDocument.Parse(output);
        var judged = json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(finding => finding.GetProperty("resource").GetProperty("id").GetString()!)
            .ToHashSet(StringComparer.Ordinal);
        var diagnostics = json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(diagnostic => (diagnostic.GetProperty("severity").GetString()!, diagnostic.GetProperty("message").GetString()!))
            .ToList();
        return (exitCode, judged, diagnostics);
    }

    [Fact]
    public void Without_a_filter_every_resource_is_judged_and_nothing_is_said_of_tags()
    {
        var (_, judged, diagnostics) = Scan();

        Assert.Equal(5, judged.Count);
        Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Message.Contains("tags", StringComparison.Ordinal));
    }

    [Fact]
    public void A_tag_judges_only_the_resources_holding_it_and_those_whose_tags_are_unknown_with_a_warning_naming_them()
    {
        var (exitCode, judged, diagnostics) = Scan("--tag", "owner=team-a");

        Assert.Equal(["aws_neptune_cluster.computed", "aws_neptune_cluster.team_a"], judged.Order(StringComparer.Ordinal));
        var warning = Assert.Single(diagnostics);
        Assert.Equal("warning", warning.Severity);
        Assert.Contains("aws_neptune_cluster.computed is judged although its tags are unknown", warning.Message, StringComparison.Ordinal);
        Assert.Contains("aws_kms_key.k.key_id", warning.Message, StringComparison.Ordinal);
        Assert.Equal(1, exitCode);
    }

    [Fact]
    public void One_key_given_twice_matches_either_value_and_different_keys_must_all_match()
    {
        var either = Scan("--tag", "owner=team-a", "--tag", "owner=team-b").Judged;
        var both = Scan("--tag", "owner=team-b", "--tag", "env=prod").Judged;
        var prod = Scan("--tag", "env=prod").Judged;

        Assert.Equal(["aws_neptune_cluster.computed", "aws_neptune_cluster.team_a", "aws_neptune_cluster.team_b"], either.Order(StringComparer.Ordinal));
        Assert.Equal(["aws_neptune_cluster.computed"], both);

        Assert.Equal(["aws_kms_key.k", "aws_neptune_cluster.computed", "aws_neptune_cluster.team_a"], prod.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_excluded_tag_leaves_its_resources_unjudged()
    {
        var judged = Scan("--exclude-tag", "owner=team-b", "--exclude-tag", "env=prod").Judged;

        Assert.Equal(["aws_neptune_cluster.computed", "aws_neptune_cluster.untagged"], judged.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("--tag", "owner")]
    [InlineData("--tag", "=team-a")]
    [InlineData("--exclude-tag", "env")]
    public void A_tag_that_is_not_key_equals_value_is_bad_usage(string option, string value)
    {
        var (exitCode, output, error) = Kagi.Run("scan", "iac", _folder.FullName, option, value);

        Assert.Equal(2, exitCode);
        Assert.Contains($"{option} takes KEY=VALUE (e.g. owner=team-a), not '{value}'", error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
    }
}
