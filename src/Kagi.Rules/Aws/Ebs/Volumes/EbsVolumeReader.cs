using Amazon.EC2;
using Amazon.EC2.Model;
using Kagi.Aws;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Ebs.Volumes;

/// <summary>
/// Lists a region's volumes with <c>DescribeVolumes</c>, page by page; each answer carries the volume's encryption, its
/// key, its tags and what a replacement must have (zone, type, size, IOPS, throughput, attachments). An encrypted volume names the key it was created with, the account's default key included, so the
/// account's EBS settings (which apply only to volumes still to be created) are not read.
/// </summary>
public sealed class EbsVolumeReader
{
    public const string ListCall = "DescribeVolumes";

    // The most DescribeVolumes returns a page.
    private const int PageSize = 500;

    private readonly IAmazonEC2 _ec2;
    private readonly RegionContext _region;

    public EbsVolumeReader(IAmazonEC2 ec2, RegionContext region)
    {
        ArgumentNullException.ThrowIfNull(ec2);
        ArgumentNullException.ThrowIfNull(region);
        _ec2 = ec2;
        _region = region;
    }

    /// <summary>Each page of volumes, their keys named but not yet resolved, as soon as it arrives.</summary>
    public async IAsyncEnumerable<IReadOnlyList<EbsVolume>> PagesAsync()
    {
        string? token = null;
        do
        {
            var request = new DescribeVolumesRequest { MaxResults = PageSize, NextToken = token };
            var page = await _region.Call(AwsService.Ec2, ListCall, call => _ec2.DescribeVolumesAsync(request, call)).ConfigureAwait(false);
            var volumes = (page.Volumes ?? []).Select(Read).ToList();
            _region.ResourcesFound(volumes.Count);
            yield return volumes;
            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));
    }

    private EbsVolume Read(Volume volume) => new()
    {
        Id = $"arn:{_region.Partition}:ec2:{_region.Region}:{_region.Account}:volume/{volume.VolumeId}",
        Name = Fact.Known(volume.VolumeId),
        Region = _region.Region,
        Account = _region.Account,
        Tags = Fact.Known<IReadOnlyDictionary<string, string>>((volume.Tags ?? []).ToDictionary(tag => tag.Key, tag => tag.Value ?? string.Empty, StringComparer.Ordinal)),
        StorageEncrypted = Fact.Known(volume.Encrypted ?? false),
        KmsKeyId = Fact.Known(volume.KmsKeyId is { Length: > 0 } key ? key : null),
        Key = new KeyReference.Undetermined(Texts.Canonical("reasons.key-not-resolved")),
        AvailabilityZone = Fact.Known<string?>(volume.AvailabilityZone),
        VolumeType = Fact.Known<string?>(volume.VolumeType?.Value),
        Size = Fact.Known(volume.Size ?? 0),
        Iops = Fact.Known(volume.Iops ?? 0),
        Throughput = Fact.Known(volume.Throughput ?? 0),
        MultiAttachEnabled = Fact.Known(volume.MultiAttachEnabled ?? false),
        Attachments = Fact.Known<IReadOnlyList<EbsAttachment>>([.. (volume.Attachments ?? []).Select(attachment => new EbsAttachment(attachment.InstanceId, attachment.Device))]),
    };
}
