using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Rds.Clusters;

/// <summary>An Amazon RDS DB cluster: Aurora (MySQL, PostgreSQL) or a Multi-AZ DB cluster (MySQL, PostgreSQL).</summary>
public sealed record RdsCluster : DbClusterResource
{
    public static ResourceKind Descriptor { get; } = new("AWS::RDS::DBCluster", AsffType: "AwsRdsDbCluster", OcsfType: "AWS::RDS::DBCluster", Service: "rds");
}
