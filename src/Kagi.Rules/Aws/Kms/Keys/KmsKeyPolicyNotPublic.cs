using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Rules.Aws.Kms.Keys;

/// <summary>
/// No statement of a customer-managed key's policy allows everyone (<c>Principal: "*"</c>) — for any action, metadata
/// reads included — without a condition that pins the callers to known accounts, organisations, networks or
/// principals (see <see cref="KeyPolicyStatements"/> for what pins). A statement whose condition Kagi cannot read is
/// UNKNOWN, not PASS. AWS writes AWS-managed keys' policies.
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

        return KeyPolicyStatements.Read(key.Policy.Value) switch
        {
            null => Unknown(Texts.Canonical("reasons.key-policy-not-json")),
            { Open.Count: > 0 } exposure => Fail(("statements", string.Join(", ", exposure.Open))),
            { Unjudged.Count: > 0 } exposure => Unknown(Texts.Canonical("reasons.key-policy-condition-not-judged", ("statements", string.Join(", ", exposure.Unjudged)))),
            _ => Pass(),
        };
    }
}
