namespace Kagi.Rules.Aws.DocDb.Clusters;

/// <summary>The cluster's storage key is at least the minimum key level: "a CMK or higher".</summary>
public sealed class DocdbClusterCmkEncryption() : DbClusterCmkEncryptionRule<DocDbCluster>(DbClusterEngine.DocumentDb);
