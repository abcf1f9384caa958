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
    public static ResourceKind Descriptor { get; } = new("AWS::KMS::Key", AsffType: "AwsKmsKey", OcsfType: "AWS::KMS::Key", Service: "kms");

    /// <summary>The key ARN, unknown for a key Terraform has yet to create.</summary>
    public required Fact<string> Arn { get; init; }

    public required Fact<KeyManager> Manager { get; init; }

    /// <summary>True when the key lives in a CloudHSM or external custom key store.</summary>
    public required Fact<bool> InCustomKeyStore { get; init; }

    /// <summary>The key's state as KMS names it (<c>Enabled</c>, <c>Disabled</c>, <c>PendingDeletion</c>, …); unknown where the source does not say.</summary>
    public Fact<string> State { get; init; } = Fact.NotReported<string>(nameof(State));

    /// <summary>Where the key material comes from as KMS names it (<c>AWS_KMS</c>, <c>EXTERNAL</c>, <c>AWS_CLOUDHSM</c>, <c>EXTERNAL_KEY_STORE</c>).</summary>
    public Fact<string> Origin { get; init; } = Fact.NotReported<string>(nameof(Origin));

    /// <summary>Whether KMS rotates the key material automatically.</summary>
    public Fact<bool> RotationEnabled { get; init; } = Fact.NotReported<bool>(nameof(RotationEnabled));

    /// <summary>The key policy document (JSON), as KMS returns it.</summary>
    public Fact<string> Policy { get; init; } = Fact.NotReported<string>(nameof(Policy));

    /// <summary>The key spec as KMS names it (<c>SYMMETRIC_DEFAULT</c>, <c>RSA_2048</c>, <c>HMAC_256</c>, …); only symmetric keys rotate automatically.</summary>
    [AbsentFromOlderInventories]
    public Fact<string> KeySpec { get; init; } = Fact.NotReported<string>(nameof(KeySpec));
}
