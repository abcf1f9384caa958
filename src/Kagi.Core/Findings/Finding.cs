using System.Security.Cryptography;
using System.Text;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Core.Findings;

/// <summary>One rule's verdict on one resource.</summary>
public sealed record Finding(RuleMetadata Rule, CloudResource Resource, RuleResult Result, Suppression? MutedBy = null)
{
    public ResultStatus Status => MutedBy is not null && Result.Status == ResultStatus.Fail ? ResultStatus.Muted : Result.Status;

    public Severity Severity => Rule.Severity;

    /// <summary>Stable across scans: the rule and the resource's identity, nothing that changes with the scan.</summary>
    public string Fingerprint { get; } = ComputeFingerprint(Rule.Id, Resource.Scope is null ? Resource.Id : $"{Resource.Scope}//{Resource.Id}");

    public static string ComputeFingerprint(string ruleId, string resourceId)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{ruleId}\n{resourceId}"));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 16));
    }
}
