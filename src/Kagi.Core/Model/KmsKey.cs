namespace Kagi.Core.Model;

/// <summary>Who manages a KMS key.</summary>
public enum KeyManager
{
    Aws,
    Customer,
}

/// <summary>A KMS key.</summary>
public sealed record KmsKey : CloudResource
{
    public const string ResourceType = "AWS::KMS::Key";

    public override string Type => ResourceType;

    /// <summary>The key ARN, unknown for a key Terraform has yet to create.</summary>
    public required Fact<string> Arn { get; init; }

    public required Fact<KeyManager> Manager { get; init; }

    /// <summary>True when the key lives in a CloudHSM or external custom key store.</summary>
    public required Fact<bool> InCustomKeyStore { get; init; }
}
