using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Terraform.Mapping;
using Kagi.Terraform.Values;

namespace Kagi.Rules.Aws;

/// <summary>
/// How the Terraform resources of the RDS API (<c>aws_db_instance</c>, <c>aws_rds_cluster</c>, <c>aws_docdb_cluster</c>)
/// decide storage encryption and its key: from their own arguments when created, from what they are made of when
/// restored from a snapshot or to a point in time, or replicated.
/// </summary>
internal static class RdsStorageMapping
{
    public const string PointInTimeBlock = "restore_to_point_in_time";

    /// <summary>
    /// A cluster's encryption (<c>aws_rds_cluster</c>, <c>aws_docdb_cluster</c>). Restored, it is encrypted with the key
    /// named on restore (<paramref name="keyArgument"/>) when there is one, and otherwise as its source is: AWS takes no
    /// <c>StorageEncrypted</c> on restore, and keeps an unencrypted source's copy unencrypted.
    /// </summary>
    /// <param name="whenNotSet">What an unset <c>storage_encrypted</c> means, as the provider and AWS decide it.</param>
    public static (Fact<bool> Encrypted, KeyReference Key) Cluster(IResourceView view, KeyResolver keys, string keyArgument, Fact<bool> whenNotSet)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(keys);
        if (RestoredFrom(view) is not { } source)
        {
            var encrypted = view.Get("storage_encrypted") is TfNull ? whenNotSet : Facts.Bool(view, "storage_encrypted", whenNotSet: false);
            return (encrypted, keys.Resolve(view, keyArgument));
        }

        return Names(view, keyArgument)
            ? (Fact.Known(true), keys.Resolve(view, keyArgument))
            : Inherited(Texts.Canonical("reasons.restored-from-undeclared-source", ("source", source), ("argument", keyArgument)));
    }

    /// <summary>What a restored resource is restored from, as written; null for one created afresh.</summary>
    public static string? RestoredFrom(IResourceView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (view.Get("snapshot_identifier") is not (TfNull or TfString { Value.Length: 0 }))
        {
            return view.Describe("snapshot_identifier");
        }

        return view.Get(PointInTimeBlock) switch
        {
            TfSequence { Items: [TfObject block, ..] } => block.Attributes.Where(pair => pair.Key.StartsWith("source_", StringComparison.Ordinal) && pair.Value is TfString)
                .Select(pair => ((TfString)pair.Value).Value).FirstOrDefault() ?? PointInTimeBlock,
            TfSequence { Items.Count: 0 } or TfNull => null,
            _ => PointInTimeBlock,
        };
    }

    /// <summary>Whether the resource names a key in <paramref name="keyArgument"/>.</summary>
    public static bool Names(IResourceView view, string keyArgument)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.Get(keyArgument) is not (TfNull or TfString { Value.Length: 0 });
    }

    /// <summary>Encryption and key both decided by something the configuration does not say.</summary>
    public static (Fact<bool> Encrypted, KeyReference Key) Inherited(string reason) =>
        (Fact.Unknown<bool>(reason), new KeyReference.Undetermined(reason));
}
