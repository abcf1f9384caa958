namespace Kagi.Rules.Aws.DocDb.Clusters;

/// <summary>Storage encryption is on; the Terraform provider's default is off.</summary>
public sealed class DocdbClusterStorageEncrypted() : DbClusterStorageEncryptedRule<DocDbCluster>(DbClusterEngine.DocumentDb);
