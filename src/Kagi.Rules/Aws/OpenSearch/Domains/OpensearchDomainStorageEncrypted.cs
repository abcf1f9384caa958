namespace Kagi.Rules.Aws.OpenSearch.Domains;

/// <summary>Encryption at rest is on; a domain is created without it unless asked.</summary>
public sealed class OpensearchDomainStorageEncrypted : StorageEncryptedRule<OpenSearchDomain>;
