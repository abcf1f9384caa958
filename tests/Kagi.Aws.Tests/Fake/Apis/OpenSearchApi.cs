using System.Text.Json;
using Kagi.Rules.Aws.OpenSearch.Domains;

namespace Kagi.Aws.Tests.Fake.Apis;

/// <summary>
/// OpenSearch Service (REST-JSON, signed <c>es</c>): <c>ListDomainNames</c>, which does not page, <c>DescribeDomains</c>,
/// which refuses more than five names as AWS does, and <c>ListTags</c> by ARN. A store's <see cref="FakeStore.Encrypted"/>
/// is encryption at rest; its key is returned as written, absent when encryption is on without one. Every domain has the
/// settings of a small public one, as AWS describes them.
/// </summary>
public sealed class OpenSearchApi : IFakeApi
{
    /// <summary>The most names one <c>DescribeDomains</c> call accepts.</summary>
    public const int MaxDescribed = 5;

    private const string ListDomainNames = "ListDomainNames";
    private const string DescribeDomains = "DescribeDomains";
    private const string ListTags = "ListTags";

    public string SigningName => "es";

    public FakeWire Wire => FakeWire.RestJson;

    public FakeListing? ListingOf(string kind) => kind == OpenSearchDomain.Descriptor.Type ? new(DescribeDomains, MaxDescribed, OffsetTokens: false) : null;

    public string ActionOf(FakeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (request.Method, request.Path) switch
        {
            ("GET", "/2021-01-01/domain") => ListDomainNames,
            ("POST", "/2021-01-01/opensearch/domain-info") => DescribeDomains,
            ("GET", "/2021-01-01/tags/") => ListTags,
            _ => $"{request.Method} {request.Path}",
        };
    }

    public FakeReply? Answer(FakeRequest request, FakeRegion region, FakeScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(scenario);
        var domains = region.StoresOf(OpenSearchDomain.Descriptor.Type);
        switch (ActionOf(request))
        {
            case ListDomainNames:
                return FakeReply.Json(new { DomainNames = domains.Select(domain => new { DomainName = domain.Name, EngineType = EngineOf(domain) }) }, "application/json");
            case DescribeDomains:
                var names = request.Json is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("DomainNames", out var list) && list.ValueKind == JsonValueKind.Array
                    ? [.. list.EnumerateArray().Select(name => name.GetString())]
                    : new List<string?>();
                if (names.Count is 0 or > MaxDescribed)
                {
                    return FakeReply.Error(Wire, "ValidationException", $"1 validation error detected: Value at 'domainNames' failed to satisfy constraint: Member must have length less than or equal to {MaxDescribed}");
                }

                return FakeReply.Json(
                    new
                    {
                        DomainStatusList = domains.Where(domain => names.Contains(domain.Name)).Select(domain => new
                        {
                            DomainId = $"{scenario.Account}/{domain.Name}",
                            DomainName = domain.Name,
                            ARN = $"arn:aws:es:{request.Region}:{scenario.Account}:domain/{domain.Name}",
                            Created = true,
                            Deleted = false,
                            EngineVersion = EngineOf(domain) == "Elasticsearch" ? "Elasticsearch_7.10" : "OpenSearch_2.11",
                            EncryptionAtRestOptions = new { Enabled = domain.Encrypted, KmsKeyId = domain.Encrypted ? domain.KmsKeyId : null },
                            ClusterConfig = new { InstanceType = "t3.small.search", InstanceCount = 1, DedicatedMasterEnabled = false, ZoneAwarenessEnabled = false },
                            EBSOptions = new { EBSEnabled = true, VolumeType = "gp3", VolumeSize = 10, Iops = 3000, Throughput = 125 },
                            NodeToNodeEncryptionOptions = new { Enabled = true },
                            DomainEndpointOptions = new { EnforceHTTPS = true, TLSSecurityPolicy = "Policy-Min-TLS-1-2-2019-07" },
                            AdvancedSecurityOptions = new { Enabled = false, InternalUserDatabaseEnabled = false },
                            AutoTuneOptions = new { State = "DISABLED" },
                        }),
                    },
                    "application/json");
            case ListTags:
                var arn = request.Query["arn"].FirstOrDefault();
                var tagged = domains.FirstOrDefault(domain => arn == $"arn:aws:es:{request.Region}:{scenario.Account}:domain/{domain.Name}");
                return tagged is null
                    ? FakeReply.Error(Wire, "ResourceNotFoundException", $"Domain not found: {arn}", 409)
                    : FakeReply.Json(new { TagList = tagged.Tags.Select(tag => new { tag.Key, tag.Value }) }, "application/json");
            default:
                return null;
        }
    }

    private static string EngineOf(FakeStore domain) => domain.Extra.GetValueOrDefault("EngineType") ?? "OpenSearch";
}
