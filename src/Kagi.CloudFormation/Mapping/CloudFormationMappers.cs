using System.Reflection;
using Kagi.Core;
using Kagi.Core.Model;

namespace Kagi.CloudFormation.Mapping;

/// <summary>The CloudFormation mappers, found by reflection as the Terraform ones are: adding a kind adds its mapper and nothing else.</summary>
public sealed class CloudFormationMappers
{
    private CloudFormationMappers(IReadOnlyDictionary<string, ICloudFormationMapper> byResourceType)
    {
        ByResourceType = byResourceType;
    }

    /// <summary>The record each mapped CloudFormation type maps to.</summary>
    public IReadOnlyDictionary<string, Type> Records => ByResourceType.ToDictionary(pair => pair.Key, pair => pair.Value.Record, StringComparer.Ordinal);

    internal IReadOnlyDictionary<string, ICloudFormationMapper> ByResourceType { get; }

    /// <summary>Every mapper in <paramref name="assemblies"/>, one instance each.</summary>
    /// <exception cref="InvalidOperationException">A mapper has no parameterless constructor, or two map the same CloudFormation type.</exception>
    public static CloudFormationMappers Discover(IEnumerable<Assembly> assemblies)
    {
        var mappers = new Dictionary<string, ICloudFormationMapper>(StringComparer.Ordinal);
        foreach (var mapper in OwnAssemblies.Instances<ICloudFormationMapper>(assemblies))
        {
            if (!mappers.TryAdd(mapper.ResourceType, mapper))
            {
                throw new InvalidOperationException($"{mapper.ResourceType} is mapped by both {mappers[mapper.ResourceType].GetType().Name} and {mapper.GetType().Name}");
            }
        }

        return new CloudFormationMappers(mappers);
    }

    /// <summary>Whether a mapper produces KMS keys: those are mapped first, so that other records can name them.</summary>
    internal static bool MapsKeys(ICloudFormationMapper mapper) => mapper.Record == typeof(KmsKey);
}
