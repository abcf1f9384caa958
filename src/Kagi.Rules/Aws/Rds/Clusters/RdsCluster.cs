using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Rds.Clusters;

/// <summary>An Amazon RDS DB cluster: Aurora (MySQL, PostgreSQL) or a Multi-AZ DB cluster (MySQL, PostgreSQL).</summary>
public sealed record RdsCluster : CloudResource, IEncryptedAtRest
{
    public static ResourceKind Descriptor { get; } = new("AWS::RDS::DBCluster", AsffType: "AwsRdsDbCluster", OcsfType: "AWS::RDS::DBCluster", Service: "rds");

    public required Fact<bool> StorageEncrypted { get; init; }

    /// <summary>The key argument as written or returned (ID, ARN, alias); null when none was given.</summary>
    public required Fact<string?> KmsKeyId { get; init; }

    /// <summary>The key, resolved as far as the source allows.</summary>
    public required KeyReference Key { get; init; }
}
