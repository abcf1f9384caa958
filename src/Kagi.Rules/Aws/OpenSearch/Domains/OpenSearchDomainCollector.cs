using Kagi.Aws;
using Kagi.Aws.Protocols;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.OpenSearch.Domains;

/// <summary>
/// Domains of both engines: named by one <c>ListDomainNames</c> (which does not page), then described five at a time
/// with <c>DescribeDomains</c> (its limit), the batches in flight together; each domain's key is resolved as its batch
/// arrives. A batch that cannot be described is an ERROR of each of its domains, not of the region.
/// </summary>
public sealed class OpenSearchDomainCollector : ILiveCollector
{
    /// <summary>The most domain names one <c>DescribeDomains</c> call accepts (the API reference's limit of <c>DomainNames</c>).</summary>
    public const int BatchSize = 5;

    private static readonly AwsOperation Listing = AwsOperations.OpenSearchListDomainNames;
    private static readonly AwsOperation Description = AwsOperations.OpenSearchDescribeDomains;

    public string ResourceType => OpenSearchDomain.Descriptor.Type;

    public AwsService Service => AwsApi.OpenSearch.Service;

    public IReadOnlyList<string> Calls { get; } = [Listing.Name, Description.Name];

    public string WildcardArn(string partition, string region, string account) => $"arn:{partition}:es:{region}:{account}:domain/*";

    public Task<RegionInventory> CollectAsync(RegionContext region, RegionServices services)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(services);
        var client = services.Clients.Api(AwsApi.OpenSearch, region.Region);
        return this.CollectPagesAsync(
            region,
            services,
            ListedAsync(client, region),
            async listed =>
            {
                var described = await listed.Batch.ConfigureAwait(false);
                var domain = described.GetValueOrDefault(listed.Name)
                    ?? throw Unreadable(Description, "NotDescribed", $"the answer does not describe the domain {listed.Name}");
                return domain with { Key = await KeyOf(domain, services.Keys).ConfigureAwait(false) };
            },
            listed => (DomainArn(region, listed.Name), null));
    }

    // The one listing, each name with the description of its batch, started as the names arrive.
    private static async IAsyncEnumerable<IReadOnlyList<(string Name, Task<IReadOnlyDictionary<string, OpenSearchDomain>> Batch)>> ListedAsync(AwsApiClient client, RegionContext region)
    {
        var answer = await client.CallAsync(region, Listing, []).ConfigureAwait(false);
        var names = answer.Items("DomainNames").Select(item => item.Text("DomainName") ?? throw Unreadable(Listing, "UnexpectedShape", "a listed domain has no name")).ToList();
        region.ResourcesFound(names.Count);
        yield return [.. names.Chunk(BatchSize).SelectMany(batch =>
        {
            var described = DescribeAsync(client, region, batch);
            return batch.Select(name => (name, described));
        })];
    }

    private static async Task<IReadOnlyDictionary<string, OpenSearchDomain>> DescribeAsync(AwsApiClient client, RegionContext region, string[] names)
    {
        var answer = await client.CallAsync(region, Description, [new("DomainNames", names)]).ConfigureAwait(false);
        return answer.Items("DomainStatusList").Select(status => Read(status, region)).ToDictionary(domain => domain.Name.Value, StringComparer.Ordinal);
    }

    private static OpenSearchDomain Read(AwsAnswer status, RegionContext region)
    {
        var name = status.Text("DomainName") ?? throw Unreadable(Description, "UnexpectedShape", "a described domain has no name");
        var encryption = status.Member("EncryptionAtRestOptions");
        return new OpenSearchDomain
        {
            Id = status.Text("ARN") ?? DomainArn(region, name),
            Name = Fact.Known(name),
            Region = region.Region,
            Account = region.Account,

            // Options left out mean encryption at rest was never turned on.
            StorageEncrypted = Fact.Known(encryption?.Text("Enabled") == "true"),
            KmsKeyId = Fact.Known(encryption?.Text("KmsKeyId") is { Length: > 0 } key ? key : null),
            Key = new KeyReference.Undetermined(Texts.Canonical("reasons.key-not-resolved")),
        };
    }

    // Encrypted without a key named is aws/es: the API returns that key's ARN, but answers without it are read the same.
    private static Task<KeyReference> KeyOf(OpenSearchDomain domain, KmsKeyResolver keys) =>
        domain is { StorageEncrypted.Value: true, KmsKeyId.Value: null }
            ? Task.FromResult<KeyReference>(new KeyReference.ServiceDefault())
            : keys.ResolveStorageKeyAsync(domain.StorageEncrypted, domain.KmsKeyId.Value);

    private static string DomainArn(RegionContext region, string name) => $"arn:{region.Partition}:es:{region.Region}:{region.Account}:domain/{name}";

    private static AwsCallException Unreadable(AwsOperation operation, string code, string detail) =>
        new(AwsApi.OpenSearch.Service, operation.Name, AwsFailureKind.Unparseable, code, detail);
}
