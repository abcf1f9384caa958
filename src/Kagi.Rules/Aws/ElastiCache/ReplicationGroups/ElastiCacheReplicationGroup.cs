using Kagi.Core.Model;

namespace Kagi.Rules.Aws.ElastiCache.ReplicationGroups;

/// <summary>
/// An Amazon ElastiCache (Valkey or Redis OSS) replication group: encrypted at rest only when created so, under a key
/// ElastiCache owns unless it names a customer-managed one (there is no <c>aws/elasticache</c> AWS-managed key).
/// </summary>
public sealed record ElastiCacheReplicationGroup : CloudResource, IEncryptedAtRest
{
    // ASFF has no replication-group type.
    public static ResourceKind Descriptor { get; } = new("AWS::ElastiCache::ReplicationGroup", AsffType: ResourceKind.OtherAsffType, OcsfType: "AWS::ElastiCache::ReplicationGroup", Service: "elasticache");

    /// <summary>Whether at-rest encryption is on (the API's <c>AtRestEncryptionEnabled</c>).</summary>
    public required Fact<bool> StorageEncrypted { get; init; }

    /// <summary>The key as written or returned (ID, ARN, alias); null when none was given.</summary>
    public required Fact<string?> KmsKeyId { get; init; }

    /// <summary>The key, resolved as far as the source allows.</summary>
    public required KeyReference Key { get; init; }
}
