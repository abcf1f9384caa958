using Kagi.Core.Model;

namespace Kagi.Rules.Aws.OpenSearch.Domains;

/// <summary>
/// An Amazon OpenSearch Service domain (OpenSearch or legacy Elasticsearch engine): unencrypted unless encryption at rest
/// is on, which uses the key named or, without one, the AWS-managed <c>aws/es</c>.
/// </summary>
/// <remarks>
/// What a rebuild under another key carries across (<see cref="OpenSearchDomainRebuild"/>): each of <c>create-domain</c>'s
/// structured options as the JSON that option takes (members the domain leaves out left out), null when the domain sets
/// none. Secrets (a master user's password) are never read: no API returns them.
/// </remarks>
public sealed record OpenSearchDomain : CloudResource, IEncryptedAtRest
{
    public static ResourceKind Descriptor { get; } =
        new("AWS::OpenSearchService::Domain", AsffType: "AwsOpenSearchServiceDomain", OcsfType: "AWS::OpenSearchService::Domain", Service: "opensearch", ServiceKeyAlias: "alias/aws/es");

    /// <summary>Whether encryption at rest is on.</summary>
    public required Fact<bool> StorageEncrypted { get; init; }

    /// <summary>The key as written or returned (ID, ARN or alias); null when none was given.</summary>
    public required Fact<string?> KmsKeyId { get; init; }

    /// <summary>The key, resolved as far as the source allows.</summary>
    public required KeyReference Key { get; init; }

    /// <summary><c>OpenSearch_2.11</c>, <c>Elasticsearch_7.10</c>.</summary>
    [AbsentFromOlderInventories]
    public Fact<string?> EngineVersion { get; init; } = Fact.NotReported<string?>(nameof(EngineVersion));

    /// <summary>Data nodes, dedicated masters, zone awareness, warm and cold storage.</summary>
    [AbsentFromOlderInventories]
    public Fact<string?> ClusterConfig { get; init; } = Fact.NotReported<string?>(nameof(ClusterConfig));

    /// <summary>Volume type, size, IOPS and throughput.</summary>
    [AbsentFromOlderInventories]
    public Fact<string?> EbsOptions { get; init; } = Fact.NotReported<string?>(nameof(EbsOptions));

    /// <summary>The resource-based policy document itself (JSON text).</summary>
    [AbsentFromOlderInventories]
    public Fact<string?> AccessPolicies { get; init; } = Fact.NotReported<string?>(nameof(AccessPolicies));

    /// <summary><c>ipv4</c> or <c>dualstack</c>.</summary>
    [AbsentFromOlderInventories]
    public Fact<string?> IpAddressType { get; init; } = Fact.NotReported<string?>(nameof(IpAddressType));

    [AbsentFromOlderInventories]
    public Fact<string?> SnapshotOptions { get; init; } = Fact.NotReported<string?>(nameof(SnapshotOptions));

    /// <summary>The subnets and security groups of a domain in a VPC; null for a public one.</summary>
    [AbsentFromOlderInventories]
    public Fact<string?> VpcOptions { get; init; } = Fact.NotReported<string?>(nameof(VpcOptions));

    [AbsentFromOlderInventories]
    public Fact<string?> CognitoOptions { get; init; } = Fact.NotReported<string?>(nameof(CognitoOptions));

    [AbsentFromOlderInventories]
    public Fact<string?> NodeToNodeEncryptionOptions { get; init; } = Fact.NotReported<string?>(nameof(NodeToNodeEncryptionOptions));

    [AbsentFromOlderInventories]
    public Fact<string?> AdvancedOptions { get; init; } = Fact.NotReported<string?>(nameof(AdvancedOptions));

    /// <summary>Each log type to its CloudWatch Logs group.</summary>
    [AbsentFromOlderInventories]
    public Fact<string?> LogPublishingOptions { get; init; } = Fact.NotReported<string?>(nameof(LogPublishingOptions));

    /// <summary>HTTPS required, the TLS policy, a custom endpoint and its certificate.</summary>
    [AbsentFromOlderInventories]
    public Fact<string?> DomainEndpointOptions { get; init; } = Fact.NotReported<string?>(nameof(DomainEndpointOptions));

    /// <summary>Fine-grained access control: on, with the internal user database, anonymous access; never the master user.</summary>
    [AbsentFromOlderInventories]
    public Fact<string?> AdvancedSecurityOptions { get; init; } = Fact.NotReported<string?>(nameof(AdvancedSecurityOptions));

    /// <summary>The state read turned into the desired state <c>create-domain</c> takes.</summary>
    [AbsentFromOlderInventories]
    public Fact<string?> AutoTuneOptions { get; init; } = Fact.NotReported<string?>(nameof(AutoTuneOptions));

    [AbsentFromOlderInventories]
    public Fact<string?> OffPeakWindowOptions { get; init; } = Fact.NotReported<string?>(nameof(OffPeakWindowOptions));

    [AbsentFromOlderInventories]
    public Fact<string?> SoftwareUpdateOptions { get; init; } = Fact.NotReported<string?>(nameof(SoftwareUpdateOptions));
}
