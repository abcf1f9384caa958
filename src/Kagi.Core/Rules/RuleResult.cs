using Kagi.Core.Model;

namespace Kagi.Core.Rules;

/// <summary>What a rule concluded about one resource, with the evidence that led there.</summary>
public sealed record RuleResult(
    ResultStatus Status,
    string MessageKey,
    IReadOnlyDictionary<string, string?> Evidence,
    string? RemediationVariant = null)
{
    /// <summary>The reason a result is UNKNOWN or ERROR; also a message placeholder.</summary>
    public string? Reason => Evidence.GetValueOrDefault("reason");

    public static RuleResult Unknown(string reason, IReadOnlyDictionary<string, string?>? evidence = null) =>
        new(ResultStatus.Unknown, "unknown", With(evidence, "reason", reason));

    public static RuleResult Error(string reason) =>
        new(ResultStatus.Error, "error", With(null, "reason", reason));

    private static Dictionary<string, string?> With(IReadOnlyDictionary<string, string?>? evidence, string key, string value)
    {
        var all = evidence is null ? new Dictionary<string, string?>() : new Dictionary<string, string?>(evidence);
        all[key] = value;
        return all;
    }
}
