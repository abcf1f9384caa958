using Kagi.Core.Model;

namespace Kagi.Rules.Aws.DocDb.Clusters;

/// <summary>An Amazon DocumentDB (with MongoDB compatibility) cluster.</summary>
public sealed record DocDbCluster : DbClusterResource
{
    // DocumentDB clusters are RDS-API ones; ASFF has no DocumentDB types of its own.
    public static ResourceKind Descriptor { get; } = new("AWS::DocDB::DBCluster", AsffType: "AwsRdsDbCluster", OcsfType: "AWS::DocDB::DBCluster", Service: "docdb");
}
