using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Neptune.Clusters;

/// <summary>An Amazon Neptune DB cluster.</summary>
public sealed record NeptuneCluster : CloudResource, IEncryptedAtRest
{
    // Neptune clusters are RDS-API ones; ASFF has no Neptune types of its own.
    public static ResourceKind Descriptor { get; } = new("AWS::Neptune::DBCluster", AsffType: "AwsRdsDbCluster", OcsfType: "AWS::Neptune::DBCluster", Service: "neptune", ServiceKeyAlias: "alias/aws/rds");

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

    [AbsentFromOlderInventories]
    public Fact<bool> IamDatabaseAuthentication { get; init; } = Fact.NotReported<bool>(nameof(IamDatabaseAuthentication));

    /// <summary>The log types exported to CloudWatch Logs (<c>audit</c>, <c>slowquery</c>).</summary>
    [AbsentFromOlderInventories]
    public Fact<IReadOnlyList<string>> EnabledCloudwatchLogsExports { get; init; } = Fact.NotReported<IReadOnlyList<string>>(nameof(EnabledCloudwatchLogsExports));

    [AbsentFromOlderInventories]
    public Fact<bool> CopyTagsToSnapshot { get; init; } = Fact.NotReported<bool>(nameof(CopyTagsToSnapshot));

    /// <summary>Whether the cluster's instances sit in more than one Availability Zone (the API's <c>MultiAZ</c>).</summary>
    [AbsentFromOlderInventories]
    public Fact<bool> MultiAz { get; init; } = Fact.NotReported<bool>(nameof(MultiAz));
}
