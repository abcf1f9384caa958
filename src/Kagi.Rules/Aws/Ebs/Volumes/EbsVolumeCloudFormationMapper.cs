using Kagi.CloudFormation.Mapping;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Ebs.Volumes;

/// <summary>
/// <c>AWS::EC2::Volume</c>, as <see cref="EbsVolumeTerraformMapper"/> maps <c>aws_ebs_volume</c>: a volume that names a
/// key is encrypted with it. One that names none takes its region's account settings, which no template declares
/// (<see cref="EbsAccountDefaults.OutsideTemplate"/>): it is known to be encrypted only when it asks to be. Created from a
/// snapshot (<c>SnapshotId</c>) or copied from another volume (<c>SourceVolumeId</c>), it is encrypted as that source is.
/// </summary>
internal sealed class EbsVolumeCloudFormationMapper : CloudFormationMapper<EbsVolume>
{
    // What a volume created from a snapshot, or copied from another volume, names as its source.
    private static readonly string[] RestoreSources = ["SnapshotId", "SourceVolumeId"];

    public override string ResourceType => EbsVolume.Descriptor.Type;

    public override EbsVolume Map(TemplateResource resource, TemplateKeyResolver keys)
    {
        var (encrypted, key) = Storage(resource, keys);
        return new EbsVolume
        {
            Id = resource.Id,
            Name = Fact.Unknown<string>(Texts.Canonical("reasons.id-assigned-at-creation")),
            Tags = TemplateFacts.Tags(resource),
            StorageEncrypted = encrypted,
            KmsKeyId = TemplateFacts.OptionalString(resource, "KmsKeyId"),
            Key = key,
            AvailabilityZone = TemplateFacts.OptionalString(resource, "AvailabilityZone"),
            VolumeType = TemplateFacts.OptionalString(resource, "VolumeType"),
            Size = TemplateFacts.Int(resource, "Size", whenNotSet: 0),
            Iops = TemplateFacts.Int(resource, "Iops", whenNotSet: 0),
            Throughput = TemplateFacts.Int(resource, "Throughput", whenNotSet: 0),
            MultiAttachEnabled = TemplateFacts.Bool(resource, "MultiAttachEnabled", whenNotSet: false),
            Attachments = Fact.Unknown<IReadOnlyList<EbsAttachment>>(Texts.Canonical("reasons.cloudformation-ebs-attachments-declared-apart")),
        };
    }

    private static (Fact<bool> Encrypted, KeyReference Key) Storage(TemplateResource resource, TemplateKeyResolver keys)
    {
        if (DbClusterCloudFormation.Names(resource, "KmsKeyId"))
        {
            return (Fact.Known(true), keys.Resolve(resource, "KmsKeyId"));
        }

        var fromSource = DbClusterCloudFormation.RestoredFrom(resource, RestoreSources) is { } source
            ? Texts.Canonical("reasons.cloudformation-ebs-volume-from-source", ("source", source))
            : null;
        return EbsAccountDefaults.OutsideTemplate.Unkeyed(TemplateFacts.Bool(resource, "Encrypted", whenNotSet: false), fromSource);
    }
}
