namespace Kagi.Rules.Aws.Rds.Clusters;

/// <summary>The cluster's storage key is at least the minimum key level: "a CMK or higher".</summary>
public sealed class RdsClusterCmkEncryption() : DbClusterCmkEncryptionRule<RdsCluster>(DbClusterEngine.Rds);
