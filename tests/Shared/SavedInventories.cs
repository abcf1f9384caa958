using System.Text.Json.Nodes;
using Kagi.Core.Model;
using Kagi.Rules.Aws.Neptune.Clusters;
using Kagi.Rules.Aws.Neptune.ClusterSnapshots;

namespace Kagi.Testing;

/// <summary>
/// A live inventory as <c>kagi scan aws --save-inventory</c> writes it, to tamper with: a cluster on the service's
/// default key (resources[0]), a manual snapshot (resources[1]) and a customer-managed key (resources[2]).
/// Linked into each test project that reads saved inventories.
/// </summary>
internal static class SavedInventories
{
    public const string ClusterId = "arn:aws:rds:eu-west-1:111122223333:cluster:graph";
    public const string SnapshotId = "arn:aws:rds:eu-west-1:111122223333:cluster-snapshot:snap";
    public const string KeyId = "arn:aws:kms:eu-west-1:111122223333:key/k";

    public static string Saved()
    {
        var cluster = new NeptuneCluster
        {
            Id = ClusterId,
            Name = Fact.Known("graph"),
            Region = "eu-west-1",
            Account = "111122223333",
            StorageEncrypted = Fact.Known(true),
            KmsKeyId = Fact.Known<string?>(null),
            Key = new KeyReference.ServiceDefault(),
            BackupRetentionPeriod = Fact.Known(7),
        };
        var snapshot = new NeptuneClusterSnapshot
        {
            Id = SnapshotId,
            Name = Fact.Known("snap"),
            Region = "eu-west-1",
            Account = "111122223333",
            StorageEncrypted = Fact.Known(true),
            Key = new KeyReference.ServiceDefault(),
            IsManual = Fact.Known(true),
            SharedWithAll = Fact.Known(false),
        };
        var key = new KmsKey
        {
            Id = KeyId,
            Name = Fact.Known("k"),
            Region = "eu-west-1",
            Account = "111122223333",
            Arn = Fact.Known(KeyId),
            Manager = Fact.Known(KeyManager.Customer),
            InCustomKeyStore = Fact.Known(false),
        };
        return InventoryFile.Write(new SavedInventory("aws", ["account 111122223333", "eu-west-1"], new Inventory([cluster, snapshot, key], [])));
    }

    /// <summary>The saved inventory, changed by <paramref name="tamper"/> as an attacker editing the file would.</summary>
    public static string Tampered(Action<JsonNode> tamper)
    {
        ArgumentNullException.ThrowIfNull(tamper);
        var root = JsonNode.Parse(Saved())!;
        tamper(root);
        return root.ToJsonString();
    }
}
