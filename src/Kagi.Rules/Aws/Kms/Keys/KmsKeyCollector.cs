using Amazon.KeyManagementService.Model;
using Kagi.Aws;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Kms.Keys;

/// <summary>
/// Every key of the region, listed with <c>ListKeys</c>, so that a key protecting nothing is seen too. Each is described
/// through the region's shared resolver, which other kinds' keys go through as well: a key is described once however
/// many collectors name it; the region's inventory holds each key once, with other accounts' keys that resources name.
/// </summary>
public sealed class KmsKeyCollector : ILiveCollector
{
    public string ResourceType => KmsKey.Descriptor.Type;

    public AwsService Service => AwsService.Kms;

    public IReadOnlyList<string> Calls { get; } = ["ListKeys"];

    public string WildcardArn(string partition, string region, string account) => $"arn:{partition}:kms:{region}:{account}:key/*";

    public Task<RegionInventory> CollectAsync(RegionContext region, RegionServices services)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(services);
        return this.CollectPagesAsync(
            region,
            services,
            PagesAsync(services.Clients.Kms(region.Region), region),
            async keyArn => await services.Keys.ResolveAsync(keyArn).ConfigureAwait(false) switch
            {
                KeyReference.Described described => described.Key,

                // Listed but not described (DescribeKey refused): kept, with every fact unknown for that reason.
                var other => Undescribed(keyArn, region, KeyLevelClassifier.Classify(other).Reason!),
            },
            keyArn => (keyArn, keyArn));
    }

    private static KmsKey Undescribed(string keyArn, RegionContext region, string reason) => new()
    {
        Id = keyArn,
        Name = Fact.Known(keyArn[(keyArn.LastIndexOf('/') + 1)..]),
        Region = region.Region,
        Account = region.Account,
        Arn = Fact.Known(keyArn),
        Manager = Fact.Unknown<KeyManager>(reason),
        InCustomKeyStore = Fact.Unknown<bool>(reason),
        State = Fact.Unknown<string>(reason),
    };

    private static async IAsyncEnumerable<IReadOnlyList<string>> PagesAsync(Amazon.KeyManagementService.IAmazonKeyManagementService kms, RegionContext region)
    {
        string? marker = null;
        do
        {
            var page = await region.Call(AwsService.Kms, "ListKeys", token => kms.ListKeysAsync(new ListKeysRequest { Marker = marker, Limit = 1000 }, token)).ConfigureAwait(false);
            var keys = (page.Keys ?? []).Select(key => key.KeyArn).OfType<string>().ToList();
            region.ResourcesFound(keys.Count);
            yield return keys;
            marker = page.Truncated == true ? page.NextMarker : null;
        }
        while (!string.IsNullOrEmpty(marker));
    }
}
