using Kagi.Core.Model;
using Kagi.Rules;
using Kagi.Rules.Aws.DocDb.Clusters;
using Kagi.Rules.Aws.Neptune.Clusters;
using Kagi.Rules.Aws.Neptune.ClusterSnapshots;
using Kagi.Rules.Aws.Rds.Clusters;
using Kagi.Rules.Aws.Rds.Instances;

namespace Kagi.Aws.Tests;

/// <summary>
/// Every live kind the fake holds as plain stores (<see cref="Fake.FakeStore"/>), found from the catalogue: the live tests
/// that run over them cover a new kind without a line of their own.
/// </summary>
internal static class StoreKinds
{
    // Served from the fake's own cluster, snapshot, instance and key models, with their faults tested in FakeScanTests,
    // FaultScanTests and RdsKindsFakeScanTests.
    private static readonly HashSet<string> OwnModels =
    [
        NeptuneCluster.Descriptor.Type, NeptuneClusterSnapshot.Descriptor.Type, RdsCluster.Descriptor.Type, DocDbCluster.Descriptor.Type,
        RdsInstance.Descriptor.Type, KmsKey.Descriptor.Type,
    ];

    /// <summary>The kinds, by CloudFormation type.</summary>
    public static IReadOnlyList<string> Types { get; } = [.. KindCatalog.LiveCollectors.Select(collector => collector.ResourceType).Where(type => !OwnModels.Contains(type))];

    /// <summary>The kinds, as theory data.</summary>
    public static TheoryData<string> All => [.. Types];

    /// <summary>A kind's collector and its listing, which is the collector's first call.</summary>
    public static (ILiveCollector Collector, string Listing) CollectorOf(string type)
    {
        var collector = KindCatalog.LiveCollectors.Single(collector => collector.ResourceType == type);
        return (collector, collector.Calls[0]);
    }

    /// <summary>The kind's <c>…-cmk-encryption</c> rule.</summary>
    public static string CmkRuleOf(string type) => RulesOf(type, "-cmk-encryption").Single();

    /// <summary>The kind's <c>…-storage-encrypted</c> rule, where the service lets data be stored unencrypted.</summary>
    public static string? StorageRuleOf(string type) => RulesOf(type, "-storage-encrypted").SingleOrDefault();

    private static IEnumerable<string> RulesOf(string type, string suffix) =>
        RuleCatalog.All.Where(entry => entry.Metadata.ResourceType == type && entry.Metadata.Id.EndsWith(suffix, StringComparison.Ordinal)).Select(entry => entry.Metadata.Id);
}
