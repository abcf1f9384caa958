using System.Security.Cryptography;
using System.Text;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Core.Findings;

/// <summary>One rule's verdict on one resource.</summary>
public sealed record Finding(RuleMetadata Rule, CloudResource Resource, RuleResult Result, Suppression? MutedBy = null)
{
    public ResultStatus Status => StatusOf(Result, MutedBy);

    public Severity Severity => Rule.Severity;

    /// <summary>Stable across scans: the rule and the resource's identity, nothing that changes with the scan.</summary>
    public string Fingerprint { get; } = FingerprintOf(Rule.Id, Resource);

    /// <summary>A result's status once muted: only a FAIL can be muted.</summary>
    public static ResultStatus StatusOf(RuleResult result, Suppression? mute)
    {
        ArgumentNullException.ThrowIfNull(result);
        return mute is not null && result.Status == ResultStatus.Fail ? ResultStatus.Muted : result.Status;
    }

    public static string FingerprintOf(string ruleId, CloudResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return ComputeFingerprint(ruleId, resource.Scope is null ? resource.Id : $"{resource.Scope}//{resource.Id}");
    }

    public static string ComputeFingerprint(string ruleId, string resourceId)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{ruleId}\n{resourceId}"));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 16));
    }
}
