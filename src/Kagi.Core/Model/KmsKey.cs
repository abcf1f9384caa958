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

    /// <summary>When KMS deletes a key pending deletion (ISO 8601); null for a key that is not.</summary>
    [AbsentFromOlderInventories]
    public Fact<string?> DeletionDate { get; init; } = Fact.NotReported<string?>(nameof(DeletionDate));

    /// <summary>Whether the key is a multi-Region key (primary or replica).</summary>
    [AbsentFromOlderInventories]
    public Fact<bool> MultiRegion { get; init; } = Fact.NotReported<bool>(nameof(MultiRegion));

    /// <summary>The aliases that name the key (<c>alias/app-data</c>).</summary>
    [AbsentFromOlderInventories]
    public Fact<IReadOnlyList<string>> Aliases { get; init; } = Fact.NotReported<IReadOnlyList<string>>(nameof(Aliases));

    /// <summary>
    /// The resources whose data the key protects, among those scanned with it: derived from the whole inventory
    /// (<see cref="KeyDependents.Attach"/>) before judging, never read from a source or saved.
    /// </summary>
    public Fact<IReadOnlyList<KeyDependent>> Dependents { get; internal init; } = Fact.Unknown<IReadOnlyList<KeyDependent>>(Localization.Texts.Canonical("reasons.dependents-not-joined"));
}
