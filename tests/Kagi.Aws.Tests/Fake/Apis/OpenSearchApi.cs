using System.Text.Json;
using Kagi.Rules.Aws.OpenSearch.Domains;

namespace Kagi.Aws.Tests.Fake.Apis;

/// <summary>
/// OpenSearch Service (REST-JSON, signed <c>es</c>): <c>ListDomainNames</c>, which does not page, and <c>DescribeDomains</c>,
/// which refuses more than five names as AWS does. A store's <see cref="FakeStore.Encrypted"/> is encryption at rest; its
/// key is returned as written, absent when encryption is on without one.
/// </summary>
public sealed class OpenSearchApi : IFakeApi
{
    /// <summary>The most names one <c>DescribeDomains</c> call accepts.</summary>
    public const int MaxDescribed = 5;

    private const string ListDomainNames = "ListDomainNames";
    private const string DescribeDomains = "DescribeDomains";

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
                        }),
                    },
                    "application/json");
            default:
                return null;
        }
    }

    private static string EngineOf(FakeStore domain) => domain.Extra.GetValueOrDefault("EngineType") ?? "OpenSearch";
}
