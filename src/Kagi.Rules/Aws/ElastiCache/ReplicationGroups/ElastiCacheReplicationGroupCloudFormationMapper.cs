using Kagi.CloudFormation.Evaluation;
using Kagi.CloudFormation.Mapping;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.ElastiCache.ReplicationGroups;

/// <summary>
/// <c>AWS::ElastiCache::ReplicationGroup</c>, as <see cref="ElastiCacheReplicationGroupTerraformMapper"/> maps
/// <c>aws_elasticache_replication_group</c>: an unset <c>AtRestEncryptionEnabled</c> takes
/// <c>CreateReplicationGroup</c>'s default, on for Valkey and off for Redis OSS, which is the engine when
/// <c>Engine</c> is not set. Encrypted without <c>KmsKeyId</c>, the group is on ElastiCache's service-owned key. A member
/// of a global datastore (<c>GlobalReplicationGroupId</c>) is encrypted as that datastore's primary is.
/// </summary>
internal sealed class ElastiCacheReplicationGroupCloudFormationMapper : CloudFormationMapper<ElastiCacheReplicationGroup>
{
    public override string ResourceType => ElastiCacheReplicationGroup.Descriptor.Type;

    public override ElastiCacheReplicationGroup Map(TemplateResource resource, TemplateKeyResolver keys)
    {
        var (encrypted, key) = DbClusterCloudFormation.Names(resource, "GlobalReplicationGroupId")
            ? DbClusterCloudFormation.Inherited(Texts.Canonical("reasons.replication-group-in-global-datastore", ("datastore", resource.Get("GlobalReplicationGroupId").Describe())))
            : (Encrypted(resource), DbClusterCloudFormation.Names(resource, "KmsKeyId") ? keys.Resolve(resource, "KmsKeyId") : new KeyReference.AwsOwned());
        return new ElastiCacheReplicationGroup
        {
            Id = resource.Id,
            Name = TemplateFacts.Name(resource, "ReplicationGroupId"),
            Tags = TemplateFacts.Tags(resource),
            StorageEncrypted = encrypted,
            KmsKeyId = TemplateFacts.OptionalString(resource, "KmsKeyId"),
            Key = key,
        };
    }

    private static Fact<bool> Encrypted(TemplateResource resource) => resource.Get("AtRestEncryptionEnabled") is TemplateNull
        ? TemplateFacts.OptionalString(resource, "Engine").Map(engine => string.Equals(engine, "valkey", StringComparison.OrdinalIgnoreCase))
        : TemplateFacts.Bool(resource, "AtRestEncryptionEnabled", whenNotSet: false);
}
