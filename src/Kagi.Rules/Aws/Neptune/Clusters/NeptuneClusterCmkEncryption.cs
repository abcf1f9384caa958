namespace Kagi.Rules.Aws.Neptune.Clusters;

/// <summary>The cluster's storage key is at least the minimum key level: "a CMK or higher".</summary>
public sealed class NeptuneClusterCmkEncryption() : DbClusterCmkEncryptionRule<NeptuneCluster>(DbClusterEngine.Neptune);
