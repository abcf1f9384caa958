using System.Text.Json.Nodes;
using Kagi.Core.Model;
using Kagi.Rules;
using Kagi.Rules.Aws.Neptune.Clusters;

namespace Kagi.Aws.Tests;

public sealed class InventoryFileTests
{
    [Fact]
    public void Every_kind_of_key_reference_unknown_and_location_survives_a_round_trip()
    {
        // Given one cluster per kind of key reference, with Terraform details, unknowns and a suppression
        KeyReference[] keys =
        [
            new KeyReference.ServiceDefault(),
            new KeyReference.AwsOwned(),
            new KeyReference.Alias("alias/app"),
            new KeyReference.KeyIdentifier("1234abcd-12ab-34cd-56ef-1234567890ab"),
            new KeyReference.Undetermined("computed at apply time"),
            new KeyReference.Described(new KmsKey
            {
                Id = "aws_kms_key.hsm",
                Name = Fact.Known("hsm"),
                Arn = Fact.Unknown<string>("known after apply"),
                Manager = Fact.Known(KeyManager.Customer),
                InCustomKeyStore = Fact.Known(true),
            }),
        ];
        var clusters = keys.Select((key, i) => (CloudResource)new NeptuneCluster
        {
            Id = $"module.db.aws_neptune_cluster.this[{i}]",
            Name = Fact.Unknown<string>("computed"),
            StorageEncrypted = i == 0 ? Fact.Unknown<bool>("from a variable with no value") : Fact.Known(true),
            KmsKeyId = Fact.Known<string?>(null),
            Key = key,
            Location = new SourceLocation("modules/db/main.tf", 12, 3),
            Scope = "envs/prod",
            Declaration = new SourceAddress(ResourceSources.Terraform, "aws_neptune_cluster", "this"),
            Suppressions = [new Suppression("neptune-cluster-cmk-encryption", "accepted until Q3", null)],
        }).ToList();
        var inventory = new Inventory(clusters, [new ScanDiagnostic(DiagnosticSeverity.Warning, "module source not found", new SourceLocation("main.tf", 4))])
        {
            Unscanned = [new UnscannedScope(NeptuneCluster.Descriptor.Type, "arn:aws:rds:eu-west-1:111122223333:cluster:*", "111122223333", "eu-west-1", "rds", "DescribeDBClusters", "AccessDenied: no")],
        };

        // When it is written, read back and written again
        var written = InventoryFile.Write(new SavedInventory("iac", ["examples"], inventory));
        var read = InventoryFile.Read(written, KindCatalog.Kinds);

        // Then nothing was lost on the way: the second writing is the first, and what rules judge is the same
        Assert.Equal(written, InventoryFile.Write(read));
        Assert.Equal(inventory.Unscanned, read.Inventory.Unscanned);
        Assert.Equal(inventory.Diagnostics, read.Inventory.Diagnostics);
        foreach (var (original, back) in clusters.Cast<NeptuneCluster>().Zip(read.Inventory.Resources.OfType<NeptuneCluster>()))
        {
            Assert.Equal(original.Key.GetType(), back.Key.GetType());
            Assert.Equal(original.KeyLevel, back.KeyLevel);
            Assert.Equal(original.Scope, back.Scope);
            Assert.Equal(original.Location, back.Location);
            Assert.Equal(original.Suppressions, back.Suppressions);
            Assert.Equal(original.Declaration, back.Declaration);
        }
    }

    [Fact]
    public void An_inventory_saved_with_a_terraform_address_reads_it_as_a_terraform_declaration()
    {
        // Given a cluster written the way inventories were before declarations were source-neutral
        var cluster = new NeptuneCluster
        {
            Id = "aws_neptune_cluster.graph",
            Name = Fact.Known("graph"),
            StorageEncrypted = Fact.Known(true),
            KmsKeyId = Fact.Known<string?>(null),
            Key = new KeyReference.ServiceDefault(),
            Declaration = new SourceAddress(ResourceSources.Terraform, "aws_neptune_cluster", "graph"),
        };
        var current = InventoryFile.Write(new SavedInventory("iac", ["examples"], new Inventory([cluster], [])));
        var older = JsonNode.Parse(current)!;
        var saved = older["resources"]![0]!.AsObject();
        Assert.True(saved.Remove("declaration"));
        saved["terraform"] = new JsonObject { ["resourceType"] = "aws_neptune_cluster", ["resourceName"] = "graph" };

        // When it is read, then the address is the cluster's Terraform declaration
        var read = Assert.Single(InventoryFile.Read(older.ToJsonString(), KindCatalog.Kinds).Inventory.Resources);
        Assert.Equal(cluster.Declaration, read.Declaration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"kagiInventory\": \"2\"}")]
    [InlineData("{\"kagiInventory\": \"1\", \"resources\": [{\"type\": \"AWS::GameLift::Fleet\", \"id\": \"b\"}]}")]
    public void What_is_not_a_version_1_inventory_is_refused_with_a_reason(string json)
    {
        var refusal = Assert.Throws<InvalidDataException>(() => InventoryFile.Read(json, KindCatalog.Kinds));

        Assert.False(string.IsNullOrWhiteSpace(refusal.Message));
    }
}
