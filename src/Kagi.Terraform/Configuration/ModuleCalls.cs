using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Terraform.Evaluation;
using Kagi.Terraform.Values;

namespace Kagi.Terraform.Configuration;

/// <summary>
/// The module calls of one module instance: where each call's source is, whether Terraform would accept it, and
/// an evaluator for each of its instances, or the reason it is not scanned.
/// </summary>
internal sealed class ModuleCalls(ModuleEvaluator caller, EvaluationContext context)
{
    // Real configurations nest a handful of levels; this only keeps the evaluation's recursion far from the stack's limit.
    private const int MaxModuleDepth = 150;

    // The arguments of a module block that are not the module's variables.
    private static readonly HashSet<string> CallArguments = new(StringComparer.Ordinal) { "source", "version", "providers", "depends_on", "count", "for_each" };

    private readonly Dictionary<string, List<ModuleInstance>> _children = new(StringComparer.Ordinal);

    /// <summary>The instances of a module call, each with its own evaluator.</summary>
    public List<ModuleInstance> Children(ModuleCall call)
    {
        if (_children.TryGetValue(call.Name, out var children))
        {
            return children;
        }

        // Registered before the children are built: a child's input may refer back to this call's other outputs.
        children = [];
        _children[call.Name] = children;
        var modulePath = caller.ModulePath.Length == 0 ? call.Name : $"{caller.ModulePath}.{call.Name}";
        var directory = SourceDirectory(call, modulePath);
        var module = directory is null ? null : context.Load(directory);
        if (module is not null)
        {
            CheckArguments(call, module);
        }

        var instances = caller.Expansion.Instances(call.Block, $"{caller.Prefix}module.{call.Name}");
        foreach (var instance in instances)
        {
            if (module is not null && Unaffordable(module, call) is { } limit)
            {
                children.Add(new ModuleInstance(instance, null, limit));
                continue;
            }

            children.Add(new ModuleInstance(instance, module is null ? null : new ModuleEvaluator(
                module,
                context,
                $"{caller.Prefix}module.{call.Name}{instance.Suffix}.",
                modulePath,
                (name, _) => call.Argument(name) is { } argument && !CallArguments.Contains(name) ? caller.Evaluate(argument.Value, instance.Scope) : null)
            {
                Parent = caller,
                PassedProviders = ProviderReferences.PassedBy(call),
                Multiplicity = caller.Multiplicity * instances.Count,
            }));
        }

        return children;
    }

    // Modules can multiply without count: two calls of a module that calls the next twice, thirty deep, is 2^30 modules.
    // Each module instance costs the budget its resources, and past it is not scanned.
    private string? Unaffordable(TerraformModule module, ModuleCall call)
    {
        try
        {
            context.Budget.Charge(EvaluationBudget.StepsPerInstance * (module.Resources.Count + module.ModuleCalls.Count + 1L));
            return null;
        }
        catch (LimitExceededException limit)
        {
            context.Budget.Report(limit, call.Block.TypeRange, context.Diagnostics);
            return Texts.Canonical("reasons.limit-reached", ("limit", limit.Message));
        }
    }

    private string? SourceDirectory(ModuleCall call, string modulePath)
    {
        var source = call.Argument("source");
        if (source is null)
        {
            context.Diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, Texts.Canonical("reasons.module-without-source", ("name", call.Name)), call.Block.TypeRange.ToLocation()));
            return null;
        }

        if (caller.Evaluate(source.Value, Scope.Empty) is not TfString text)
        {
            if (context.Budget.Spent)
            {
                return null;
            }

            context.Diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, Texts.Canonical("reasons.module-source-not-literal", ("name", call.Name)), source.Range.ToLocation()));
            return null;
        }

        var directory = context.SourceDirectory(caller.Module.Directory.Length == 0 ? "." : caller.Module.Directory, modulePath, text.Value, call.Block.TypeRange);
        if (directory is not null && CallsItself(Path.GetFullPath(directory)))
        {
            context.Diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, Texts.Canonical("reasons.module-recursion", ("name", call.Name), ("source", text.Value)), call.Block.TypeRange.ToLocation()));
            return null;
        }

        if (caller.Depth >= MaxModuleDepth)
        {
            context.Diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, Texts.Canonical("reasons.module-nesting", ("name", call.Name), ("count", MaxModuleDepth)), call.Block.TypeRange.ToLocation()));
            return null;
        }

        return directory;
    }

    private bool CallsItself(string directory)
    {
        for (var module = caller; module is not null; module = module.Parent)
        {
            if (Path.GetFullPath(module.Module.Directory.Length == 0 ? "." : module.Module.Directory) == directory)
            {
                return true;
            }
        }

        return false;
    }

    // Terraform rejects an argument the module does not declare, and a variable with no default that is not given.
    private void CheckArguments(ModuleCall call, TerraformModule module)
    {
        foreach (var argument in call.Block.Body.Attributes.Where(a => !CallArguments.Contains(a.Name) && !module.Variables.ContainsKey(a.Name)))
        {
            context.Diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, Texts.Canonical("reasons.module-argument-undeclared", ("name", call.Name), ("variable", argument.Name)), argument.Range.ToLocation()));
        }

        foreach (var variable in module.Variables.Values.Where(v => v.Value is null && call.Argument(v.Name) is null))
        {
            context.Diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, Texts.Canonical("reasons.module-variable-without-value", ("name", call.Name), ("variable", variable.Name)), call.Block.TypeRange.ToLocation()));
        }
    }
}
