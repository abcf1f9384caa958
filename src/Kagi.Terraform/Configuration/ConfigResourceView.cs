using Kagi.Core.Model;
using Kagi.Terraform.Mapping;
using Kagi.Terraform.Values;

namespace Kagi.Terraform.Configuration;

/// <summary>A resource or data source of a configuration, its attributes evaluated on demand.</summary>
internal sealed class ConfigResourceView(ResourceDeclaration resource, ModuleEvaluator evaluator, string? region) : IResourceView
{
    public string Address => resource.Address;

    public string Type => resource.Type;

    public string Name => resource.Name;

    public SourceLocation Location => resource.Location;

    // A resource bound to an aliased provider is in that provider's region, which is not read yet.
    public string? Region => resource.Argument("provider") is null ? region : null;

    public string? Repetition => resource.Argument("count") is not null ? "count" : resource.Argument("for_each") is not null ? "for_each" : null;

    public TfValue Get(string attribute) => evaluator.Argument(resource, attribute) ?? TfValue.Null;

    public ValueOrigin? Origin(string attribute) => Get(attribute) is TfUnknown { Origin: var origin } ? origin : null;

    public string Describe(string attribute) =>
        resource.Argument(attribute) is { } argument ? evaluator.Module.SourceText(argument.Value) : "(not set)";
}

/// <summary>Reads one module directory into Core records.</summary>
internal static class ConfigurationReader
{
    public static List<CloudResource> Read(string directory, IReadOnlyList<string>? files, List<ScanDiagnostic> diagnostics)
    {
        var module = ModuleLoader.Load(directory, files, diagnostics);
        return Map(module, diagnostics);
    }

    public static List<CloudResource> Map(TerraformModule module, List<ScanDiagnostic> diagnostics)
    {
        var evaluator = new ModuleEvaluator(module, diagnostics);
        evaluator.Validate();
        var region = evaluator.Region("aws");
        var views = module.Resources.ToDictionary(r => r.Address, IResourceView (r) => new ConfigResourceView(r, evaluator, region), StringComparer.Ordinal);
        var managed = module.Resources.Where(r => r.Mode == ResourceMode.Managed).Select(r => views[r.Address]).ToList();
        return ResourceMapping.Map(managed, new ResourceIndex(views), diagnostics);
    }
}
