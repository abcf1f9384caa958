using System.Globalization;
using System.Text.Json.Nodes;
using Kagi.Aws;
using Kagi.Aws.Protocols;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.OpenSearch.Domains;

/// <summary>
/// Domains of both engines: named by one <c>ListDomainNames</c> (which does not page), then described five at a time
/// with <c>DescribeDomains</c> (its limit), the batches in flight together; each domain's key is resolved as its batch
/// arrives. A batch that cannot be described is an ERROR of each of its domains, not of the region. The description holds
/// every setting a rebuild carries; the tags come from one <c>ListTags</c> a domain (the domain's own answer, where the
/// region's tagging listing may lag or, in emulators, leave domains out), and tags that cannot be read are unknown, with
/// the reason, while the domain is still judged.
/// </summary>
public sealed class OpenSearchDomainCollector : ILiveCollector
{
    /// <summary>The most domain names one <c>DescribeDomains</c> call accepts (the API reference's limit of <c>DomainNames</c>).</summary>
    public const int BatchSize = 5;

    private static readonly AwsOperation Listing = AwsOperations.OpenSearchListDomainNames;
    private static readonly AwsOperation Description = AwsOperations.OpenSearchDescribeDomains;
    private static readonly AwsOperation Tagging = AwsOperations.OpenSearchListTags;

    public string ResourceType => OpenSearchDomain.Descriptor.Type;

    public AwsService Service => AwsApi.OpenSearch.Service;

    public IReadOnlyList<string> Calls { get; } = [Listing.Name, Description.Name, Tagging.Name];

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
                return domain with
                {
                    Key = await KeyOf(domain, services.Keys).ConfigureAwait(false),
                    Tags = await TagsOf(client, region, domain.Id).ConfigureAwait(false),
                };
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
            EngineVersion = Fact.Known(status.Text("EngineVersion")),
            ClusterConfig = Option(status, DomainOptions.Cluster),
            EbsOptions = Option(status, DomainOptions.Ebs),
            AccessPolicies = Fact.Known(status.Text("AccessPolicies") is { Length: > 0 } policy ? policy : null),
            IpAddressType = Fact.Known(status.Text("IPAddressType")),
            SnapshotOptions = Option(status, DomainOptions.Snapshot),
            VpcOptions = Option(status, DomainOptions.Vpc),
            CognitoOptions = Option(status, DomainOptions.Cognito),
            NodeToNodeEncryptionOptions = Option(status, DomainOptions.NodeToNodeEncryption),
            AdvancedOptions = Fact.Known(status.Map("AdvancedOptions") is { Count: > 0 } advanced
                ? new JsonObject(advanced.Select(option => KeyValuePair.Create(option.Key, (JsonNode?)JsonValue.Create(option.Value)))).ToJsonString()
                : null),
            LogPublishingOptions = Fact.Known(status.Structures(DomainOptions.LogPublishing.Name) is { Count: > 0 } logs
                ? new JsonObject(logs.Select(log => KeyValuePair.Create(log.Key, (JsonNode?)Structure(log.Value, DomainOptions.LogPublishing.Members)))).ToJsonString()
                : null),
            DomainEndpointOptions = Option(status, DomainOptions.Endpoint),
            AdvancedSecurityOptions = Option(status, DomainOptions.Security),
            AutoTuneOptions = Fact.Known(AutoTune(status.Member(DomainOptions.AutoTune.Name))?.ToJsonString()),
            OffPeakWindowOptions = Option(status, DomainOptions.OffPeakWindow),
            SoftwareUpdateOptions = Option(status, DomainOptions.SoftwareUpdate),
        };
    }

    // Tags the domain's own API lists; unknown, with the reason, when it cannot: they serve a tag filter and the rebuild.
    private static Task<Fact<IReadOnlyDictionary<string, string>>> TagsOf(AwsApiClient client, RegionContext region, string arn) =>
        LiveSetting.ReadAsync<IReadOnlyDictionary<string, string>>(
            region,
            () => client.CallAsync(region, Tagging, [new("ARN", arn)]),
            answer => answer.Items("TagList")
                .Where(tag => tag.Text("Key") is not null)
                .ToDictionary(tag => tag.Text("Key")!, tag => tag.Text("Value") ?? string.Empty, StringComparer.Ordinal),
            noneCode: null);

    // The state read as the desired state create-domain takes: whatever is enabling or enabled is wanted on, and likewise off.
    private static JsonObject? AutoTune(AwsAnswer? options)
    {
        var desired = options?.Text("State") switch
        {
            { } state when state.StartsWith("ENABLE", StringComparison.Ordinal) => "ENABLED",
            { } state when state.StartsWith("DISABLE", StringComparison.Ordinal) => "DISABLED",
            _ => null,
        };
        var json = Structure(options, DomainOptions.AutoTune.Members.Where(member => member.Member != "DesiredState"));
        if (desired is not null)
        {
            (json ??= new JsonObject())["DesiredState"] = desired;
        }

        return json;
    }

    private static Fact<string?> Option(AwsAnswer status, DomainOption option) => Fact.Known(Structure(status.Member(option.Name), option.Members)?.ToJsonString());

    // The members of one structure the answer holds, as the option's JSON; null when it holds none of them.
    private static JsonObject? Structure(AwsAnswer? answer, IEnumerable<(string Member, OptionKind Kind)> members) =>
        answer is null ? null : DomainOptions.Build(members, (path, kind) =>
        {
            var at = path[..^1].Aggregate((AwsAnswer?)answer, (structure, step) => structure?.Member(step));
            return Fact.Known(at is null ? null : Value(at, path[^1], kind));
        }).Value;

    private static JsonNode? Value(AwsAnswer answer, string member, OptionKind kind) => kind switch
    {
        OptionKind.Words => answer.Texts(member) is { Count: > 0 } words ? new JsonArray([.. words.Select(word => (JsonNode?)JsonValue.Create(word))]) : null,
        _ when answer.Text(member) is null => null,
        OptionKind.Flag => JsonValue.Create(answer.Text(member) == "true"),
        OptionKind.Number => long.TryParse(answer.Text(member), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : throw Unreadable(Description, "UnexpectedShape", $"{member} is not a whole number"),
        _ => JsonValue.Create(answer.Text(member)),
    };

    // Encrypted without a key named is aws/es: the API returns that key's ARN, but answers without it are read the same.
    private static Task<KeyReference> KeyOf(OpenSearchDomain domain, KmsKeyResolver keys) =>
        domain is { StorageEncrypted.Value: true, KmsKeyId.Value: null }
            ? Task.FromResult<KeyReference>(new KeyReference.ServiceDefault())
            : keys.ResolveStorageKeyAsync(domain.StorageEncrypted, domain.KmsKeyId.Value);

    private static string DomainArn(RegionContext region, string name) => $"arn:{region.Partition}:es:{region.Region}:{region.Account}:domain/{name}";

    private static AwsCallException Unreadable(AwsOperation operation, string code, string detail) =>
        new(AwsApi.OpenSearch.Service, operation.Name, AwsFailureKind.Unparseable, code, detail);
}
