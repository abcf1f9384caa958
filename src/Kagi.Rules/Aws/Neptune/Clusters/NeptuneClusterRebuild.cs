using System.Text.Json;
using System.Text.Json.Serialization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Neptune.Clusters;

/// <summary>
/// What a rebuild of a Neptune cluster under another key carries across, as the scan read it. It travels in a failing
/// finding's evidence (<see cref="EvidenceKey"/>), so a finding read back from the store prints the same fix. A null
/// setting is one the cluster leaves to AWS; one the scan could not read is named in <see cref="NotRead"/> instead.
/// </summary>
public sealed record NeptuneClusterRebuild
{
    public const string EvidenceKey = "rebuild";

    // Each setting with its CLI option, as the "not read" list names it, and its aws_neptune_cluster argument.
    private static readonly (string Option, string TerraformArgument, Func<NeptuneCluster, bool> IsRead)[] Options =
    [
        ("--engine-version", "engine_version", cluster => cluster.EngineVersion.IsKnown),
        ("--db-subnet-group-name", "neptune_subnet_group_name", cluster => cluster.SubnetGroup.IsKnown),
        ("--vpc-security-group-ids", "vpc_security_group_ids", cluster => cluster.VpcSecurityGroupIds.IsKnown),
        ("--db-cluster-parameter-group-name", "neptune_cluster_parameter_group_name", cluster => cluster.ClusterParameterGroup.IsKnown),
        ("--role-arn", "iam_roles", cluster => cluster.IamRoles.IsKnown),
        ("--port", "port", cluster => cluster.Port.IsKnown),
        ("--backup-retention-period", "backup_retention_period", cluster => cluster.BackupRetentionPeriod.IsKnown),
        ("--preferred-backup-window", "preferred_backup_window", cluster => cluster.PreferredBackupWindow.IsKnown),
        ("--preferred-maintenance-window", "preferred_maintenance_window", cluster => cluster.PreferredMaintenanceWindow.IsKnown),
        ("--enable-cloudwatch-logs-exports", "enable_cloudwatch_logs_exports", cluster => cluster.EnabledCloudwatchLogsExports.IsKnown),
        ("--enable-iam-database-authentication", "iam_database_authentication_enabled", cluster => cluster.IamDatabaseAuthentication.IsKnown),
        ("--deletion-protection", "deletion_protection", cluster => cluster.DeletionProtection.IsKnown),
        ("--copy-tags-to-snapshot", "copy_tags_to_snapshot", cluster => cluster.CopyTagsToSnapshot.IsKnown),
        ("--serverless-v2-scaling-configuration", "serverless_v2_scaling_configuration", cluster => cluster.ServerlessV2Scaling.IsKnown),
        ("--tags", "tags", cluster => cluster.Tags.IsKnown),
    ];

    public string? EngineVersion { get; init; }

    public string? SubnetGroup { get; init; }

    public IReadOnlyList<string>? SecurityGroups { get; init; }

    public string? ClusterParameterGroup { get; init; }

    public IReadOnlyList<string>? IamRoles { get; init; }

    public int? Port { get; init; }

    public int? BackupRetentionPeriod { get; init; }

    public string? BackupWindow { get; init; }

    public string? MaintenanceWindow { get; init; }

    public IReadOnlyList<string>? LogExports { get; init; }

    public bool? IamAuthentication { get; init; }

    public bool? DeletionProtection { get; init; }

    public bool? CopyTagsToSnapshot { get; init; }

    public NeptuneServerlessScaling? ServerlessV2Scaling { get; init; }

    /// <summary>The tags a user can set (not <c>aws:</c> ones).</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    public IReadOnlyList<NeptuneClusterMember>? Instances { get; init; }

    /// <summary>Why the instances were not read; null when they were.</summary>
    public string? InstancesNotRead { get; init; }

    /// <summary>The settings the scan could not read, by their AWS CLI option (<c>--port</c>): a rebuild cannot carry them.</summary>
    public IReadOnlyList<string> NotRead { get; init; } = [];

    /// <summary>A setting named by its AWS CLI option (as <see cref="NotRead"/> names it), as <c>aws_neptune_cluster</c> names it.</summary>
    public static string TerraformArgumentOf(string option) =>
        Options.FirstOrDefault(setting => setting.Option == option).TerraformArgument ?? option;

    /// <summary>The evidence a failing finding of a rebuild-only fix carries.</summary>
    public static (string Key, string? Value) Evidence(NeptuneCluster cluster) => (EvidenceKey, JsonSerializer.Serialize(Of(cluster), NeptuneRebuildJson.Default.NeptuneClusterRebuild));

    /// <summary>The rebuild a finding's evidence holds; one with nothing read when the finding has none (a finding stored before it, a rule's help).</summary>
    public static NeptuneClusterRebuild From(IReadOnlyDictionary<string, string?> evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return evidence.GetValueOrDefault(EvidenceKey) is { } json && JsonSerializer.Deserialize(json, NeptuneRebuildJson.Default.NeptuneClusterRebuild) is { } rebuild
            ? rebuild
            : Nothing;
    }

    private static NeptuneClusterRebuild Nothing { get; } = new()
    {
        NotRead = [.. Options.Select(option => option.Option)],
    };

    private static NeptuneClusterRebuild Of(NeptuneCluster cluster) => new()
    {
        EngineVersion = Value(cluster.EngineVersion),
        SubnetGroup = Value(cluster.SubnetGroup),
        SecurityGroups = Value(cluster.VpcSecurityGroupIds),
        ClusterParameterGroup = Value(cluster.ClusterParameterGroup),
        IamRoles = Value(cluster.IamRoles),
        Port = cluster.Port.IsKnown ? cluster.Port.Value : null,
        BackupRetentionPeriod = cluster.BackupRetentionPeriod.IsKnown ? cluster.BackupRetentionPeriod.Value : null,
        BackupWindow = Value(cluster.PreferredBackupWindow),
        MaintenanceWindow = Value(cluster.PreferredMaintenanceWindow),
        LogExports = Value(cluster.EnabledCloudwatchLogsExports),
        IamAuthentication = cluster.IamDatabaseAuthentication.IsKnown ? cluster.IamDatabaseAuthentication.Value : null,
        DeletionProtection = cluster.DeletionProtection.IsKnown ? cluster.DeletionProtection.Value : null,
        CopyTagsToSnapshot = cluster.CopyTagsToSnapshot.IsKnown ? cluster.CopyTagsToSnapshot.Value : null,
        ServerlessV2Scaling = Value(cluster.ServerlessV2Scaling),
        Tags = cluster.Tags.IsKnown
            ? cluster.Tags.Value.Where(tag => !tag.Key.StartsWith("aws:", StringComparison.Ordinal)).ToDictionary(StringComparer.Ordinal)
            : null,
        Instances = Value(cluster.Instances),
        InstancesNotRead = cluster.Instances.IsKnown ? null : cluster.Instances.Reason,
        NotRead = [.. Options.Where(option => !option.IsRead(cluster)).Select(option => option.Option)],
    };

    private static T? Value<T>(Fact<T> fact)
        where T : class? => fact.IsKnown ? fact.Value : null;
}
