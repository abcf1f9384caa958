using System.Text.Json;
using Kagi.Testing;

namespace Kagi.Cli.Tests;

/// <summary><c>kagi keys</c>: every key a scan saw, with what it protects, in each format and language.</summary>
public sealed class KeysCommandTests
{
    private static readonly string Examples = RepoPaths.Examples;

    [Fact]
    public void The_json_key_inventory_counts_the_data_on_each_key_aws_managed_ones_included()
    {
        // When the examples' keys are listed as JSON
        var (exitCode, output, _) = Kagi.Run("keys", "--iac", Examples, "--format", "json");

        // Then aws/rds in eu-west-1 protects the two clusters that name no key or its alias, and the HSM key its one cluster
        Assert.Equal(ExitCodes.Clean, exitCode);
        using var json = JsonDocument.Parse(output);
        var keys = json.RootElement.GetProperty("keys").EnumerateArray().ToList();
        var awsRds = keys.Single(key => key.GetProperty("key").GetString() == "alias/aws/rds" && key.GetProperty("region").GetString() == "eu-west-1");
        Assert.Equal("aws-managed", awsRds.GetProperty("level").GetString());
        Assert.Equal(2, awsRds.GetProperty("dependents").GetProperty("count").GetInt32());
        Assert.Equal(
            ["aws_neptune_cluster.fraud", "aws_neptune_cluster.orders"],
            awsRds.GetProperty("dependents").GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("id").GetString()).Order());
        var hsm = keys.Single(key => key.GetProperty("key").GetString() == "aws_kms_key.hsm");
        Assert.Equal("hsm", hsm.GetProperty("level").GetString());
        Assert.Equal(["alias/neptune-hsm"], hsm.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(1, hsm.GetProperty("dependents").GetProperty("byKind").GetProperty("AWS::Neptune::DBCluster").GetInt32());
    }

    [Fact]
    public void Show_lists_every_dependent_of_a_key_named_by_alias()
    {
        var (exitCode, output, _) = Kagi.Run("keys", "show", "alias/neptune-hsm", "--iac", Examples);

        Assert.Equal(ExitCodes.Clean, exitCode);
        Assert.Contains("aws_kms_key.hsm", output, StringComparison.Ordinal);
        Assert.Contains("AWS::Neptune::DBCluster", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_store_keeps_each_scans_keys_and_tells_the_same_inventory_as_the_scan_itself()
    {
        // Given the examples scanned into a store, and then the estate folder scanned into it as its own scope
        var folder = Directory.CreateTempSubdirectory("kagi-keys-store-").FullName;
        var store = Path.Combine(folder, "kagi.db");
        var estate = Path.Combine(Examples, "estate");
        Assert.Equal(ExitCodes.Failing, Kagi.Run("scan", "iac", Examples, "--store", store, "--format", "json", "--output", Path.Combine(folder, "a.json")).ExitCode);
        Assert.Equal(ExitCodes.Failing, Kagi.Run("scan", "iac", estate, "--store", store, "--format", "json", "--output", Path.Combine(folder, "b.json")).ExitCode);

        // When the keys are read from the store
        var (exitCode, stored, _) = Kagi.Run("keys", "--store", store, "--format", "json");

        // Then they are every key of both scopes' latest scans, each row as the scan of that folder tells it
        Assert.Equal(ExitCodes.Clean, exitCode);
        var expected = Rows(Kagi.Run("keys", "--iac", Examples, "--format", "json").Output)
            .Concat(Rows(Kagi.Run("keys", "--iac", estate, "--format", "json").Output))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, Rows(stored).Order(StringComparer.Ordinal));
        var show = Kagi.Run("keys", "show", "alias/neptune-hsm", "--store", store);
        Assert.Contains("aws_neptune_cluster.", show.Output, StringComparison.Ordinal);

        static IEnumerable<string> Rows(string json) =>
            JsonDocument.Parse(json).RootElement.GetProperty("keys").EnumerateArray().Select(row => row.GetRawText()).ToList();
    }

    [Fact]
    public void A_stored_key_row_that_cannot_be_read_is_an_error_naming_the_key_and_scan_not_a_crash()
    {
        var store = Path.Combine(Directory.CreateTempSubdirectory("kagi-keys-corrupt-").FullName, "kagi.db");
        Kagi.Run("scan", "iac", Path.Combine(Examples, "estate"), "--store", store, "--format", "json", "--output", store + ".json");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={store};Pooling=False"))
        {
            connection.Open();
            using var corrupt = connection.CreateCommand();
            corrupt.CommandText = "UPDATE scan_keys SET detail = '{\"key\": 1' WHERE seq = 0";
            Assert.Equal(1, corrupt.ExecuteNonQuery());
        }

        var (exitCode, output, error) = Kagi.Run("keys", "--store", store);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Empty(output);
        Assert.Matches("kagi: error: the key .+ of scan #1 is unreadable in the store", error);
    }

    [Theory]
    [InlineData("keys", "show", "alias/nothing-like-it", "--iac", "EXAMPLES")]
    [InlineData("keys")]
    [InlineData("keys", "--iac", "EXAMPLES", "--inventory", "inventory.json")]
    [InlineData("keys", "--iac", "EXAMPLES", "--store")]
    public void A_key_not_in_the_scan_or_no_single_source_is_a_usage_error_that_says_what_to_do(params string[] args)
    {
        var (exitCode, output, error) = Kagi.Run([.. args.Select(arg => arg == "EXAMPLES" ? Examples : arg)]);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Empty(output);
        Assert.Matches("kagi keys|--inventory FILE", error);
    }

    [Fact]
    public void In_japanese_the_table_has_no_english_words_of_its_own()
    {
        var (_, output, _) = Kagi.Run("keys", "--iac", Examples, "--lang", "ja");

        Assert.Contains("保護対象", output, StringComparison.Ordinal);
        Assert.DoesNotContain("yes", output, StringComparison.Ordinal);
        Assert.DoesNotContain("protects", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hostile_alias_is_inert_in_markdown_and_on_the_terminal()
    {
        // Given a key whose alias carries markup and a terminal escape
        var folder = Directory.CreateTempSubdirectory("kagi-keys-");
        File.WriteAllText(Path.Combine(folder.FullName, "main.tf"), """
            resource "aws_kms_key" "app" {}

            resource "aws_kms_alias" "app" {
              name          = "alias/<img src=x onerror=alert(1)>\u001b[31m"
              target_key_id = aws_kms_key.app.key_id
            }

            resource "aws_neptune_cluster" "graph" {
              storage_encrypted = true
              kms_key_arn       = aws_kms_key.app.arn
            }
            """);

        // Then neither the Markdown nor the table carries it live
        var markdown = Kagi.Run("keys", "--iac", folder.FullName, "--format", "md").Output;
        var table = Kagi.Run("keys", "--iac", folder.FullName).Output;
        folder.Delete(recursive: true);
        Assert.Contains("&lt;img", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", table, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", markdown, StringComparison.Ordinal);
    }
}
