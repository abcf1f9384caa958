using System.Globalization;
using Kagi.CloudFormation.Evaluation;
using Kagi.CloudFormation.Mapping;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws;

/// <summary>
/// What the CloudFormation DB cluster types of the RDS API family (<c>AWS::Neptune::DBCluster</c>, <c>AWS::RDS::DBCluster</c>,
/// <c>AWS::DocDB::DBCluster</c>) share: storage encryption, created or restored; the settings a rebuild carries, under the
/// property names the types have in common; and their instances, declared apart and joined for their zones.
/// </summary>
internal static class DbClusterCloudFormation
{
    /// <summary>
    /// A cluster's encryption and key. Restored from one of <paramref name="restoreSources"/>, it is encrypted with the
    /// <c>KmsKeyId</c> named on restore, or else as its source is: AWS takes no <c>StorageEncrypted</c> on restore.
    /// </summary>
    /// <param name="whenNotSet">What an unset <c>StorageEncrypted</c> means to the service.</param>
    /// <param name="encryptedProperty">The type's name for <c>StorageEncrypted</c> (Redshift's cluster, of the same API lineage, says <c>Encrypted</c>).</param>
    public static (Fact<bool> Encrypted, KeyReference Key) Storage(TemplateResource resource, TemplateKeyResolver keys, IEnumerable<string> restoreSources, Fact<bool> whenNotSet, string encryptedProperty = "StorageEncrypted")
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(keys);
        if (RestoredFrom(resource, restoreSources) is not { } source)
        {
            return (resource.Get(encryptedProperty) is TemplateNull ? whenNotSet : TemplateFacts.Bool(resource, encryptedProperty, whenNotSet: false), keys.Resolve(resource, "KmsKeyId"));
        }

        return Names(resource, "KmsKeyId") ? (Fact.Known(true), keys.Resolve(resource, "KmsKeyId")) : Inherited(Texts.Canonical("reasons.cloudformation-restored-cluster", ("source", source)));
    }

    /// <summary>The first of <paramref name="sources"/> the resource sets, as written; null for a resource created afresh.</summary>
    public static string? RestoredFrom(TemplateResource resource, IEnumerable<string> sources)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return sources.FirstOrDefault(source => Names(resource, source)) is { } named ? resource.Get(named).Describe() : null;
    }

    /// <summary>Whether the resource sets <paramref name="property"/> to anything but nothing or an empty string.</summary>
    public static bool Names(TemplateResource resource, string property)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.Get(property) is not (TemplateNull or TemplateText { Value.Length: 0 });
    }

    /// <summary>Encryption and key both decided by something the template does not say.</summary>
    public static (Fact<bool> Encrypted, KeyReference Key) Inherited(string reason) =>
        (Fact.Unknown<bool>(reason), new KeyReference.Undetermined(reason));

    /// <summary>
    /// The settings as written, the service's defaults for those left out. What the types name apart (the engine, IAM
    /// authentication, the port, serverless capacity) the kind's mapper reads; the instances are the join's.
    /// </summary>
    public static DbClusterSettings Settings(TemplateResource resource, string instanceType, DbClusterOwnSettings own)
    {
        ArgumentNullException.ThrowIfNull(own);
        return new()
        {
            Engine = own.Engine,
            DeletionProtection = TemplateFacts.Bool(resource, "DeletionProtection", whenNotSet: false),
            BackupRetentionPeriod = TemplateFacts.Int(resource, "BackupRetentionPeriod", whenNotSet: 1),
            IamDatabaseAuthentication = own.IamDatabaseAuthentication,
            EnabledCloudwatchLogsExports = TemplateFacts.Strings(resource, "EnableCloudwatchLogsExports"),
            CopyTagsToSnapshot = TemplateFacts.Bool(resource, "CopyTagsToSnapshot", whenNotSet: false),
            EngineVersion = TemplateFacts.OptionalString(resource, "EngineVersion"),
            SubnetGroup = TemplateFacts.OptionalString(resource, "DBSubnetGroupName"),
            VpcSecurityGroupIds = TemplateFacts.Strings(resource, "VpcSecurityGroupIds"),
            ClusterParameterGroup = TemplateFacts.OptionalString(resource, "DBClusterParameterGroupName"),
            IamRoles = Roles(resource),
            Port = own.Port,
            PreferredBackupWindow = TemplateFacts.OptionalString(resource, "PreferredBackupWindow"),
            PreferredMaintenanceWindow = TemplateFacts.OptionalString(resource, "PreferredMaintenanceWindow"),
            ServerlessV2Scaling = own.ServerlessV2Scaling,

            // Joined from the cluster's instances.
            MultiAz = Fact.Unknown<bool>(Texts.Canonical("reasons.cluster-instance-not-found", ("type", instanceType))),
            Instances = Fact.Known<IReadOnlyList<DbClusterMember>>([]),
        };
    }

    /// <summary>A serverless capacity property, <c>{MinCapacity, MaxCapacity}</c>; null when it is not set.</summary>
    public static Fact<ServerlessV2Scaling?> Scaling(TemplateResource resource, string property)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.Get(property) switch
        {
            TemplateNull => Fact.Known<ServerlessV2Scaling?>(null),
            TemplateMap map when Capacity(map.Get("MinCapacity")) is { } low && Capacity(map.Get("MaxCapacity")) is { } high => Fact.Known<ServerlessV2Scaling?>(new(low, high)),
            var other => TemplateFacts.NotKnown<ServerlessV2Scaling?>(resource, property, other, property),
        };
    }

    /// <summary>
    /// The instances of <paramref name="instanceType"/> that name the cluster (by <c>Ref</c>, or by its identifier), and
    /// whether they span zones; the cluster's own (the mapping's "no instance found") when none does.
    /// </summary>
    public static (Fact<bool> MultiAz, Fact<IReadOnlyList<DbClusterMember>> Instances) Instances<TCluster>(TCluster cluster, TemplateScope scope, string instanceType)
        where TCluster : CloudResource, IDbCluster
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(scope);
        var instances = scope.OfType(instanceType).Where(instance => BelongsTo(instance, cluster, cluster.Name)).ToList();
        return instances.Count == 0 ? (cluster.MultiAz, cluster.Instances) : (MultiAz(instances), Fact.Known<IReadOnlyList<DbClusterMember>>([.. instances.Select(Member)]));
    }

    // Whether an instance's DBClusterIdentifier names the cluster: by Ref, or by the same literal identifier.
    private static bool BelongsTo(TemplateResource instance, CloudResource cluster, Fact<string> name) =>
        TemplateScope.RefersTo(instance, "DBClusterIdentifier", cluster)
        || (instance.Get("DBClusterIdentifier") is TemplateText { Value: var named } && name is { IsKnown: true, Value: var known } && string.Equals(named, known, StringComparison.OrdinalIgnoreCase));

    private static decimal? Capacity(TemplateValue? value) =>
        value is TemplateText { Value: var text } && decimal.TryParse(text, CultureInfo.InvariantCulture, out var capacity) ? capacity : null;

    // AssociatedRoles: [{RoleArn, FeatureName}].
    private static Fact<IReadOnlyList<string>> Roles(TemplateResource resource) => resource.Get("AssociatedRoles") switch
    {
        TemplateNull => Fact.Known<IReadOnlyList<string>>([]),
        TemplateList { Items: var items } when items.All(item => item is TemplateMap map && map.Get("RoleArn") is TemplateText) =>
            Fact.Known<IReadOnlyList<string>>([.. items.Cast<TemplateMap>().Select(map => ((TemplateText)map.Get("RoleArn")!).Value)]),
        var other => TemplateFacts.NotKnown<IReadOnlyList<string>>(resource, "AssociatedRoles", other, "List"),
    };

    // A setting written as an expression Kagi cannot evaluate is left null: the printed rebuild says it was not read.
    private static DbClusterMember Member(TemplateResource instance) => new(
        Known(TemplateFacts.OptionalString(instance, "DBInstanceIdentifier")) ?? instance.LogicalId,
        Known(TemplateFacts.OptionalString(instance, "DBInstanceClass")),
        Known(TemplateFacts.OptionalString(instance, "AvailabilityZone")),
        instance.Get("PromotionTier") is TemplateText { Value: var tier } && int.TryParse(tier, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null,
        Known(TemplateFacts.OptionalString(instance, "DBParameterGroupName")));

    private static string? Known(Fact<string?> fact) => fact.IsKnown ? fact.Value : null;

    // One instance is in one zone wherever AWS puts it; more are spread when two name different zones.
    private static Fact<bool> MultiAz(List<TemplateResource> instances)
    {
        if (instances.Count == 1)
        {
            return Fact.Known(false);
        }

        var zones = instances.Select(instance => (instance, zone: instance.Get("AvailabilityZone"))).ToList();
        if (zones.Select(z => z.zone).OfType<TemplateText>().Select(zone => zone.Value).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            return Fact.Known(true);
        }

        return zones.FirstOrDefault(z => z.zone is not TemplateText) is var (open, zone) && open is not null
            ? zone is TemplateNull
                ? Fact.Unknown<bool>(Texts.Canonical("reasons.cloudformation-zone-chosen-at-deploy", ("resource", open.Id)))
                : TemplateFacts.NotKnown<bool>(open, "AvailabilityZone", zone, "String")
            : Fact.Known(false);
    }
}

/// <summary>The settings each DB cluster type reads under a name of its own, or decides by a default of its own.</summary>
internal sealed record DbClusterOwnSettings(Fact<string?> Engine, Fact<bool> IamDatabaseAuthentication, Fact<int> Port, Fact<ServerlessV2Scaling?> ServerlessV2Scaling);
