using Kagi.Core.Model;

namespace Kagi.Terraform.Mapping;

/// <summary>Maps the resources of one module or plan to Core records, keys first so that others can join to them.</summary>
internal static class ResourceMapping
{
    /// <param name="views">The managed resources, in source order; data sources are reached only through <paramref name="index"/>.</param>
    public static List<CloudResource> Map(IReadOnlyList<IResourceView> views, ResourceIndex index, ResourceMappers mappers)
    {
        var mapped = views.Where(v => mappers.ByTerraformType.ContainsKey(v.Type)).ToList();
        var keys = new Dictionary<string, KmsKey>(StringComparer.Ordinal);
        var declarations = new Dictionary<(SourceLocation, string, string), Declared>();
        var resolver = new KeyResolver(keys, index);
        var keyTypes = mappers.KeyMappers.Select(mapper => mapper.TerraformType).ToHashSet(StringComparer.Ordinal);
        foreach (var view in mapped.Where(v => keyTypes.Contains(v.Type)))
        {
            keys[view.Address] = (KmsKey)Complete(mappers.ByTerraformType[view.Type].Map(view, resolver), view, declarations);
        }

        var resources = mapped
            .Select(view => (View: view, Resource: keys.TryGetValue(view.Address, out var key) ? key : Complete(mappers.ByTerraformType[view.Type].Map(view, resolver), view, declarations)))
            .ToList();
        var scope = new JoinScope(views, [.. resources.Select(pair => pair.Resource)], resolver);
        return [.. resources.Select(pair => mappers.ByTerraformType[pair.View.Type].Join(pair.Resource, scope))];
    }

    // The instances of one block (count, for_each, a module called many times) share its location, folder and
    // declaration rather than hold a copy each. (A plan's resources may all have the plan file's location.)
    private static CloudResource Complete(CloudResource resource, IResourceView view, Dictionary<(SourceLocation, string, string), Declared> declarations)
    {
        var location = view.Location;
        if (!declarations.TryGetValue((location, view.Type, view.Name), out var declared))
        {
            // Root modules in different folders may declare the same address; the folder keeps their findings apart.
            declarations[(location, view.Type, view.Name)] = declared = new(location, Path.GetDirectoryName(location.File), new SourceAddress(ResourceSources.Terraform, view.Type, view.Name));
        }

        return resource with
        {
            Location = declared.Location,
            Scope = declared.Folder,
            Region = view.Region,
            Account = view.Account,
            Declaration = declared.Address,
        };
    }

    private sealed record Declared(SourceLocation Location, string? Folder, SourceAddress Address);
}
