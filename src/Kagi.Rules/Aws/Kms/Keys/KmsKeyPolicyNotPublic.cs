using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Rules.Aws.Kms.Keys;

/// <summary>
/// No statement of a customer-managed key's policy allows everyone (<c>Principal: "*"</c>) without a condition that
/// narrows the callers to known accounts, organisations, networks or principals. AWS writes AWS-managed keys' policies.
/// </summary>
public sealed class KmsKeyPolicyNotPublic : Rule<KmsKey>
{
    protected override bool Judges(KmsKey key) => key.Manager is not { IsKnown: true, Value: KeyManager.Aws };

    protected override RuleResult Evaluate(KmsKey key, ScanOptions options)
    {
        if (!key.Policy.IsKnown)
        {
            return Unknown(key.Policy.Reason!);
        }

        var statements = KeyPolicyStatements.OpenToEveryone(key.Policy.Value);
        return statements switch
        {
            null => Unknown(Texts.Canonical("reasons.key-policy-not-json")),
            [] => Pass(),
            _ => Fail(("statements", string.Join(", ", statements))),
        };
    }
}
