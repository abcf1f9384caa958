using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules.Aws.Neptune.Clusters;

namespace Kagi.Testing;

/// <summary>Live resources as a scan of account 111122223333 reads them, and one rule's real verdict on one of them.</summary>
internal static class LiveResources
{
    public const string Account = "111122223333";

    public static NeptuneCluster Cluster(string name, KeyReference key, bool encrypted = true, string region = "eu-west-1") => new()
    {
        Id = $"arn:aws:rds:{region}:{Account}:cluster:{name}",
        Name = Fact.Known(name),
        Account = Account,
        Region = region,
        StorageEncrypted = Fact.Known(encrypted),
        KmsKeyId = Fact.Known<string?>(key is KeyReference.Described described ? described.Key.Arn.Value : null),
        Key = key,
    };

    public static KmsKey Key(string id, KeyManager manager, string region = "eu-west-1") => new()
    {
        Id = $"arn:aws:kms:{region}:{Account}:key/{id}",
        Name = Fact.Known(id),
        Account = Account,
        Region = region,
        Arn = Fact.Known($"arn:aws:kms:{region}:{Account}:key/{id}"),
        Manager = Fact.Known(manager),
        InCustomKeyStore = Fact.Known(false),
    };

    public static Finding Judge(CatalogEntry rule, CloudResource resource) =>
        Assert.Single(RuleEngine.Run(new Inventory([resource], []), [rule], ScanOptions.Default));
}
