using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Rds.Instances;

/// <summary>A standalone Amazon RDS DB instance; the members of Aurora and Multi-AZ DB clusters are judged through their cluster.</summary>
public sealed record RdsInstance : CloudResource, IEncryptedAtRest
{
    public static ResourceKind Descriptor { get; } = new("AWS::RDS::DBInstance", AsffType: "AwsRdsDbInstance", OcsfType: "AWS::RDS::DBInstance", Service: "rds");

    public required Fact<bool> StorageEncrypted { get; init; }

    /// <summary>The key argument as written or returned (ID, ARN, alias); null when none was given.</summary>
    public required Fact<string?> KmsKeyId { get; init; }

    /// <summary>The key, resolved as far as the source allows.</summary>
    public required KeyReference Key { get; init; }

    // What a rebuild under another key must carry across: the settings a restore takes or a later modify sets.

    /// <summary>The engine (<c>postgres</c>, <c>mysql</c>, <c>oracle-ee</c> …), which a restore may name.</summary>
    [AbsentFromOlderInventories]
    public Fact<string?> Engine { get; init; } = Fact.NotReported<string?>(nameof(Engine));

    [AbsentFromOlderInventories]
    public Fact<string?> InstanceClass { get; init; } = Fact.NotReported<string?>(nameof(InstanceClass));

    /// <summary>The Availability Zone; null when AWS chooses it (and for a Multi-AZ instance, whose zone is AWS's).</summary>
    [AbsentFromOlderInventories]
    public Fact<string?> AvailabilityZone { get; init; } = Fact.NotReported<string?>(nameof(AvailabilityZone));

    [AbsentFromOlderInventories]
    public Fact<bool> MultiAz { get; init; } = Fact.NotReported<bool>(nameof(MultiAz));

    /// <summary>The DB subnet group's name; null for the default subnet group.</summary>
    [AbsentFromOlderInventories]
    public Fact<string?> SubnetGroup { get; init; } = Fact.NotReported<string?>(nameof(SubnetGroup));

    [AbsentFromOlderInventories]
    public Fact<IReadOnlyList<string>> VpcSecurityGroupIds { get; init; } = Fact.NotReported<IReadOnlyList<string>>(nameof(VpcSecurityGroupIds));

    /// <summary>The DB parameter group's name; null for the engine's default.</summary>
    [AbsentFromOlderInventories]
    public Fact<string?> ParameterGroup { get; init; } = Fact.NotReported<string?>(nameof(ParameterGroup));

    /// <summary>The option group's name; null for the engine's default.</summary>
    [AbsentFromOlderInventories]
    public Fact<string?> OptionGroup { get; init; } = Fact.NotReported<string?>(nameof(OptionGroup));

    [AbsentFromOlderInventories]
    public Fact<int> Port { get; init; } = Fact.NotReported<int>(nameof(Port));

    /// <summary>Days automated backups are kept.</summary>
    [AbsentFromOlderInventories]
    public Fact<int> BackupRetentionPeriod { get; init; } = Fact.NotReported<int>(nameof(BackupRetentionPeriod));

    /// <summary>The daily backup window (<c>hh24:mi-hh24:mi</c>, UTC); null when AWS chooses it.</summary>
    [AbsentFromOlderInventories]
    public Fact<string?> PreferredBackupWindow { get; init; } = Fact.NotReported<string?>(nameof(PreferredBackupWindow));

    /// <summary>The weekly maintenance window (<c>ddd:hh24:mi-ddd:hh24:mi</c>, UTC); null when AWS chooses it.</summary>
    [AbsentFromOlderInventories]
    public Fact<string?> PreferredMaintenanceWindow { get; init; } = Fact.NotReported<string?>(nameof(PreferredMaintenanceWindow));

    [AbsentFromOlderInventories]
    public Fact<IReadOnlyList<string>> EnabledCloudwatchLogsExports { get; init; } = Fact.NotReported<IReadOnlyList<string>>(nameof(EnabledCloudwatchLogsExports));

    [AbsentFromOlderInventories]
    public Fact<bool> IamDatabaseAuthentication { get; init; } = Fact.NotReported<bool>(nameof(IamDatabaseAuthentication));

    [AbsentFromOlderInventories]
    public Fact<bool> DeletionProtection { get; init; } = Fact.NotReported<bool>(nameof(DeletionProtection));

    [AbsentFromOlderInventories]
    public Fact<bool> CopyTagsToSnapshot { get; init; } = Fact.NotReported<bool>(nameof(CopyTagsToSnapshot));
}
