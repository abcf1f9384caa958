namespace Kagi.Rules.Aws.Redshift.Clusters;

/// <summary>The cluster is encrypted at rest; clusters created before AWS made encryption the default may not be.</summary>
public sealed class RedshiftClusterStorageEncrypted : StorageEncryptedRule<RedshiftCluster>;
