using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Terraform.Mapping;

namespace Kagi.Rules.Aws.Redshift.Clusters;

/// <summary>
/// <c>aws_redshift_cluster</c>, assuming AWS provider 6.0 or later, where <c>encrypted</c> defaults to true (5.x defaulted to
/// false but sent nothing then, and <c>CreateCluster</c> itself now encrypts by default and refuses <c>Encrypted=false</c>):
/// a cluster that does not say is encrypted, under <c>aws/redshift</c> unless <c>kms_key_id</c> names a key. Only an explicit
/// <c>encrypted = false</c> (a cluster created before that change) is unencrypted. A cluster restored from a snapshot
/// (<c>snapshot_identifier</c>, <c>snapshot_arn</c>) is encrypted with <c>kms_key_id</c> when one is named, and otherwise as
/// the snapshot is, which the configuration does not say.
/// </summary>
internal sealed class RedshiftClusterTerraformMapper : ResourceMapper<RedshiftCluster>
{
    private const string KeyArgument = "kms_key_id";

    private static readonly string[] SnapshotArguments = ["snapshot_identifier", "snapshot_arn"];

    public override string TerraformType => "aws_redshift_cluster";

    public override RedshiftCluster Map(IResourceView view, KeyResolver keys)
    {
        var restoredFrom = RestoredFrom(view);
        var (encrypted, key) = restoredFrom is null || RdsStorageMapping.Names(view, KeyArgument)
            ? (restoredFrom is null ? Facts.Bool(view, "encrypted", whenNotSet: true) : Fact.Known(true), keys.Resolve(view, KeyArgument))
            : RdsStorageMapping.Inherited(Texts.Canonical("reasons.restored-from-undeclared-source", ("source", restoredFrom), ("argument", KeyArgument)));
        return new RedshiftCluster
        {
            Id = view.Address,
            Name = Facts.RequiredName(view, "cluster_identifier"),
            Tags = Facts.Tags(view),
            StorageEncrypted = encrypted,
            KmsKeyId = Facts.OptionalString(view, KeyArgument),
            Key = key,
        };
    }

    // The snapshot as written, or null for a cluster created afresh.
    private static string? RestoredFrom(IResourceView view) =>
        SnapshotArguments.Where(argument => RdsStorageMapping.Names(view, argument)).Select(view.Describe).FirstOrDefault();
}
