using System.Reflection;
using Kagi.Core;
using Kagi.Core.Model;

namespace Kagi.Terraform.Mapping;

/// <summary>The Terraform mappers, found by reflection as rules are: adding a kind adds its mapper and nothing else.</summary>
public sealed class ResourceMappers
{
    private ResourceMappers(IReadOnlyDictionary<string, IResourceMapper> byTerraformType)
    {
        ByTerraformType = byTerraformType;
    }

    /// <summary>The record each mapped Terraform type maps to.</summary>
    public IReadOnlyDictionary<string, Type> Records => ByTerraformType.ToDictionary(pair => pair.Key, pair => pair.Value.Record, StringComparer.Ordinal);

    internal IReadOnlyDictionary<string, IResourceMapper> ByTerraformType { get; }

    /// <summary>Every mapper in <paramref name="assemblies"/>, one instance each.</summary>
    /// <exception cref="InvalidOperationException">A mapper has no parameterless constructor, or two map the same Terraform type.</exception>
    public static ResourceMappers Discover(IEnumerable<Assembly> assemblies)
    {
        var mappers = new Dictionary<string, IResourceMapper>(StringComparer.Ordinal);
        foreach (var mapper in OwnAssemblies.Instances<IResourceMapper>(assemblies))
        {
            if (!mappers.TryAdd(mapper.TerraformType, mapper))
            {
                throw new InvalidOperationException($"{mapper.TerraformType} is mapped by both {mappers[mapper.TerraformType].GetType().Name} and {mapper.GetType().Name}");
            }
        }

        return new ResourceMappers(mappers);
    }

    /// <summary>The mappers that produce KMS keys: mapped first, so that other records can name them.</summary>
    internal IEnumerable<IResourceMapper> KeyMappers => ByTerraformType.Values.Where(mapper => mapper.Record == typeof(KmsKey));
}
