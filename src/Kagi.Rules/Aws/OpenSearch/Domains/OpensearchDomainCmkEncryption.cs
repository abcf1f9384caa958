namespace Kagi.Rules.Aws.OpenSearch.Domains;

/// <summary>The domain's key is at least the minimum key level; encryption at rest without a key named is the AWS-managed <c>aws/es</c>.</summary>
public sealed class OpensearchDomainCmkEncryption : CmkEncryptionRule<OpenSearchDomain>;
