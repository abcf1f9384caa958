using System.Text.Json;
using System.Text.Json.Nodes;
using static Kagi.Testing.SavedInventories;

namespace Kagi.Cli.Tests;

/// <summary>
/// <c>kagi scan inventory FILE</c> on a tampered file: exit 2 with the JSON path of the problem, never an unhandled
/// exception (which exited 1, as if findings had failed), and the resources that read are still judged.
/// </summary>
public sealed class ScanInventoryCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("kagi-inventory-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Given_a_key_with_an_unknown_manager_when_scanned_then_it_exits_2_naming_the_path_and_still_judges_the_cluster()
    {
        // Given a saved inventory whose key's manager was changed to a name Kagi does not know
        var path = Write(Tampered(root => root["resources"]![2]!["manager"] = new JsonObject { ["value"] = "Root" }));

        // When it is judged
        var (exitCode, output, error) = Kagi.Run("scan", "inventory", path, "--format", "json");

        // Then the exit code is 2, the path of the problem is named, the cluster is judged and the key stands as an ERROR
        Assert.Equal(2, exitCode);
        Assert.Contains("$.resources[2].manager.value: 'Root' is not one of Aws, Customer", error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(output);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Contains(findings, f => Resource(f) == ClusterId && f.GetProperty("ruleId").GetString() == "neptune-cluster-cmk-encryption" && Status(f) == "FAIL");
        Assert.Contains(findings, f => Resource(f) == KeyId && Status(f) == "ERROR");
    }

    [Fact]
    public void Given_a_duplicated_version_key_when_scanned_then_the_file_is_refused_with_exit_2_and_no_stack_trace()
    {
        var path = Write(Saved().Replace("\"kagiInventory\": \"1\",", "\"kagiInventory\": \"1\", \"kagiInventory\": \"1\",", StringComparison.Ordinal));

        var (exitCode, output, error) = Kagi.Run("scan", "inventory", path);

        Assert.Equal(2, exitCode);
        Assert.Equal($"kagi: cannot read inventory {path}: $.kagiInventory: the key appears twice", error.Trim());
        Assert.Empty(output);
    }

    [Fact]
    public void Given_control_characters_in_a_name_when_the_fix_is_printed_then_none_reaches_the_terminal_raw()
    {
        // Given a cluster whose identifier carries an OSC title sequence, a colour and a bell
        var path = Write(Tampered(root =>
        {
            root["resources"]![0]!["id"] = "arn:aws:rds:eu-west-1:111122223333:cluster:g\u001b]0;pwned\u0007\u001b[31m";
            root["resources"]![0]!["name"] = new JsonObject { ["value"] = "g\u001b]0;pwned\u0007\u202e" };
        }));

        // When the table and every fix are printed
        var table = Kagi.Run("scan", "inventory", path);
        var fix = Kagi.Run("scan", "inventory", path, "--fix", "all");

        // Then ESC, BEL and the bidi override are visible escapes, in the table, the prose and the pasted command alike
        foreach (var printed in new[] { table.Output, fix.Output })
        {
            Assert.DoesNotContain('\u001b', printed);
            Assert.DoesNotContain('\u0007', printed);
            Assert.DoesNotContain('\u202e', printed);
        }

        Assert.Contains("g\\x1b]0;pwned\\x07", table.Output, StringComparison.Ordinal);
        Assert.Contains("$'g\\x1b]0;pwned\\x07\\u202e'", fix.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_an_unwritable_report_path_when_scanned_then_the_other_report_is_written_and_it_exits_2()
    {
        var path = Write(Saved());
        var json = Path.Combine(_folder.FullName, "report.json");

        var (exitCode, _, error) = Kagi.Run("scan", "inventory", path, "--format", "sarif", "--output", _folder.FullName, "--format", "json", "--output", json);

        Assert.Equal(2, exitCode);
        Assert.Contains($"kagi: error: cannot write the sarif report to {_folder.FullName}", error, StringComparison.Ordinal);
        Assert.True(File.Exists(json));
    }

    private static string? Resource(JsonElement finding) => finding.GetProperty("resource").GetProperty("id").GetString();

    private static string? Status(JsonElement finding) => finding.GetProperty("status").GetString();

    private string Write(string json)
    {
        var path = Path.Combine(_folder.FullName, "inventory.json");
        File.WriteAllText(path, json);
        return path;
    }
}
