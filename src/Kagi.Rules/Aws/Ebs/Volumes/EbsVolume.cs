using System.Text.Json;
using System.Text.Json.Serialization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Ebs.Volumes;

/// <summary>
/// An Amazon EBS volume. One that names no key takes the account's EBS settings of its region when it is created:
/// encryption by default, and the default key (<c>aws/ebs</c> unless set to another).
/// </summary>
public sealed record EbsVolume : CloudResource, IEncryptedAtRest
{
    public static ResourceKind Descriptor { get; } = new("AWS::EC2::Volume", AsffType: "AwsEc2Volume", OcsfType: "AWS::EC2::Volume", Service: "ebs");

    public required Fact<bool> StorageEncrypted { get; init; }

    /// <summary>The key as written or returned (ID, ARN, alias); null when none was given.</summary>
    public required Fact<string?> KmsKeyId { get; init; }

    /// <summary>The key, resolved as far as the source allows.</summary>
    public required KeyReference Key { get; init; }

    // What a rebuild under another key carries across (EbsVolumeRebuild).
    [AbsentFromOlderInventories]
    public Fact<string?> AvailabilityZone { get; init; } = Fact.NotReported<string?>(nameof(AvailabilityZone));

    [AbsentFromOlderInventories]
    public Fact<string?> VolumeType { get; init; } = Fact.NotReported<string?>(nameof(VolumeType));

    /// <summary>GiB; 0 when the source leaves it to the snapshot the volume is created from.</summary>
    [AbsentFromOlderInventories]
    public Fact<int> Size { get; init; } = Fact.NotReported<int>(nameof(Size));

    /// <summary>Provisioned IOPS; 0 when none are set (a gp2 volume's are derived from its size, and cannot be set).</summary>
    [AbsentFromOlderInventories]
    public Fact<int> Iops { get; init; } = Fact.NotReported<int>(nameof(Iops));

    /// <summary>Provisioned throughput in MiB/s (gp3 only); 0 when none is set.</summary>
    [AbsentFromOlderInventories]
    public Fact<int> Throughput { get; init; } = Fact.NotReported<int>(nameof(Throughput));

    [AbsentFromOlderInventories]
    public Fact<bool> MultiAttachEnabled { get; init; } = Fact.NotReported<bool>(nameof(MultiAttachEnabled));

    /// <summary>The instances the volume is attached to, and under which device name.</summary>
    [AbsentFromOlderInventories]
    public Fact<IReadOnlyList<EbsAttachment>> Attachments { get; init; } = Fact.NotReported<IReadOnlyList<EbsAttachment>>(nameof(Attachments));
}

/// <summary>A volume's attachment to an instance, which a replacement takes over under the same device name.</summary>
[SavedAsJson(typeof(EbsVolumeJson))]
public sealed record EbsAttachment(string InstanceId, string Device);

/// <summary>The attachments a saved inventory and a finding's evidence hold as JSON, serialized by generated code.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(EbsAttachment))]
[JsonSerializable(typeof(IReadOnlyList<EbsAttachment>))]
public sealed partial class EbsVolumeJson : JsonSerializerContext;
