namespace Kagi.Rules.Aws.Neptune.Clusters;

/// <summary>Storage encryption is on; the Terraform provider's default is off.</summary>
public sealed class NeptuneClusterStorageEncrypted() : DbClusterStorageEncryptedRule<NeptuneCluster>(DbClusterEngine.Neptune);
