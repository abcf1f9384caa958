using Kagi.Core.Model;

namespace Kagi.Rules.Aws.DocDb.Clusters;

/// <summary>An Amazon DocumentDB (with MongoDB compatibility) cluster.</summary>
public sealed record DocDbCluster : CloudResource, IEncryptedAtRest
{
    // DocumentDB clusters are RDS-API ones; ASFF has no DocumentDB types of its own.
    public static ResourceKind Descriptor { get; } = new("AWS::DocDB::DBCluster", AsffType: "AwsRdsDbCluster", OcsfType: "AWS::DocDB::DBCluster", Service: "docdb");

    public required Fact<bool> StorageEncrypted { get; init; }

    /// <summary>The key argument as written or returned (ID, ARN, alias); null when none was given.</summary>
    public required Fact<string?> KmsKeyId { get; init; }

    /// <summary>The key, resolved as far as the source allows.</summary>
    public required KeyReference Key { get; init; }
}
