namespace Kagi.Rules.Aws.Redshift.Clusters;

/// <summary>The cluster's key is at least the minimum key level: "a CMK or higher".</summary>
public sealed class RedshiftClusterCmkEncryption : CmkEncryptionRule<RedshiftCluster>;
