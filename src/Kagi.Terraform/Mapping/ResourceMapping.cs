using Kagi.Core.Model;

namespace Kagi.Terraform.Mapping;

/// <summary>Maps the resources of one module or plan to Core records, keys first so that others can join to them.</summary>
internal static class ResourceMapping
{
    private static readonly KmsKeyMapper KeyMapper = new KmsKeyMapper();

    private static readonly Dictionary<string, IResourceMapper> Mappers = new IResourceMapper[]
    {
        KeyMapper,
        new NeptuneClusterMapper(),
        new NeptuneClusterSnapshotMapper(),
    }.ToDictionary(m => m.ResourceType, StringComparer.Ordinal);

    /// <param name="views">The managed resources, in source order; data sources are reached only through <paramref name="index"/>.</param>
    public static List<CloudResource> Map(IReadOnlyList<IResourceView> views, ResourceIndex index)
    {
        var mapped = views.Where(v => Mappers.ContainsKey(v.Type)).ToList();
        var keys = new Dictionary<string, KmsKey>(StringComparer.Ordinal);
        var resolver = new KeyResolver(keys, index);
        foreach (var view in mapped.Where(v => v.Type == KeyMapper.ResourceType))
        {
            keys[view.Address] = (KmsKey)Complete(KeyMapper.Map(view, resolver), view);
        }

        var resources = new List<CloudResource>();
        foreach (var view in mapped)
        {
            resources.Add(keys.TryGetValue(view.Address, out var key) ? key : Complete(Mappers[view.Type].Map(view, resolver), view));
        }

        return ResourceJoins.Apply(resources, views);
    }

    private static CloudResource Complete(CloudResource resource, IResourceView view) => resource with
    {
        Location = view.Location,

        // Root modules in different folders may declare the same address; the folder keeps their findings apart.
        Scope = Path.GetDirectoryName(view.Location.File),
        Region = view.Region,
        Account = view.Account,
        Terraform = new TerraformAddress(view.Type, view.Name),
    };
}
