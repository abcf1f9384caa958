using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Terraform.Mapping;
using Kagi.Terraform.Values;

namespace Kagi.Rules.Aws.ElastiCache.ReplicationGroups;

/// <summary>
/// <c>aws_elasticache_replication_group</c> (AWS provider 5.x and 6.x alike): <c>at_rest_encryption_enabled</c> has no
/// provider default and is sent only when set, so an unset one takes <c>CreateReplicationGroup</c>'s default: on for
/// Valkey, off for Redis OSS — and the provider asks for <c>redis</c> when <c>engine</c> is not set. Encrypted without
/// <c>kms_key_id</c>, the group is on ElastiCache's default, service-owned key (AWS-owned; ElastiCache has no
/// <c>aws/elasticache</c> key). A member of a global datastore (<c>global_replication_group_id</c>) is encrypted as that
/// datastore's primary is, which this resource does not say.
/// </summary>
internal sealed class ElastiCacheReplicationGroupTerraformMapper : ResourceMapper<ElastiCacheReplicationGroup>
{
    private const string EncryptedArgument = "at_rest_encryption_enabled";
    private const string KeyArgument = "kms_key_id";
    private const string GlobalArgument = "global_replication_group_id";

    public override string TerraformType => "aws_elasticache_replication_group";

    public override ElastiCacheReplicationGroup Map(IResourceView view, KeyResolver keys)
    {
        var (encrypted, key) = RdsStorageMapping.Names(view, GlobalArgument)
            ? RdsStorageMapping.Inherited(Texts.Canonical("reasons.replication-group-in-global-datastore", ("datastore", view.Describe(GlobalArgument))))
            : (Encrypted(view), RdsStorageMapping.Names(view, KeyArgument) ? keys.Resolve(view, KeyArgument) : new KeyReference.AwsOwned());
        return new ElastiCacheReplicationGroup
        {
            Id = view.Address,
            Name = Facts.RequiredName(view, "replication_group_id"),
            Tags = Facts.Tags(view),
            StorageEncrypted = encrypted,
            KmsKeyId = Facts.OptionalString(view, KeyArgument),
            Key = key,
        };
    }

    // The argument is a nullable bool: "" means not set, like null.
    private static Fact<bool> Encrypted(IResourceView view) => view.Get(EncryptedArgument) is TfNull or TfString { Value.Length: 0 }
        ? view.Get("engine") switch
        {
            TfUnknown unknown => Fact.Unknown<bool>(unknown.Reason),
            TfString { Value: var engine } => Fact.Known(string.Equals(engine, "valkey", StringComparison.OrdinalIgnoreCase)),
            _ => Fact.Known(false),
        }
        : Facts.Bool(view, EncryptedArgument, whenNotSet: false);
}
