using Kagi.Core.Files;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Terraform.Mapping;
using Kagi.Terraform.Values;
using Kagi.Terraform.Variables;

namespace Kagi.Terraform.Configuration;

/// <summary>Reads one root module directory, and the modules it calls, into Core records.</summary>
internal static class ConfigurationReader
{
    public static List<CloudResource> Map(TerraformModule module, List<ScanDiagnostic> diagnostics, ResourceMappers mappers) =>
        Map(module, diagnostics, TerraformScanOptions.Default, mappers);

    /// <param name="roots">What may be read; null for the module's directory alone.</param>
    /// <param name="loaded">The module directories of this scan; shared so each is parsed once.</param>
    public static List<CloudResource> Map(TerraformModule module, List<ScanDiagnostic> diagnostics, TerraformScanOptions options, ResourceMappers mappers, ScanRoots? roots = null, LoadedModules? loaded = null)
    {
        var context = new EvaluationContext(module.Directory, diagnostics, roots, loaded) { Budget = new Evaluation.EvaluationBudget(options.Limits) };
        var given = RootVariables.Load(module, options, context.Roots, diagnostics);
        var root = new ModuleEvaluator(module, context, string.Empty, string.Empty, (name, type) => given.TryGetValue(name, out var value) ? Given(value, type, diagnostics) : null);

        var views = new List<ConfigResourceView>();
        foreach (var evaluator in root.Tree().ToList())
        {
            evaluator.Validate();
            views.AddRange(evaluator.Module.Resources.SelectMany(evaluator.Instances).Select(i => new ConfigResourceView(i, evaluator)));
        }

        var index = new ResourceIndex(views.ToDictionary(v => v.Address, IResourceView (v) => v, StringComparer.Ordinal));
        var managed = views.Where(v => v.Resource.Mode == ResourceMode.Managed).ToList();
        var byAddress = managed.ToDictionary(v => v.Address, StringComparer.Ordinal);

        // Findings of a child module's resources belong to the root module that instantiates it.
        var scope = Path.GetDirectoryName(Path.Combine(module.Directory, "main.tf"));
        return [.. ResourceMapping.Map(managed, index, mappers).Select(resource => byAddress.TryGetValue(resource.Id, out var view)
            ? resource with { Scope = scope, Suppressions = view.Resource.Suppressions }
            : resource)];
    }

    private static TfValue? Given(GivenValue value, TypeConstraint type, List<ScanDiagnostic> diagnostics)
    {
        try
        {
            return value.For(type);
        }
        catch (Evaluation.EvaluationException error)
        {
            diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, error.Message, value.Location));
            return new TfUnknown(Texts.Canonical("reasons.variable-value-unreadable"));
        }
    }
}
