namespace Kagi.Core.Model;

/// <summary>What a resource says about the KMS key that encrypts it, before it is judged.</summary>
public abstract record KeyReference
{
    private KeyReference()
    {
    }

    /// <summary>Encryption is on and no key is named: the service uses its AWS-managed key.</summary>
    public sealed record ServiceDefault : KeyReference;

    /// <summary>No key ARN was returned for an encrypted resource: an AWS-owned key.</summary>
    public sealed record AwsOwned : KeyReference;

    /// <summary>A key named by alias, e.g. <c>alias/aws/rds</c> or <c>alias/app-data</c>.</summary>
    public sealed record Alias(string Name) : KeyReference;

    /// <summary>A key ID or key ARN whose manager is not known from the reference alone.</summary>
    public sealed record KeyIdentifier(string Value) : KeyReference;

    /// <summary>A key whose manager and key store are known (KMS DescribeKey, or an <c>aws_kms_key</c> in the same configuration).</summary>
    public sealed record Described(KmsKey Key) : KeyReference;

    /// <summary>The key cannot be told: a computed value, an unreadable key, a data source that only AWS can answer.</summary>
    public sealed record Undetermined(string Reason) : KeyReference;
}
