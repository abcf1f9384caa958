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
}
