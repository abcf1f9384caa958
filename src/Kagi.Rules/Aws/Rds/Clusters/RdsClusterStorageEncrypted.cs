namespace Kagi.Rules.Aws.Rds.Clusters;

/// <summary>Storage encryption is on; the Terraform provider's default is off (but for Aurora Serverless v1).</summary>
public sealed class RdsClusterStorageEncrypted() : DbClusterStorageEncryptedRule<RdsCluster>(DbClusterEngine.Rds);
