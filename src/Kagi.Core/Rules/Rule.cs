using System.Text;
using Kagi.Core.Model;

namespace Kagi.Core.Rules;

/// <summary>A check on one kind of normalised resource. Its ID is its class name in kebab case.</summary>
public interface IRule
{
    string Id { get; }

    bool AppliesTo(CloudResource resource);

    RuleResult Evaluate(CloudResource resource, ScanOptions options);
}

/// <summary>The base of every rule: typed access to its resource, and shorthands for results.</summary>
public abstract class Rule<TResource> : IRule
    where TResource : CloudResource
{
    public string Id => RuleIds.FromTypeName(GetType().Name);

    public bool AppliesTo(CloudResource resource) => resource is TResource typed && Judges(typed);

    public RuleResult Evaluate(CloudResource resource, ScanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return resource is TResource typed
            ? Evaluate(typed, options)
            : throw new ArgumentException($"{Id} judges {typeof(TResource).Name}, not {resource?.GetType().Name}", nameof(resource));
    }

    protected abstract RuleResult Evaluate(TResource resource, ScanOptions options);

    /// <summary>
    /// False only when the resource is known to be outside the rule's subject (an HSM key for a rotation rule):
    /// such a resource gets no finding at all, rather than a PASS it did not earn. Unknowns still reach <see cref="Evaluate(TResource, ScanOptions)"/>.
    /// </summary>
    protected virtual bool Judges(TResource resource) => true;

    /// <summary>What a failure's fix is built from beyond the resource's identity (a rebuild's settings); none by default.</summary>
    protected virtual IEnumerable<(string Key, string? Value)> FixEvidence(TResource resource) => [];

    protected static RuleResult Pass(params (string Key, string? Value)[] evidence) =>
        Result(ResultStatus.Pass, "pass", evidence);

    protected static RuleResult Fail(params (string Key, string? Value)[] evidence) =>
        Result(ResultStatus.Fail, "fail", evidence);

    protected static RuleResult Unknown(string reason, params (string Key, string? Value)[] evidence) =>
        RuleResult.Unknown(reason, ToDictionary(evidence));

    protected static RuleResult Result(ResultStatus status, string messageKey, (string Key, string? Value)[] evidence, string? variant = null) =>
        new(status, messageKey, ToDictionary(evidence), variant);

    private static Dictionary<string, string?> ToDictionary((string Key, string? Value)[] evidence) =>
        evidence.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
}

/// <summary>The naming convention that ties a rule's ID, class and metadata file together.</summary>
public static class RuleIds
{
    /// <summary><c>NeptuneClusterCmkEncryption</c> → <c>neptune-cluster-cmk-encryption</c>.</summary>
    public static string FromTypeName(string typeName)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        var id = new StringBuilder(typeName.Length + 8);
        for (var i = 0; i < typeName.Length; i++)
        {
            var c = typeName[i];
            if (char.IsUpper(c) && i > 0)
            {
                id.Append('-');
            }

            id.Append(char.ToLowerInvariant(c));
        }

        return id.ToString();
    }
}
