using Kagi.CloudFormation;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Rules;
using Kagi.Terraform;

namespace Kagi.Cli;

/// <summary>
/// The sources <c>kagi scan iac</c> reads side by side: a file that is a CloudFormation template goes to CloudFormation
/// alone, any other to Terraform; a folder to both, each taking its own files.
/// </summary>
internal static class IacSources
{
    public static Inventory Scan(IReadOnlyList<string> targets, TerraformScanOptions terraformOptions, CloudFormationScanOptions templateOptions, IReadOnlyList<ScanDiagnostic> optionDiagnostics)
    {
        var templateFiles = targets.Where(CloudFormationScanner.Claims).ToHashSet(StringComparer.Ordinal);
        var terraformTargets = targets.Where(target => !templateFiles.Contains(target)).ToList();
        var terraform = terraformTargets.Count > 0 ? new TerraformScanner(KindCatalog.TerraformMappers, terraformOptions).Scan(terraformTargets) : Inventory.Empty;
        var templates = new CloudFormationScanner(KindCatalog.CloudFormationMappers, templateOptions)
            .Scan([.. targets.Where(target => templateFiles.Contains(target) || Directory.Exists(target))]);

        // A folder of templates alone is not an empty Terraform scan.
        var noConfiguration = Texts.Canonical("reasons.no-configuration");
        var terraformDiagnostics = terraform.Diagnostics.Where(diagnostic =>
            !(diagnostic.Message == noConfiguration && diagnostic.Location is { } folder && templates.Templates.Any(template => IsBeneath(template, folder.File))));
        return new Inventory(
            [.. terraform.Resources, .. templates.Inventory.Resources],
            [.. optionDiagnostics, .. terraformDiagnostics, .. templates.Inventory.Diagnostics]);
    }

    private static bool IsBeneath(string file, string folder) =>
        Path.GetFullPath(file).StartsWith(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
