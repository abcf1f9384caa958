using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Kagi.Core.Model;

/// <summary>
/// The resource kinds there are, found by reflection: every concrete <see cref="CloudResource"/> record of the given
/// assemblies, each with the <see cref="ResourceKind"/> it declares as its static <c>Descriptor</c>.
/// </summary>
public sealed class ResourceKinds
{
    /// <summary>The static property every resource record declares its kind in.</summary>
    public const string DescriptorProperty = "Descriptor";

    private static readonly ConcurrentDictionary<Type, ResourceKind> Declared = new();

    private readonly Dictionary<string, Type> _byType;

    private ResourceKinds(IReadOnlyList<Type> records)
    {
        Records = records;
        _byType = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            var kind = Of(record);
            if (!_byType.TryAdd(kind.Type, record))
            {
                throw new InvalidOperationException($"{record.FullName} and {_byType[kind.Type].FullName} both declare the kind {kind.Type}");
            }
        }
    }

    /// <summary>The records, one per kind, ordered by their type.</summary>
    public IReadOnlyList<Type> Records { get; }

    /// <summary>The kinds of the concrete resource records in <paramref name="assemblies"/>.</summary>
    /// <exception cref="InvalidOperationException">A record declares no kind, or two declare the same one.</exception>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = OwnAssemblies.Rooted)]
    public static ResourceKinds Discover(IEnumerable<Assembly> assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        return new ResourceKinds([.. assemblies.Distinct()
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => type is { IsClass: true, IsAbstract: false } && type.IsSubclassOf(typeof(CloudResource)) && type != typeof(UnscannedResource))
            .OrderBy(type => Of(type).Type, StringComparer.Ordinal)]);
    }

    /// <summary>The kind a resource record declares.</summary>
    /// <exception cref="InvalidOperationException">The record has no public static <c>Descriptor</c> of type <see cref="ResourceKind"/>.</exception>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = OwnAssemblies.Rooted)]
    public static ResourceKind Of(Type record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Declared.GetOrAdd(record, type =>
            type.GetProperty(DescriptorProperty, BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as ResourceKind
                ?? throw new InvalidOperationException(
                    $"resource record {type.FullName} declares no kind: it needs a public static ResourceKind {DescriptorProperty} property"));
    }

    /// <summary>The record of a kind, by its CloudFormation type; null for a type no record declares.</summary>
    public Type? RecordOf(string type) => _byType.GetValueOrDefault(type);
}
