using System.Text.Json;
using System.Text.Json.Serialization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws;

/// <summary>
/// What a rebuild of a DB cluster (Neptune, Aurora, DocumentDB) under another key carries across, as the scan read it.
/// It travels in a failing finding's evidence (<see cref="EvidenceKey"/>), so a finding read back from the store prints
/// the same fix. A null setting is one the cluster leaves to AWS; one the scan could not read is named in
/// <see cref="NotRead"/> instead.
/// </summary>
public sealed record DbClusterRebuild
{
    public const string EvidenceKey = "rebuild";

    // Each setting by its CLI option, as the "not read" list names it; the engine says which exist and their Terraform names.
    private static readonly (string Option, Func<IDbCluster, bool> IsRead)[] Options =
    [
        ("--engine", cluster => cluster.Engine.IsKnown),
        ("--engine-version", cluster => cluster.EngineVersion.IsKnown),
        ("--db-subnet-group-name", cluster => cluster.SubnetGroup.IsKnown),
        ("--vpc-security-group-ids", cluster => cluster.VpcSecurityGroupIds.IsKnown),
        ("--db-cluster-parameter-group-name", cluster => cluster.ClusterParameterGroup.IsKnown),
        ("--role-arn", cluster => cluster.IamRoles.IsKnown),
        ("--port", cluster => cluster.Port.IsKnown),
        ("--backup-retention-period", cluster => cluster.BackupRetentionPeriod.IsKnown),
        ("--preferred-backup-window", cluster => cluster.PreferredBackupWindow.IsKnown),
        ("--preferred-maintenance-window", cluster => cluster.PreferredMaintenanceWindow.IsKnown),
        ("--enable-cloudwatch-logs-exports", cluster => cluster.EnabledCloudwatchLogsExports.IsKnown),
        ("--enable-iam-database-authentication", cluster => cluster.IamDatabaseAuthentication.IsKnown),
        ("--deletion-protection", cluster => cluster.DeletionProtection.IsKnown),
        ("--copy-tags-to-snapshot", cluster => cluster.CopyTagsToSnapshot.IsKnown),
        ("--serverless-v2-scaling-configuration", cluster => cluster.ServerlessV2Scaling.IsKnown),
        ("--tags", cluster => cluster.Tags.IsKnown),
    ];

    /// <summary>The engine a restore and each new instance name; null when the scan could not tell.</summary>
    public string? Engine { get; init; }

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

    public ServerlessV2Scaling? ServerlessV2Scaling { get; init; }

    /// <summary>The tags a user can set (not <c>aws:</c> ones).</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    public IReadOnlyList<DbClusterMember>? Instances { get; init; }

    /// <summary>Why the instances were not read; null when they were.</summary>
    public string? InstancesNotRead { get; init; }

    /// <summary>The settings the scan could not read, by their AWS CLI option (<c>--port</c>): a rebuild cannot carry them.</summary>
    public IReadOnlyList<string> NotRead { get; init; } = [];

    /// <summary>The evidence a failing finding of a rebuild-only fix carries.</summary>
    public static (string Key, string? Value) Evidence(IDbCluster cluster, DbClusterEngine engine) => (EvidenceKey, JsonSerializer.Serialize(Of(cluster, engine), DbClusterRebuildJson.Default.DbClusterRebuild));

    /// <summary>The rebuild a finding's evidence holds; one with nothing read when the finding has none (a finding stored before it, a rule's help).</summary>
    public static DbClusterRebuild From(IReadOnlyDictionary<string, string?> evidence, DbClusterEngine engine)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(engine);
        return evidence.GetValueOrDefault(EvidenceKey) is { } json && JsonSerializer.Deserialize(json, DbClusterRebuildJson.Default.DbClusterRebuild) is { } rebuild
            ? (rebuild with { Engine = rebuild.Engine ?? engine.DefaultEngine }).Within(engine)
            : new() { Engine = engine.DefaultEngine, NotRead = [.. Options.Select(option => option.Option).Where(engine.Has)] };
    }

    private static DbClusterRebuild Of(IDbCluster cluster, DbClusterEngine engine) => new DbClusterRebuild
    {
        Engine = Value(cluster.Engine) ?? engine.DefaultEngine,
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
        NotRead = [.. Options.Where(option => engine.Has(option.Option) && !option.IsRead(cluster)).Select(option => option.Option)],
    }.Within(engine);

    // Without the settings the kind does not have, whatever its record or a finding's evidence holds for them: the kind's
    // CLI has no option to pass them with.
    private DbClusterRebuild Within(DbClusterEngine engine) => this with
    {
        IamRoles = engine.Has("--role-arn") ? IamRoles : null,
        IamAuthentication = engine.Has("--enable-iam-database-authentication") ? IamAuthentication : null,
        CopyTagsToSnapshot = engine.Has("--copy-tags-to-snapshot") ? CopyTagsToSnapshot : null,
        ServerlessV2Scaling = engine.Has("--serverless-v2-scaling-configuration") ? ServerlessV2Scaling : null,
    };

    private static T? Value<T>(Fact<T> fact)
        where T : class? => fact.IsKnown ? fact.Value : null;
}
