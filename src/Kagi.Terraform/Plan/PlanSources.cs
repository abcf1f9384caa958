using Kagi.Core.Model;
using Kagi.Terraform.Configuration;
using Kagi.Terraform.Mapping;

namespace Kagi.Terraform.Plan;

/// <summary>
/// Points a plan's resources at their declarations when the plan sits in its root module's folder, as
/// <c>terraform show -json plan.out &gt; plan.json</c> leaves it: findings then name the .tf file and line (where code
/// scanning annotates a pull request) instead of a line of generated JSON, and <c># kagi:ignore</c> comments apply.
/// </summary>
internal static class PlanSources
{
    public static List<CloudResource> Locate(string planPath, List<CloudResource> resources, TerraformScanOptions options, ResourceMappers mappers)
    {
        var directory = Path.GetDirectoryName(planPath) is { Length: > 0 } folder ? folder : ".";
        if (resources.Count == 0)
        {
            return resources;
        }

        // The configuration is read only to find declarations: its own problems belong to a scan of the folder, not of
        // the plan, and whatever goes wrong reading it must not cost the plan's findings.
        Dictionary<string, CloudResource> declared;
        try
        {
            if (!Directory.EnumerateFiles(directory).Any(ModuleLoader.IsConfigurationFile))
            {
                return resources;
            }

            var unreported = new List<ScanDiagnostic>();
            declared = ConfigurationReader.Map(ModuleLoader.Load(directory, null, unreported), unreported, options, mappers)
                .GroupBy(resource => PlanJson.WithoutInstanceKeys(resource.Id), StringComparer.Ordinal)
                .ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            return resources;
        }

        return [.. resources.Select(resource => declared.TryGetValue(PlanJson.WithoutInstanceKeys(resource.Id), out var declaration)
            ? resource with { Location = declaration.Location, Suppressions = declaration.Suppressions }
            : resource)];
    }
}
