using Kagi.Aws;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Ebs.Volumes;

/// <summary>EBS volumes: listed page by page, each one's key looked up as soon as its page arrives.</summary>
public sealed class EbsVolumeCollector : ILiveCollector
{
    public string ResourceType => EbsVolume.Descriptor.Type;

    public AwsService Service => AwsService.Ec2;

    public IReadOnlyList<string> Calls { get; } = [EbsVolumeReader.ListCall];

    public string WildcardArn(string partition, string region, string account) => $"arn:{partition}:ec2:{region}:{account}:volume/*";

    public Task<RegionInventory> CollectAsync(RegionContext region, RegionServices services)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(services);
        var reader = new EbsVolumeReader(services.Clients.Ec2(region.Region), region);
        return this.CollectPagesAsync(region, services, reader.PagesAsync(), ResolveAsync, volume => (volume.Id, volume.KmsKeyId.Value));

        // An encrypted volume always names its key; one listed without (an emulator's) was on the account's aws/ebs.
        async Task<CloudResource> ResolveAsync(EbsVolume volume) => volume with
        {
            Key = volume is { StorageEncrypted.Value: true, KmsKeyId.Value: null }
                ? new KeyReference.ServiceDefault()
                : await services.Keys.ResolveStorageKeyAsync(volume.StorageEncrypted, volume.KmsKeyId.Value).ConfigureAwait(false),
        };
    }
}
