using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Rules.Aws.Kms.Keys;

/// <summary>
/// Automatic rotation is on for a symmetric customer-managed key with KMS-made key material. KMS cannot rotate
/// AWS-managed keys (AWS rotates them), imported (<c>EXTERNAL</c>) key material, keys in a CloudHSM or external key
/// store, or asymmetric and HMAC keys: those get no finding rather than a PASS they did not earn.
/// </summary>
public sealed class KmsKeyRotationEnabled : Rule<KmsKey>
{
    private const string KmsMadeMaterial = "AWS_KMS";
    private const string Symmetric = "SYMMETRIC_DEFAULT";

    protected override bool Judges(KmsKey key) =>
        key.Manager is not { IsKnown: true, Value: KeyManager.Aws }
        && key.Origin is not { IsKnown: true, Value: not KmsMadeMaterial }
        && key.KeySpec is not { IsKnown: true, Value: not Symmetric };

    protected override RuleResult Evaluate(KmsKey key, ScanOptions options) =>
        (key.RotationEnabled, key.Origin) switch
        {
            ({ IsKnown: false } rotation, _) => Unknown(rotation.Reason!),
            ({ Value: true }, _) => Pass(("rotationEnabled", "true")),

            // Off, but KMS might not be able to rotate this key at all (a key store not known before apply).
            (_, { IsKnown: false } origin) => Unknown(origin.Reason!),
            _ => Fail(("rotationEnabled", "false")),
        };
}
