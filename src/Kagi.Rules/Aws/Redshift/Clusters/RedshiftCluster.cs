using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Redshift.Clusters;

/// <summary>An Amazon Redshift provisioned cluster: encrypted under <c>aws/redshift</c> unless it names a key, or (created before AWS encrypted by default) not at all.</summary>
public sealed record RedshiftCluster : CloudResource, IEncryptedAtRest
{
    public static ResourceKind Descriptor { get; } = new("AWS::Redshift::Cluster", AsffType: "AwsRedshiftCluster", OcsfType: "AWS::Redshift::Cluster", Service: "redshift");

    public required Fact<bool> StorageEncrypted { get; init; }

    /// <summary>The key as written or returned (ID, ARN, alias); null when none was given.</summary>
    public required Fact<string?> KmsKeyId { get; init; }

    /// <summary>The key, resolved as far as the source allows.</summary>
    public required KeyReference Key { get; init; }
}
