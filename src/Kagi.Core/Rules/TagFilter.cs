using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Core.Rules;

/// <summary>One tag a resource is matched against, <c>KEY=VALUE</c>: the key exactly, the value exactly (empty allowed).</summary>
public sealed record TagCondition(string Key, string Value)
{
    /// <summary>Reads <c>KEY=VALUE</c>, split at the first <c>=</c>; false when there is no <c>=</c> or no key before it.</summary>
    public static bool TryParse(string? text, out TagCondition condition)
    {
        var equals = text?.IndexOf('=', StringComparison.Ordinal) ?? -1;
        condition = equals > 0 ? new TagCondition(text![..equals], text[(equals + 1)..]) : new TagCondition(string.Empty, string.Empty);
        return equals > 0;
    }

    public bool HeldBy(IReadOnlyDictionary<string, string> tags) => tags.TryGetValue(Key, out var value) && value == Value;

    public override string ToString() => $"{Key}={Value}";
}

/// <summary>
/// Which resources a scan judges by their tags (<c>--tag</c>, <c>--exclude-tag</c>). A resource is judged when, for every
/// key the required tags name, it holds one of the values given for that key (keys are and-ed, values of one key
/// or-ed), and it holds none of the excluded tags. A resource whose tags are unknown is judged all the same, with a
/// warning naming it: leaving it out would hide it for want of knowing.
/// </summary>
public sealed record TagFilter
{
    public static TagFilter None { get; } = new();

    public IReadOnlyList<TagCondition> Required { get; init; } = [];

    public IReadOnlyList<TagCondition> Excluded { get; init; } = [];

    public bool IsEmpty => Required.Count == 0 && Excluded.Count == 0;

    public bool Matches(IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return Required.GroupBy(condition => condition.Key, StringComparer.Ordinal).All(key => key.Any(condition => condition.HeldBy(tags)))
            && !Excluded.Any(condition => condition.HeldBy(tags));
    }

    /// <summary>The inventory with only the resources to judge; a warning for each one judged although its tags are unknown.</summary>
    /// <remarks>What could not be read at all (<see cref="Inventory.Unscanned"/>) stays: its tags are unknown too, and its ERROR must not vanish.</remarks>
    public Inventory Apply(Inventory inventory)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        if (IsEmpty)
        {
            return inventory;
        }

        var judged = inventory.Resources.Where(resource => !resource.Tags.IsKnown || Matches(resource.Tags.Value)).ToList();
        var undecided = judged.Where(resource => !resource.Tags.IsKnown).Select(resource => new ScanDiagnostic(
            DiagnosticSeverity.Warning,
            Texts.Canonical("reasons.tags-unknown-judged", ("resource", resource.Id), ("reason", resource.Tags.Reason)),
            resource.Location));
        return inventory with { Resources = judged, Diagnostics = [.. inventory.Diagnostics, .. undecided] };
    }

    /// <summary>The filter as options would give it, for scope keys and reports: <c>--tag k=v --exclude-tag k=v</c>.</summary>
    public override string ToString() =>
        string.Join(' ', Required.Select(condition => $"--tag {condition}").Concat(Excluded.Select(condition => $"--exclude-tag {condition}")));
}
