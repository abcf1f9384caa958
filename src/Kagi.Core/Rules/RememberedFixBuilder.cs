using System.Collections.Concurrent;
using System.Text;

namespace Kagi.Core.Rules;

/// <summary>
/// A fix builder that builds the parts for each distinct evidence once. Parts depend on the evidence alone
/// (<see cref="IFixBuilder"/>), and the instances of one counted resource share theirs — the settings to keep, the tags,
/// the instances — while their identifiers, which the parts never hold, differ: a report of 100,000 such instances
/// builds a handful of rebuilds instead of one per finding. At most <see cref="Capacity"/> are kept, so an estate of
/// resources that all differ holds no more than that.
/// </summary>
public sealed class RememberedFixBuilder(IFixBuilder builder) : IFixBuilder
{
    public const int Capacity = 1024;

    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> _built = new(StringComparer.Ordinal);

    private readonly IFixBuilder _builder = builder ?? throw new ArgumentNullException(nameof(builder));

    public IReadOnlyDictionary<string, string> Build(RemediationMedium medium, IReadOnlyDictionary<string, string?> evidence, Language language)
    {
        ArgumentNullException.ThrowIfNull(medium);
        ArgumentNullException.ThrowIfNull(evidence);
        var key = Key(medium, evidence, language);
        if (_built.TryGetValue(key, out var parts))
        {
            return parts;
        }

        // Emptied rather than evicted one by one: once full, the evidence is seldom shared, and rebuilding is what an
        // unremembered builder does anyway.
        if (_built.Count >= Capacity)
        {
            _built.Clear();
        }

        parts = _builder.Build(medium, evidence, language);
        _built[key] = parts;
        return parts;
    }

    // Every name and value, each preceded by its length, so no two different evidences share a key.
    private static string Key(RemediationMedium medium, IReadOnlyDictionary<string, string?> evidence, Language language)
    {
        var key = new StringBuilder(256).Append(medium.Name).Append('|').Append((int)language);
        foreach (var (name, value) in evidence.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            key.Append('|').Append(name.Length).Append(':').Append(name);
            if (value is null)
            {
                key.Append("|-");
            }
            else
            {
                key.Append('|').Append(value.Length).Append(':').Append(value);
            }
        }

        return key.ToString();
    }
}
