using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Kagi.Core;

namespace Kagi.Aws;

/// <summary>Finds the live collectors by reflection, as rules are found: adding a kind adds its collector and nothing else.</summary>
public static class LiveCollectors
{
    /// <summary>Every collector in <paramref name="assemblies"/> (the catalogue's), one instance each, in the order of the kinds they produce.</summary>
    /// <exception cref="InvalidOperationException">A collector has no public parameterless constructor.</exception>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = OwnAssemblies.Rooted)]
    public static IReadOnlyList<ILiveCollector> Discover(IEnumerable<Assembly> assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        return [.. assemblies
            .SelectMany(assembly => assembly.GetExportedTypes())
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(ILiveCollector).IsAssignableFrom(type))
            .Select(Create)
            .OrderBy(collector => collector.ResourceType, StringComparer.Ordinal)];
    }

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = OwnAssemblies.Rooted)]
    private static ILiveCollector Create(Type type) =>
        type.GetConstructor(Type.EmptyTypes) is { } constructor
            ? (ILiveCollector)constructor.Invoke(null)
            : throw new InvalidOperationException($"live collector {type.FullName} has no public parameterless constructor; what a region shares comes with CollectAsync");
}
