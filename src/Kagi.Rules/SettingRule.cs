using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Rules;

/// <summary>The common shape of a rule that wants one on/off setting on: on passes, off fails, unknown says why.</summary>
public abstract class SettingRule<TResource> : Rule<TResource>
    where TResource : CloudResource
{
    /// <summary>The evidence key, also the message placeholder, e.g. <c>deletionProtection</c>.</summary>
    protected abstract string EvidenceKey { get; }

    protected abstract Fact<bool> Setting(TResource resource);

    protected sealed override RuleResult Evaluate(TResource resource, ScanOptions options) =>
        Setting(resource) switch
        {
            { IsKnown: false } setting => Unknown(setting.Reason!),
            { Value: true } => Pass((EvidenceKey, "true")),
            _ => Fail([(EvidenceKey, "false"), .. FixEvidence(resource)]),
        };
}
