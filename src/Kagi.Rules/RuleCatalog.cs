using System.Reflection;
using Kagi.Core.Findings;
using Kagi.Core.Rules;

namespace Kagi.Rules;

/// <summary>Every rule Kagi ships, each with the metadata file beside it.</summary>
public static class RuleCatalog
{
    private static readonly Lazy<IReadOnlyList<CatalogEntry>> Entries = new(Load);

    public static IReadOnlyList<CatalogEntry> All => Entries.Value;

    public static CatalogEntry? Find(string id) => All.FirstOrDefault(entry => entry.Metadata.Id == id);

    /// <summary>The embedded metadata resource for a rule class, e.g. <c>Aws/Neptune/NeptuneClusterCmkEncryption.rule.yaml</c>.</summary>
    public static string MetadataResourceName(Type ruleType)
    {
        ArgumentNullException.ThrowIfNull(ruleType);
        var relativeNamespace = ruleType.Namespace!["Kagi.Rules".Length..].TrimStart('.');
        return $"{relativeNamespace.Replace('.', '/')}/{ruleType.Name}.rule.yaml";
    }

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
            var metadata = RuleMetadataReader.Read(reader.ReadToEnd(), resourceName);
            if (metadata.Id != rule.Id)
            {
                throw new InvalidOperationException($"{resourceName} says id '{metadata.Id}', but its class {type.Name} is rule '{rule.Id}'");
            }

            entries.Add(new CatalogEntry(rule, metadata));
        }

        return [.. entries.OrderBy(entry => entry.Metadata.Id, StringComparer.Ordinal)];
    }

    public static IEnumerable<Type> RuleTypes(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetTypes().Where(type => !type.IsAbstract && typeof(IRule).IsAssignableFrom(type));
    }
}
