using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Neptune.Clusters;

/// <summary>An Amazon Neptune DB cluster.</summary>
public sealed record NeptuneCluster : CloudResource
{
    // Neptune clusters are RDS-API ones; ASFF has no Neptune types of its own.
    public static ResourceKind Descriptor { get; } = new("AWS::Neptune::DBCluster", AsffType: "AwsRdsDbCluster", OcsfType: "AWS::Neptune::DBCluster", Service: "neptune");

    public required Fact<bool> StorageEncrypted { get; init; }

    /// <summary>The key argument as written or returned (ID, ARN, alias); null when none was given.</summary>
    public required Fact<string?> KmsKeyId { get; init; }

    /// <summary>The key, resolved as far as the source allows.</summary>
    public required KeyReference Key { get; init; }

    public Fact<KeyLevel> KeyLevel => KeyLevelClassifier.Classify(StorageEncrypted, Key);

    [AbsentFromOlderInventories]
    public Fact<bool> DeletionProtection { get; init; } = NotReported<bool>("deletion protection");

    /// <summary>Days automated backups are kept.</summary>
    [AbsentFromOlderInventories]
    public Fact<int> BackupRetentionPeriod { get; init; } = NotReported<int>("the backup retention period");

    [AbsentFromOlderInventories]
    public Fact<bool> IamDatabaseAuthentication { get; init; } = NotReported<bool>("IAM database authentication");

    /// <summary>The log types exported to CloudWatch Logs (<c>audit</c>, <c>slowquery</c>).</summary>
    [AbsentFromOlderInventories]
    public Fact<IReadOnlyList<string>> EnabledCloudwatchLogsExports { get; init; } = NotReported<IReadOnlyList<string>>("the log exports");

    [AbsentFromOlderInventories]
    public Fact<bool> CopyTagsToSnapshot { get; init; } = NotReported<bool>("whether tags are copied to snapshots");

    /// <summary>Whether the cluster's instances sit in more than one Availability Zone (the API's <c>MultiAZ</c>).</summary>
    [AbsentFromOlderInventories]
    public Fact<bool> MultiAz { get; init; } = NotReported<bool>("the Availability Zones of the instances");

    private static Fact<T> NotReported<T>(string what) => Fact.Unknown<T>($"the source does not report {what}");
}
