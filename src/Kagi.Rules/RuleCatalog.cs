using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Kagi.Core;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Rules;

/// <summary>Every rule Kagi ships, each with the metadata file beside it.</summary>
public static class RuleCatalog
{
    private static readonly Lazy<IReadOnlyList<CatalogEntry>> Entries = new(Load);

    public static IReadOnlyList<CatalogEntry> All => Entries.Value;

    /// <summary>The rule with this ID, or the rule that took it over (its previous IDs).</summary>
    public static CatalogEntry? Find(string id) =>
        All.FirstOrDefault(entry => entry.Metadata.Id == id) ?? All.FirstOrDefault(entry => entry.Metadata.PreviousIds.Contains(id, StringComparer.Ordinal));

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Renames = new(() =>
        All.SelectMany(entry => entry.Metadata.PreviousIds.Select(previous => (Previous: previous, Current: entry.Metadata.Id)))
            .ToDictionary(pair => pair.Previous, pair => pair.Current, StringComparer.Ordinal));

    /// <summary>Every previous rule ID, to the ID its rule has now; built once, as the catalogue is.</summary>
    public static IReadOnlyDictionary<string, string> Renamed => Renames.Value;

    /// <summary>The embedded metadata resource for a rule class, e.g. <c>Aws/Neptune/Clusters/NeptuneClusterCmkEncryption.rule.yaml</c>.</summary>
    public static string MetadataResourceName(Type ruleType)
    {
        ArgumentNullException.ThrowIfNull(ruleType);
        var relativeNamespace = ruleType.Namespace!["Kagi.Rules".Length..].TrimStart('.');
        return $"{relativeNamespace.Replace('.', '/')}/{ruleType.Name}.rule.yaml";
    }

    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = OwnAssemblies.Rooted)]
    private static List<CatalogEntry> Load()
    {
        var assembly = typeof(RuleCatalog).Assembly;
        var entries = new List<CatalogEntry>();
        foreach (var type in RuleTypes(assembly))
        {
            var rule = (IRule)Activator.CreateInstance(type)!;
            var resourceName = MetadataResourceName(type);
            using var stream = assembly.GetManifestResourceStream(resourceName)
                ?? throw new InvalidOperationException($"rule {rule.Id} has no metadata: {resourceName} is not embedded");
            using var reader = new StreamReader(stream);
            var kind = KindOf(type);
            var metadata = RuleMetadataReader.Read(reader.ReadToEnd(), resourceName, kind.Type);
            if (metadata.Id != rule.Id)
            {
                throw new InvalidOperationException($"{resourceName} says id '{metadata.Id}', but its class {type.Name} is rule '{rule.Id}'");
            }

            if (metadata.Service != kind.Service)
            {
                throw new InvalidOperationException($"{resourceName} says service '{metadata.Service}', but its class {type.Name} judges {kind.Type} of service '{kind.Service}'");
            }

            entries.Add(new CatalogEntry(rule, rule is IFixBuilder builder ? metadata with { FixBuilder = new RememberedFixBuilder(builder) } : metadata));
        }

        return [.. entries.OrderBy(entry => entry.Metadata.Id, StringComparer.Ordinal)];
    }

    /// <summary>The kind a rule class judges: its <see cref="Rule{TResource}"/>'s resource record, which must be a discovered kind.</summary>
    /// <exception cref="InvalidOperationException">The class is no <see cref="Rule{TResource}"/>, or its resource record is no kind of the catalogue.</exception>
    public static ResourceKind KindOf(Type ruleType)
    {
        ArgumentNullException.ThrowIfNull(ruleType);
        var record = Bases(ruleType).FirstOrDefault(type => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Rule<>))?.GetGenericArguments()[0]
            ?? throw new InvalidOperationException($"rule class {ruleType.Name} does not derive from Rule<TResource>, so its resource kind is unknown");
        return KindCatalog.Kinds.Records.Contains(record)
            ? ResourceKinds.Of(record)
            : throw new InvalidOperationException($"rule class {ruleType.Name} judges {record.Name}, which is no resource kind of the catalogue");
    }

    private static IEnumerable<Type> Bases(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            yield return current;
        }
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = OwnAssemblies.Rooted)]
    public static IEnumerable<Type> RuleTypes(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetTypes().Where(type => !type.IsAbstract && typeof(IRule).IsAssignableFrom(type));
    }
}
