using System.Text.Json.Nodes;
using Kagi.Core.Model;
using Kagi.Rules;
using Kagi.Rules.Aws.Neptune.Clusters;

namespace Kagi.Core.Tests;

/// <summary>The name an organization scan gives an account survives a saved inventory, and files saved without names still read.</summary>
public sealed class InventoryFileAccountNameTests
{
    private const string Account = "222233334444";

    [Fact]
    public void An_accounts_name_on_resources_and_unread_scopes_survives_a_round_trip()
    {
        // Given one account's inventory, a cluster read and a kind that could not be, named as the organization names the account
        var inventory = new Inventory([Cluster()], []) { Unscanned = [Unread()] }.InAccountNamed("prod <eu>");

        // When it is saved and read back
        var read = RoundTrip(inventory);

        // Then both carry the name, and an unread scope's stand-in resource (its ERROR findings) does too
        Assert.Equal("prod <eu>", Assert.Single(read.Resources).AccountName);
        var scope = Assert.Single(read.Unscanned);
        Assert.Equal("prod <eu>", scope.AccountName);
        Assert.Equal("prod <eu>", UnscannedResource.For(scope).AccountName);
        Assert.Equal($"{Account} (prod <eu>)", AccountLabel.Of(UnscannedResource.For(scope)));
    }

    [Fact]
    public void An_inventory_of_an_unnamed_account_is_saved_as_before_and_a_file_without_names_reads()
    {
        // Given an inventory no organization named
        var inventory = new Inventory([Cluster()], []) { Unscanned = [Unread()] }.InAccountNamed(null);

        // When it is saved
        var json = InventoryFile.Write(new SavedInventory("aws", [$"account {Account}"], inventory));

        // Then the file holds no name at all, as files saved before names were kept, and reads back with none
        var root = JsonNode.Parse(json)!;
        Assert.Null(root["resources"]![0]!["accountName"]);
        Assert.False(root["resources"]![0]!.AsObject().ContainsKey("accountName"));
        Assert.False(root["unscanned"]![0]!.AsObject().ContainsKey("accountName"));
        var read = InventoryFile.Read(json, KindCatalog.Kinds).Inventory;
        Assert.Null(Assert.Single(read.Resources).AccountName);
        Assert.Null(Assert.Single(read.Unscanned).AccountName);
        Assert.Equal(Account, AccountLabel.Of(read.Resources[0]));
    }

    private static Inventory RoundTrip(Inventory inventory) =>
        InventoryFile.Read(InventoryFile.Write(new SavedInventory("aws", [$"account {Account} (prod)"], inventory)), KindCatalog.Kinds).Inventory;

    private static NeptuneCluster Cluster() => new()
    {
        Id = $"arn:aws:rds:eu-west-1:{Account}:cluster:db",
        Name = Fact.Known("db"),
        Account = Account,
        Region = "eu-west-1",
        StorageEncrypted = Fact.Known(true),
        KmsKeyId = Fact.Known<string?>(null),
        Key = new KeyReference.ServiceDefault(),
    };

    private static UnscannedScope Unread() =>
        new(NeptuneCluster.Descriptor.Type, $"arn:aws:rds:eu-central-1:{Account}:cluster:*", Account, "eu-central-1", "rds", "DescribeDBClusters", "access denied (AccessDenied)");
}
