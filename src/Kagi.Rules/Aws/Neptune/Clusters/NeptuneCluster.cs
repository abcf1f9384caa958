using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Neptune.Clusters;

/// <summary>An Amazon Neptune DB cluster.</summary>
public sealed record NeptuneCluster : DbClusterResource
{
    // Neptune clusters are RDS-API ones; ASFF has no Neptune types of its own.
    public static ResourceKind Descriptor { get; } = new("AWS::Neptune::DBCluster", AsffType: "AwsRdsDbCluster", OcsfType: "AWS::Neptune::DBCluster", Service: "neptune", ServiceKeyAlias: "alias/aws/rds");
}
