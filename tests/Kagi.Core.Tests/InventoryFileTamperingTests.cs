using System.Text.Json.Nodes;
using Kagi.Core.Model;
using Kagi.Rules;
using static Kagi.Testing.SavedInventories;

namespace Kagi.Core.Tests;

/// <summary>
/// A saved inventory is input like any other: a tampered one is refused, or one resource is left out, with the JSON path
/// of the problem, and never crashes the reader. A resource that does not read is left out with an error diagnostic
/// while the others are still judged; the frame of the file (version, source, targets, unread scopes, diagnostics)
/// must read whole, because without it the scan's coverage and exit code would be guesses.
/// </summary>
public sealed class InventoryFileTamperingTests
{
    [Fact]
    public void Given_a_null_resource_when_read_then_only_that_resource_is_left_out_with_its_path()
    {
        var read = ReadTampered(root => root["resources"]![1] = null);

        AssertLeftOut(read, "$.resources[1]: expected an object, found null", ClusterId, KeyId);
    }

    [Fact]
    public void Given_an_unknown_key_manager_when_read_then_the_key_is_left_out_and_stands_as_unread()
    {
        var read = ReadTampered(root => root["resources"]![2]!["manager"] = new JsonObject { ["value"] = "Root" });

        AssertLeftOut(read, "$.resources[2].manager.value: 'Root' is not one of Aws, Customer", ClusterId, SnapshotId);

        // Its identity reads, so it is an unread scope: ERROR results, and its region does not count as covered
        var unread = Assert.Single(read.Inventory.Unscanned);
        Assert.Equal((KmsKey.Descriptor.Type, KeyId, "111122223333", "eu-west-1"), (unread.ResourceType, unread.ResourceId, unread.Account, unread.Region));
    }

    [Fact]
    public void Given_a_key_manager_written_as_a_number_when_read_then_it_is_refused_as_an_unknown_name()
    {
        var read = ReadTampered(root => root["resources"]![2]!["manager"] = new JsonObject { ["value"] = "1" });

        AssertLeftOut(read, "$.resources[2].manager.value: '1' is not one of Aws, Customer", ClusterId, SnapshotId);
    }

    [Fact]
    public void Given_a_cluster_without_its_key_when_read_then_the_cluster_is_left_out_naming_the_missing_key()
    {
        var read = ReadTampered(root => root["resources"]![0]!.AsObject().Remove("key"));

        AssertLeftOut(read, "$.resources[0].key: missing", SnapshotId, KeyId);
    }

    [Fact]
    public void Given_a_fact_whose_value_is_null_when_read_then_the_resource_is_left_out_naming_the_value()
    {
        var read = ReadTampered(root => root["resources"]![0]!["name"] = new JsonObject { ["value"] = null });

        AssertLeftOut(read, "$.resources[0].name.value: expected a string, found null", SnapshotId, KeyId);
    }

    [Fact]
    public void Given_a_whole_number_written_as_text_when_read_then_the_resource_is_left_out_naming_the_wrong_type()
    {
        var read = ReadTampered(root => root["resources"]![0]!["backupRetentionPeriod"] = new JsonObject { ["value"] = "7" });

        AssertLeftOut(read, "$.resources[0].backupRetentionPeriod.value: expected a whole number, found a string", SnapshotId, KeyId);
    }

    [Fact]
    public void Given_a_number_beyond_an_int_when_read_then_the_resource_is_left_out_naming_the_number()
    {
        var read = ReadTampered(root => root["resources"]![0]!["backupRetentionPeriod"] = new JsonObject { ["value"] = JsonNode.Parse("1e308") });

        AssertLeftOut(read, "$.resources[0].backupRetentionPeriod.value: 1e308 is not a whole number Kagi reads", SnapshotId, KeyId);
    }

    [Fact]
    public void Given_an_unknown_resource_type_when_read_then_that_resource_is_left_out()
    {
        var read = ReadTampered(root => root["resources"]![1]!["type"] = "AWS::GameLift::Fleet");

        AssertLeftOut(read, "$.resources[1].type: unknown resource type 'AWS::GameLift::Fleet'", ClusterId, KeyId);
    }

    [Fact]
    public void Given_a_key_named_twice_in_a_resource_when_read_then_that_resource_is_left_out_naming_the_key()
    {
        // Which of the two values would count is a guess: the second "storageEncrypted" could hide the first
        var json = Saved().Replace("\"storageEncrypted\": {", "\"storageEncrypted\": {\"value\": true}, \"storageEncrypted\": {", StringComparison.Ordinal);

        var read = InventoryFile.Read(json, KindCatalog.Kinds, "inventory.json");

        Assert.Equal(
            ["$.resources[0].storageEncrypted: the key appears twice", "$.resources[1].storageEncrypted: the key appears twice"],
            read.Inventory.Diagnostics.Select(diagnostic => diagnostic.Message[(diagnostic.Message.IndexOf('$', StringComparison.Ordinal))..]));
        Assert.Equal([KeyId], read.Inventory.Resources.Select(resource => resource.Id));
    }

    [Theory]
    [InlineData("duplicate version", "$.kagiInventory: the key appears twice")]
    [InlineData("resources not an array", "$.resources: expected an array, found an object")]
    [InlineData("unknown diagnostic severity", "$.diagnostics[0].severity: 'Fatal' is not one of Warning, Error")]
    [InlineData("null target", "$.targets[0]: expected a string, found null")]
    [InlineData("unread scope without a reason", "$.unscanned[0].reason: missing")]
    [InlineData("source a number", "$.source: expected a string, found a number")]
    [InlineData("not an object", "$: expected an object, found an array")]
    public void Given_a_tampered_frame_when_read_then_the_whole_file_is_refused_naming_the_json_path(string form, string expected)
    {
        var json = form switch
        {
            "duplicate version" => Saved().Replace("\"kagiInventory\": \"1\",", "\"kagiInventory\": \"1\", \"kagiInventory\": \"1\",", StringComparison.Ordinal),
            "resources not an array" => Tampered(root => root["resources"] = new JsonObject()),
            "unknown diagnostic severity" => Tampered(root => root["diagnostics"] = new JsonArray(new JsonObject { ["severity"] = "Fatal", ["message"] = "m" })),
            "null target" => Tampered(root => root["targets"] = new JsonArray((JsonNode?)null)),
            "unread scope without a reason" => Tampered(root => root["unscanned"] = new JsonArray(new JsonObject
            {
                ["resourceType"] = KmsKey.Descriptor.Type,
                ["resourceId"] = "*",
                ["account"] = "1",
                ["region"] = "r",
                ["service"] = "kms",
                ["call"] = "ListKeys",
            })),
            "source a number" => Tampered(root => root["source"] = 7),
            _ => "[]",
        };

        var refusal = Assert.Throws<InvalidDataException>(() => InventoryFile.Read(json, KindCatalog.Kinds, "inventory.json"));

        Assert.Equal(expected, refusal.Message);
    }

    [Fact]
    public void Given_an_untampered_file_when_read_then_nothing_is_left_out()
    {
        var read = InventoryFile.Read(Saved(), KindCatalog.Kinds, "inventory.json");

        Assert.Empty(read.Inventory.Diagnostics);
        Assert.Equal([ClusterId, SnapshotId, KeyId], read.Inventory.Resources.Select(resource => resource.Id));
    }

    private static void AssertLeftOut(SavedInventory read, string problem, params string[] stillRead)
    {
        var diagnostic = Assert.Single(read.Inventory.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal($"a resource of the saved inventory does not read and was left out: {problem}", diagnostic.Message);
        Assert.Equal(new SourceLocation("inventory.json", 1), diagnostic.Location);
        Assert.Equal(stillRead, read.Inventory.Resources.Select(resource => resource.Id));
    }

    private static SavedInventory ReadTampered(Action<JsonNode> tamper) => InventoryFile.Read(Tampered(tamper), KindCatalog.Kinds, "inventory.json");
}
