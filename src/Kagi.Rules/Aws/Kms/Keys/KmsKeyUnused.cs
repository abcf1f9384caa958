using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Rules.Aws.Kms.Keys;

/// <summary>
/// A customer key protects at least one data store Kagi scanned. One that protects nothing costs money and widens who can
/// decrypt what; it may still protect data Kagi does not scan, which the message says.
/// </summary>
public sealed class KmsKeyUnused : Rule<KmsKey>
{
    protected override bool Judges(KmsKey key) => key.Manager is not { IsKnown: true, Value: KeyManager.Aws };

    // A key KMS would not describe may be AWS-managed: unknown, not unused.
    protected override RuleResult Evaluate(KmsKey key, ScanOptions options) => (key.Manager, key.Dependents) switch
    {
        ({ IsKnown: false } manager, _) => Unknown(manager.Reason!),
        (_, { IsKnown: false } dependents) => Unknown(dependents.Reason!),
        (_, { Value.Count: 0 }) => Fail(DependentEvidence.Of(key)),
        _ => Pass(DependentEvidence.Of(key)),
    };
}
