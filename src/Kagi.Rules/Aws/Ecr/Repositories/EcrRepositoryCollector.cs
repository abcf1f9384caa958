using Kagi.Aws;
using Kagi.Aws.Protocols;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Ecr.Repositories;

/// <summary>Private repositories: listed with <c>DescribeRepositories</c>, which gives each one's encryption type and KMS key.</summary>
public sealed class EcrRepositoryCollector : ILiveCollector
{
    private static readonly AwsOperation Listing = AwsOperations.EcrDescribeRepositories;

    public string ResourceType => EcrRepository.Descriptor.Type;

    public AwsService Service => AwsApi.Ecr.Service;

    public IReadOnlyList<string> Calls { get; } = [Listing.Name];

    public string WildcardArn(string partition, string region, string account) => $"arn:{partition}:ecr:{region}:{account}:repository/*";

    public Task<RegionInventory> CollectAsync(RegionContext region, RegionServices services)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(services);
        var pages = services.Clients.Api(AwsApi.Ecr, region.Region).ItemPagesAsync(region, Listing, "repositories", repository => Read(repository, region), [new("maxResults", 1000)]);
        return this.CollectPagesAsync(
            region,
            services,
            pages,
            async repository => repository.KmsKeyId.Value is { Length: > 0 } key ? repository with { Key = await services.Keys.ResolveAsync(key).ConfigureAwait(false) } : repository,
            repository => (repository.Id, repository.KmsKeyId.Value));
    }

    private static EcrRepository Read(AwsAnswer repository, RegionContext region)
    {
        var name = repository.Text("repositoryName") ?? string.Empty;
        var encryption = repository.Member("encryptionConfiguration");
        var kmsKey = encryption?.Text("kmsKey");
        return new EcrRepository
        {
            Id = repository.Text("repositoryArn") ?? $"arn:{region.Partition}:ecr:{region.Region}:{region.Account}:repository/{name}",
            Name = Fact.Known(name),
            Region = region.Region,
            Account = region.Account,
            KmsKeyId = Fact.Known(kmsKey),

            // AES256 (or no configuration) is an AWS-owned key; KMS (and DSSE-KMS) without a key is aws/ecr. A named key is resolved next.
            Key = kmsKey is { Length: > 0 } ? new KeyReference.Undetermined(Texts.Canonical("reasons.key-not-resolved"))
                : encryption?.Text("encryptionType") is null or "AES256" ? new KeyReference.AwsOwned()
                : new KeyReference.ServiceDefault(),
        };
    }
}
