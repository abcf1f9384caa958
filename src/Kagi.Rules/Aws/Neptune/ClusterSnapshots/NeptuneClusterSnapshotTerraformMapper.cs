using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Rules.Aws.Neptune.Clusters;
using Kagi.Terraform.Mapping;
using Kagi.Terraform.Values;

namespace Kagi.Rules.Aws.Neptune.ClusterSnapshots;

/// <summary>
/// <c>aws_neptune_cluster_snapshot</c>: a manual snapshot. The provider has no argument that shares one, so what the
/// configuration creates is private; its encryption is its cluster's, joined when the cluster is of the same configuration.
/// </summary>
internal sealed class NeptuneClusterSnapshotTerraformMapper : ResourceMapper<NeptuneClusterSnapshot>
{
    public override string TerraformType => "aws_neptune_cluster_snapshot";

    public override NeptuneClusterSnapshot Map(IResourceView view, KeyResolver keys) => new()
    {
        Id = view.Address,
        Name = view.Get("db_cluster_snapshot_identifier") is TfString { Value.Length: > 0 } name
            ? Fact.Known(name.Value)
            : Fact.Unknown<string>(Texts.Canonical("reasons.known-after-apply", ("address", "db_cluster_snapshot_identifier"))),
        StorageEncrypted = Fact.Unknown<bool>(Texts.Canonical(
            "reasons.snapshot-cluster-outside",
            ("argument", "db_cluster_identifier"),
            ("written", view.Describe("db_cluster_identifier")),
            ("type", DbClusterEngine.Neptune.ClusterType))),
        Tags = Fact.Unknown<IReadOnlyDictionary<string, string>>(Texts.Canonical("reasons.snapshot-tags-from-cluster")),
        IsManual = Fact.Known(true),
        SharedWithAll = Fact.Known(false),
    };

    public override NeptuneClusterSnapshot Join(NeptuneClusterSnapshot resource, JoinScope scope) => WithSourceEncryption(resource, scope);

    /// <summary>The snapshot with its cluster's encryption, when that cluster is of the same configuration.</summary>
    internal static NeptuneClusterSnapshot WithSourceEncryption(NeptuneClusterSnapshot resource, JoinScope scope) =>
        scope.ViewOf(resource) is { } view
        && JoinScope.Referenced(view, "db_cluster_identifier", scope.OfType(DbClusterEngine.Neptune.ClusterType), "cluster_identifier") is { } source
        && scope.Mapped.OfType<NeptuneCluster>().FirstOrDefault(cluster => cluster.Id == source.Address) is { } cluster
            ? resource with { StorageEncrypted = cluster.StorageEncrypted, Key = cluster.Key }
            : resource;
}
