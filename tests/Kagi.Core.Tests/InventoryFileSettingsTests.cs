using Kagi.Core.Model;
using Kagi.Rules;
using Kagi.Rules.Aws.Neptune.Clusters;
using Kagi.Rules.Aws.Neptune.ClusterSnapshots;

namespace Kagi.Core.Tests;

/// <summary>The saved inventory keeps the Neptune settings, snapshots and key facts the rule pack judges.</summary>
public sealed class InventoryFileSettingsTests
{
    [Fact]
    public void Cluster_settings_snapshots_and_key_facts_survive_a_round_trip()
    {
        // Given a cluster with every setting known, a public manual snapshot, and a key with rotation, policy and spec
        var key = new KmsKey
        {
            Id = "arn:aws:kms:eu-west-1:111122223333:key/k",
            Name = Fact.Known("k"),
            Arn = Fact.Known("arn:aws:kms:eu-west-1:111122223333:key/k"),
            Manager = Fact.Known(KeyManager.Customer),
            InCustomKeyStore = Fact.Known(false),
            RotationEnabled = Fact.Known(false),
            Policy = Fact.Known("""{"Statement":[]}"""),
            KeySpec = Fact.Known("SYMMETRIC_DEFAULT"),
        };
        var cluster = new NeptuneCluster
        {
            Id = "arn:aws:rds:eu-west-1:111122223333:cluster:db",
            Name = Fact.Known("db"),
            StorageEncrypted = Fact.Known(true),
            KmsKeyId = Fact.Known<string?>(key.Id),
            Key = new KeyReference.Described(key),
            DeletionProtection = Fact.Known(true),
            BackupRetentionPeriod = Fact.Known(14),
            IamDatabaseAuthentication = Fact.Known(false),
            EnabledCloudwatchLogsExports = Fact.Known<IReadOnlyList<string>>(["audit", "slowquery"]),
            CopyTagsToSnapshot = Fact.Known(true),
            MultiAz = Fact.Unknown<bool>("DescribeDBClusters returned no MultiAZ"),
        };
        var snapshot = new NeptuneClusterSnapshot
        {
            Id = "arn:aws:rds:eu-west-1:111122223333:cluster-snapshot:snap",
            Name = Fact.Known("snap"),
            StorageEncrypted = Fact.Known(false),
            Key = new KeyReference.ServiceDefault(),
            IsManual = Fact.Known(true),
            SharedWithAll = Fact.Known(true),
        };

        // When it is written and read back
        var saved = new SavedInventory("aws", ["eu-west-1"], new Inventory([cluster, snapshot, key], []));
        var read = InventoryFile.Read(InventoryFile.Write(saved), KindCatalog.Kinds).Inventory;

        // Then every new fact is as it was, unknowns with their reasons
        var readCluster = Assert.Single(read.Resources.OfType<NeptuneCluster>());
        Assert.True(readCluster.DeletionProtection.Value);
        Assert.Equal(14, readCluster.BackupRetentionPeriod.Value);
        Assert.False(readCluster.IamDatabaseAuthentication.Value);
        Assert.Equal(["audit", "slowquery"], readCluster.EnabledCloudwatchLogsExports.Value);
        Assert.True(readCluster.CopyTagsToSnapshot.Value);
        Assert.Equal("DescribeDBClusters returned no MultiAZ", readCluster.MultiAz.Reason);
        var readSnapshot = Assert.Single(read.Resources.OfType<NeptuneClusterSnapshot>());
        Assert.Equal(
            (snapshot.Id, snapshot.Name, snapshot.StorageEncrypted, snapshot.Key, snapshot.IsManual, snapshot.SharedWithAll),
            (readSnapshot.Id, readSnapshot.Name, readSnapshot.StorageEncrypted, readSnapshot.Key, readSnapshot.IsManual, readSnapshot.SharedWithAll));
        var readKey = Assert.Single(read.Resources.OfType<KmsKey>());
        Assert.Equal("SYMMETRIC_DEFAULT", readKey.KeySpec.Value);
        Assert.False(readKey.RotationEnabled.Value);
    }

    [Fact]
    public void An_inventory_saved_before_the_cluster_settings_existed_reads_them_as_unknown()
    {
        // Given a cluster saved without the settings fields
        const string json = """
            {"kagiInventory":"1","source":"aws","targets":[],"unscanned":[],"diagnostics":[],"resources":[
              {"type":"AWS::Neptune::DBCluster","id":"arn:aws:rds:eu-west-1:1:cluster:old","name":{"value":"old"},
               "storageEncrypted":{"value":true},"kmsKeyId":{"value":null},"key":{"kind":"serviceDefault"},"suppressions":[]}]}
            """;

        // When it is read
        var cluster = Assert.Single(InventoryFile.Read(json, KindCatalog.Kinds).Inventory.Resources.OfType<NeptuneCluster>());

        // Then the settings are unknown, never false
        Assert.False(cluster.DeletionProtection.IsKnown);
        Assert.False(cluster.BackupRetentionPeriod.IsKnown);
        Assert.False(cluster.EnabledCloudwatchLogsExports.IsKnown);
    }
}
