using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws;

/// <summary>
/// A DB cluster of the RDS API family (Neptune, Aurora and Multi-AZ DB clusters, DocumentDB): the settings a rebuild
/// under another key must carry across, as its record holds them. Each kind's record declares them, since a saved
/// inventory keeps a record's own properties; <see cref="DbClusterSettings"/> fills them from either source.
/// </summary>
public interface IDbCluster : IEncryptedAtRest
{
    Fact<string> Name { get; }

    Fact<IReadOnlyDictionary<string, string>> Tags { get; }

    /// <summary>The engine (<c>aurora-postgresql</c>, <c>neptune</c>); a restore from a snapshot and each new instance name it.</summary>
    Fact<string?> Engine { get; }

    Fact<bool> DeletionProtection { get; }

    Fact<int> BackupRetentionPeriod { get; }

    Fact<bool> IamDatabaseAuthentication { get; }

    Fact<IReadOnlyList<string>> EnabledCloudwatchLogsExports { get; }

    Fact<bool> CopyTagsToSnapshot { get; }

    Fact<bool> MultiAz { get; }

    Fact<string?> EngineVersion { get; }

    Fact<string?> SubnetGroup { get; }

    Fact<IReadOnlyList<string>> VpcSecurityGroupIds { get; }

    Fact<string?> ClusterParameterGroup { get; }

    Fact<IReadOnlyList<string>> IamRoles { get; }

    Fact<int> Port { get; }

    Fact<string?> PreferredBackupWindow { get; }

    Fact<string?> PreferredMaintenanceWindow { get; }

    Fact<ServerlessV2Scaling?> ServerlessV2Scaling { get; }

    Fact<IReadOnlyList<DbClusterMember>> Instances { get; }
}

/// <summary>One DB instance of a cluster, as a rebuild recreates it; a null setting is one the source leaves to AWS.</summary>
[SavedAsJson(typeof(DbClusterJson))]
public sealed record DbClusterMember(string Name, string? InstanceClass, string? AvailabilityZone, int? PromotionTier, string? ParameterGroup);

/// <summary>Serverless v2 capacity, in the engine's capacity units (Aurora ACUs, Neptune NCUs).</summary>
[SavedAsJson(typeof(DbClusterJson))]
public sealed record ServerlessV2Scaling(decimal MinCapacity, decimal MaxCapacity);

/// <summary>
/// What a source read of a DB cluster's settings: the live reader and the Terraform mapping fill this once for every kind
/// of the family, and <see cref="SetOn{TCluster}"/> gives them to the kind's record, whose properties of the same names
/// (<see cref="IDbCluster"/>) take them as they are.
/// </summary>
public sealed record DbClusterSettings
{
    private static readonly PropertyInfo[] Settings = typeof(DbClusterSettings).GetProperties(BindingFlags.Public | BindingFlags.Instance);

    /// <summary>Sets each setting on a cluster just built, before anything else sees it; returns it.</summary>
    public TCluster SetOn<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] TCluster>(TCluster cluster)
        where TCluster : CloudResource, IDbCluster
    {
        ArgumentNullException.ThrowIfNull(cluster);
        foreach (var setting in Settings)
        {
            typeof(TCluster).GetProperty(setting.Name)!.SetValue(cluster, setting.GetValue(this));
        }

        return cluster;
    }

    public required Fact<string?> Engine { get; init; }

    public required Fact<bool> DeletionProtection { get; init; }

    public required Fact<int> BackupRetentionPeriod { get; init; }

    public required Fact<bool> IamDatabaseAuthentication { get; init; }

    public required Fact<IReadOnlyList<string>> EnabledCloudwatchLogsExports { get; init; }

    public required Fact<bool> CopyTagsToSnapshot { get; init; }

    public required Fact<bool> MultiAz { get; init; }

    public required Fact<string?> EngineVersion { get; init; }

    public required Fact<string?> SubnetGroup { get; init; }

    public required Fact<IReadOnlyList<string>> VpcSecurityGroupIds { get; init; }

    public required Fact<string?> ClusterParameterGroup { get; init; }

    public required Fact<IReadOnlyList<string>> IamRoles { get; init; }

    public required Fact<int> Port { get; init; }

    public required Fact<string?> PreferredBackupWindow { get; init; }

    public required Fact<string?> PreferredMaintenanceWindow { get; init; }

    public required Fact<ServerlessV2Scaling?> ServerlessV2Scaling { get; init; }

    public required Fact<IReadOnlyList<DbClusterMember>> Instances { get; init; }
}
