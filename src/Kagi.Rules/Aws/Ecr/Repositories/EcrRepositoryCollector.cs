using Kagi.Aws;
using Kagi.Aws.Protocols;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Ecr.Repositories;

/// <summary>
/// Private repositories: listed with <c>DescribeRepositories</c>, which gives each one's encryption, tag mutability and
/// scan on push; then, for what a rebuild carries across, each one's lifecycle policy (<c>GetLifecyclePolicy</c>),
/// policy (<c>GetRepositoryPolicy</c>) and tags (<c>ListTagsForResource</c>). A repository without a policy is answered
/// with a not-found error, which is "none"; any other failure leaves that setting unknown with the reason, and the
/// repository is still judged.
/// </summary>
public sealed class EcrRepositoryCollector : ILiveCollector
{
    private static readonly AwsOperation Listing = AwsOperations.EcrDescribeRepositories;
    private static readonly AwsOperation Lifecycle = AwsOperations.EcrGetLifecyclePolicy;
    private static readonly AwsOperation Policy = AwsOperations.EcrGetRepositoryPolicy;
    private static readonly AwsOperation TagListing = AwsOperations.EcrListTagsForResource;

    public string ResourceType => EcrRepository.Descriptor.Type;

    public AwsService Service => AwsApi.Ecr.Service;

    public IReadOnlyList<string> Calls { get; } = [Listing.Name, Lifecycle.Name, Policy.Name, TagListing.Name];

    public string WildcardArn(string partition, string region, string account) => $"arn:{partition}:ecr:{region}:{account}:repository/*";

    public Task<RegionInventory> CollectAsync(RegionContext region, RegionServices services)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(services);
        var ecr = services.Clients.Api(AwsApi.Ecr, region.Region);
        var pages = ecr.ItemPagesAsync(region, Listing, "repositories", repository => Read(repository, region), [new("maxResults", 1000)]);
        return this.CollectPagesAsync(
            region,
            services,
            pages,
            async repository =>
            {
                var described = await WithRebuildSettingsAsync(ecr, region, repository).ConfigureAwait(false);
                return described.KmsKeyId.Value is { Length: > 0 } key ? described with { Key = await services.Keys.ResolveAsync(key).ConfigureAwait(false) } : described;
            },
            repository => (repository.Id, repository.KmsKeyId.Value));
    }

    private static EcrRepository Read(AwsAnswer repository, RegionContext region)
    {
        var name = repository.Text("repositoryName") ?? string.Empty;
        var encryption = repository.Member("encryptionConfiguration");
        var kmsKey = encryption?.Text("kmsKey");
        var arn = repository.Text("repositoryArn") ?? $"arn:{region.Partition}:ecr:{region.Region}:{region.Account}:repository/{name}";
        return new EcrRepository
        {
            Id = arn,
            Name = Fact.Known(name),
            Region = region.Region,
            Account = region.Account,
            KmsKeyId = Fact.Known(kmsKey),

            // AES256 (or no configuration) is an AWS-owned key; KMS (and DSSE-KMS) without a key is aws/ecr. A named key is resolved next.
            Key = kmsKey is { Length: > 0 } ? new KeyReference.Undetermined(Texts.Canonical("reasons.key-not-resolved"))
                : encryption?.Text("encryptionType") is null or "AES256" ? new KeyReference.AwsOwned()
                : new KeyReference.ServiceDefault(),
            ImageTagMutability = Fact.Known(repository.Text("imageTagMutability")),
            ScanOnPush = repository.Member("imageScanningConfiguration") is { } scanning ? scanning.Bool("scanOnPush", arn) : Fact.Known(false),
        };
    }

    private static async Task<EcrRepository> WithRebuildSettingsAsync(AwsApiClient ecr, RegionContext region, EcrRepository repository)
    {
        var name = repository.Name.Value;
        var lifecycle = await LiveSetting.ReadAsync(region, () => ecr.CallAsync(region, Lifecycle, [new("repositoryName", name)]), answer => answer.Text("lifecyclePolicyText"), "LifecyclePolicyNotFoundException").ConfigureAwait(false);
        var policy = await LiveSetting.ReadAsync(region, () => ecr.CallAsync(region, Policy, [new("repositoryName", name)]), answer => answer.Text("policyText"), "RepositoryPolicyNotFoundException").ConfigureAwait(false);
        var tags = await LiveSetting.ReadAsync<IReadOnlyDictionary<string, string>>(
            region,
            () => ecr.CallAsync(region, TagListing, [new("resourceArn", repository.Id)]),
            answer => answer.Items("tags").ToDictionary(tag => tag.Text("Key") ?? string.Empty, tag => tag.Text("Value") ?? string.Empty, StringComparer.Ordinal),
            noneCode: null).ConfigureAwait(false);
        return repository with { LifecyclePolicy = lifecycle, RepositoryPolicy = policy, Tags = tags };
    }
}
