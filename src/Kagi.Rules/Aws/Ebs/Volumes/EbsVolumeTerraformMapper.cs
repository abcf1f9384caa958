using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Terraform.Mapping;
using Kagi.Terraform.Values;

namespace Kagi.Rules.Aws.Ebs.Volumes;

/// <summary>
/// <c>aws_ebs_volume</c>. A volume that names a key is encrypted with it (AWS takes a key only for an encrypted volume).
/// One that names none takes its region's account settings (<see cref="EbsAccountDefaults"/>): it is encrypted when it
/// asks to be or when encryption by default is on, with the default key. Created from a snapshot, it is encrypted as
/// the snapshot is, with the snapshot's key, which the configuration does not show.
/// </summary>
internal sealed class EbsVolumeTerraformMapper : ResourceMapper<EbsVolume>
{
    private const string KeyArgument = "kms_key_id";
    private const string SnapshotArgument = "snapshot_id";

    public override string TerraformType => "aws_ebs_volume";

    public override EbsVolume Map(IResourceView view, KeyResolver keys)
    {
        var (encrypted, key) = Storage(view, keys, EbsAccountDefaults.Unmanaged);
        return new EbsVolume
        {
            Id = view.Address,
            Name = Fact.Unknown<string>(Texts.Canonical("reasons.id-assigned-at-creation")),
            Tags = Facts.Tags(view),
            StorageEncrypted = encrypted,
            KmsKeyId = Facts.OptionalString(view, KeyArgument),
            Key = key,
            AvailabilityZone = Facts.OptionalString(view, "availability_zone"),
            VolumeType = Facts.OptionalString(view, "type"),
            Size = Facts.Int(view, "size", whenNotSet: 0),
            Iops = Facts.Int(view, "iops", whenNotSet: 0),
            Throughput = Facts.Int(view, "throughput", whenNotSet: 0),
            MultiAttachEnabled = Facts.Bool(view, "multi_attach_enabled", whenNotSet: false),
            Attachments = Fact.Unknown<IReadOnlyList<EbsAttachment>>(Texts.Canonical("reasons.ebs-attachments-declared-apart")),
        };
    }

    // The account settings are resources of their own: a volume that names no key is judged by those of its region.
    public override EbsVolume Join(EbsVolume resource, JoinScope scope)
    {
        if (scope.ViewOf(resource) is not { } view || NamesKey(view))
        {
            return resource;
        }

        var (encrypted, key) = Storage(view, scope.Keys, EbsAccountDefaults.Of(view, scope));
        return resource with { StorageEncrypted = encrypted, Key = key };
    }

    private static (Fact<bool> Encrypted, KeyReference Key) Storage(IResourceView view, KeyResolver keys, EbsAccountDefaults account)
    {
        if (NamesKey(view))
        {
            return (Fact.Known(true), keys.Resolve(view, KeyArgument));
        }

        var fromSnapshot = view.Get(SnapshotArgument) is TfNull or TfString { Value.Length: 0 }
            ? null
            : Texts.Canonical("reasons.ebs-volume-from-snapshot", ("snapshot", view.Describe(SnapshotArgument)));
        return account.Unkeyed(Facts.Bool(view, "encrypted", whenNotSet: false), fromSnapshot);
    }

    private static bool NamesKey(IResourceView view) => view.Get(KeyArgument) is not (TfNull or TfString { Value.Length: 0 });
}
