using Kagi.Core.Model;

namespace Kagi.Rules.Aws.OpenSearch.Domains;

/// <summary>
/// An Amazon OpenSearch Service domain (OpenSearch or legacy Elasticsearch engine): unencrypted unless encryption at rest
/// is on, which uses the key named or, without one, the AWS-managed <c>aws/es</c>.
/// </summary>
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
}
