using Kagi.Core.Model;

namespace Kagi.Rules.Aws;

/// <summary>
/// The record of a kind of the DB cluster family (<see cref="IDbCluster"/>): its storage encryption and key, and the
/// settings a rebuild under another key carries across, declared once for every kind.
/// </summary>
public abstract record DbClusterResource : CloudResource, IDbCluster
{
    public required Fact<bool> StorageEncrypted { get; init; }

    /// <summary>The key argument as written or returned (ID, ARN, alias); null when none was given.</summary>
    public required Fact<string?> KmsKeyId { get; init; }

    /// <summary>The key, resolved as far as the source allows.</summary>
    public required KeyReference Key { get; init; }

    [AbsentFromOlderInventories]
    public Fact<bool> DeletionProtection { get; init; } = Fact.NotReported<bool>(nameof(DeletionProtection));

    /// <summary>Days automated backups are kept.</summary>
    [AbsentFromOlderInventories]
    public Fact<int> BackupRetentionPeriod { get; init; } = Fact.NotReported<int>(nameof(BackupRetentionPeriod));

    /// <summary>Whether IAM database authentication is on; DocumentDB has no such setting (its API leaves it out).</summary>
    [AbsentFromOlderInventories]
    public Fact<bool> IamDatabaseAuthentication { get; init; } = Fact.NotReported<bool>(nameof(IamDatabaseAuthentication));

    /// <summary>The log types exported to CloudWatch Logs (<c>audit</c>, <c>slowquery</c>, <c>postgresql</c> …).</summary>
    [AbsentFromOlderInventories]
    public Fact<IReadOnlyList<string>> EnabledCloudwatchLogsExports { get; init; } = Fact.NotReported<IReadOnlyList<string>>(nameof(EnabledCloudwatchLogsExports));

    /// <summary>Whether snapshots take the cluster's tags; DocumentDB clusters have no such setting (only their instances do).</summary>
    [AbsentFromOlderInventories]
    public Fact<bool> CopyTagsToSnapshot { get; init; } = Fact.NotReported<bool>(nameof(CopyTagsToSnapshot));

    /// <summary>Whether the cluster's instances sit in more than one Availability Zone (the API's <c>MultiAZ</c>).</summary>
    [AbsentFromOlderInventories]
    public Fact<bool> MultiAz { get; init; } = Fact.NotReported<bool>(nameof(MultiAz));

    // What a rebuild under another key must carry across: the settings a restore takes or a later modify sets.

    /// <summary>The engine (<c>neptune</c>, <c>aurora-postgresql</c>, <c>docdb</c> …); null when a source leaves it to a default it does not know.</summary>
    [AbsentFromOlderInventories]
    public Fact<string?> Engine { get; init; } = Fact.NotReported<string?>(nameof(Engine));

    /// <summary>The engine version; null when a Terraform configuration leaves it to AWS.</summary>
    [AbsentFromOlderInventories]
    public Fact<string?> EngineVersion { get; init; } = Fact.NotReported<string?>(nameof(EngineVersion));

    /// <summary>The DB subnet group's name; null for the default subnet group.</summary>
    [AbsentFromOlderInventories]
    public Fact<string?> SubnetGroup { get; init; } = Fact.NotReported<string?>(nameof(SubnetGroup));

    [AbsentFromOlderInventories]
    public Fact<IReadOnlyList<string>> VpcSecurityGroupIds { get; init; } = Fact.NotReported<IReadOnlyList<string>>(nameof(VpcSecurityGroupIds));

    /// <summary>The DB cluster parameter group's name; null for the engine's default.</summary>
    [AbsentFromOlderInventories]
    public Fact<string?> ClusterParameterGroup { get; init; } = Fact.NotReported<string?>(nameof(ClusterParameterGroup));

    /// <summary>The ARNs of the IAM roles associated with the cluster (bulk load, S3 import and export, ML); DocumentDB has none to carry.</summary>
    [AbsentFromOlderInventories]
    public Fact<IReadOnlyList<string>> IamRoles { get; init; } = Fact.NotReported<IReadOnlyList<string>>(nameof(IamRoles));

    [AbsentFromOlderInventories]
    public Fact<int> Port { get; init; } = Fact.NotReported<int>(nameof(Port));

    /// <summary>The daily backup window (<c>hh24:mi-hh24:mi</c>, UTC); null when AWS chooses it.</summary>
    [AbsentFromOlderInventories]
    public Fact<string?> PreferredBackupWindow { get; init; } = Fact.NotReported<string?>(nameof(PreferredBackupWindow));

    /// <summary>The weekly maintenance window (<c>ddd:hh24:mi-ddd:hh24:mi</c>, UTC); null when AWS chooses it.</summary>
    [AbsentFromOlderInventories]
    public Fact<string?> PreferredMaintenanceWindow { get; init; } = Fact.NotReported<string?>(nameof(PreferredMaintenanceWindow));

    /// <summary>The serverless capacity range, in the engine's capacity units; null for a cluster with no serverless instances.</summary>
    [AbsentFromOlderInventories]
    public Fact<ServerlessV2Scaling?> ServerlessV2Scaling { get; init; } = Fact.NotReported<ServerlessV2Scaling?>(nameof(ServerlessV2Scaling));

    /// <summary>The cluster's DB instances, the writer first where the source says which it is.</summary>
    [AbsentFromOlderInventories]
    public Fact<IReadOnlyList<DbClusterMember>> Instances { get; init; } = Fact.NotReported<IReadOnlyList<DbClusterMember>>(nameof(Instances));
}
