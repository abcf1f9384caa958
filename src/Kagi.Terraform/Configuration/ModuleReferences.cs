using Kagi.Core.Files;
using Kagi.Core.Localization;
using Kagi.Hcl.Syntax;
using Kagi.Terraform.Evaluation;
using Kagi.Terraform.Values;

namespace Kagi.Terraform.Configuration;

/// <summary>
/// What a reference names in one module instance: <c>var</c>, <c>local</c>, <c>path</c>, a module's outputs,
/// a resource's or data source's configured arguments, and an unknown for everything only apply can tell.
/// </summary>
internal sealed class ModuleReferences(ModuleEvaluator module, EvaluationContext context) : IReferenceResolver
{
    public string ModuleDirectory => module.Module.Directory;

    public ScanRoots Roots => context.Roots;

    public TfValue Resolve(ScopeTraversalExpr traversal, Scope scope, out int stepsUsed)
    {
        var steps = traversal.Steps;
        var first = steps.Count > 0 && steps[0] is GetAttrStep attr ? attr.Name : null;
        stepsUsed = first is null ? 0 : 1;
        return (traversal.Root, first) switch
        {
            ("var", not null) => module.Variable(first, traversal.Range),
            ("local", not null) => module.Local(first, traversal.Range),
            ("path", "module") => new TfString("."),
            ("path", "root") => new TfString(Path.GetRelativePath(ModuleDirectory.Length == 0 ? "." : ModuleDirectory, context.RootDirectory.Length == 0 ? "." : context.RootDirectory)),
            ("path", "cwd") => new TfString(Path.GetFullPath(ModuleDirectory.Length == 0 ? "." : ModuleDirectory)),
            ("terraform", "workspace") => new TfString("default"),
            ("count" or "each", _) => throw new EvaluationException($"\"{traversal.Root}\" can be used only in a block that sets {(traversal.Root == "each" ? "for_each" : "count")}", traversal.Range),
            ("self", _) => new TfUnknown(Texts.Canonical("reasons.self-after-create")),
            ("ephemeral", _) => new TfUnknown(Texts.Canonical("reasons.ephemeral-not-evaluated")),
            ("module", not null) => ModuleReference(first, steps, scope, traversal.Range, out stepsUsed),
            ("data", not null) => ResourceReference(ResourceMode.Data, first, steps, 1, scope, traversal.Range, out stepsUsed),
            ("resource", not null) => ResourceReference(ResourceMode.Managed, first, steps, 1, scope, traversal.Range, out stepsUsed),
            (_, not null) when !IsReservedRoot(traversal.Root) => ResourceReference(ResourceMode.Managed, traversal.Root, steps, 0, scope, traversal.Range, out stepsUsed),
            _ => throw new EvaluationException($"\"{traversal.Root}\" is not a valid reference here", traversal.Range),
        };
    }

    private static bool IsReservedRoot(string root) => root is "var" or "local" or "path" or "terraform" or "module" or "data" or "resource" or "ephemeral";

    // module.NAME, module.NAME[KEY], then .OUTPUT: one output of one instance is evaluated, not the whole module.
    private TfValue ModuleReference(string name, IReadOnlyList<Traverser> steps, Scope scope, SourceRange range, out int stepsUsed)
    {
        stepsUsed = 1;
        if (!module.Module.ModuleCalls.TryGetValue(name, out var call))
        {
            return module.Undeclared($"module.{name}", $"reference to an undeclared module \"{name}\"", range);
        }

        var children = module.Calls.Children(call);
        var address = $"{module.Prefix}module.{name}";
        if (module.Expansion.IsRepeated(address) && !(children is [{ Instance.Key: null }]))
        {
            if (steps.Count < 2 || steps[1] is not IndexStep index)
            {
                return WholeModule(children, UsesForEach(call.Block));
            }

            var key = module.EvaluateKey(index.Key, scope);
            if (key is TfUnknown unknown)
            {
                return new TfUnknown(Texts.Canonical("reasons.instance-key-after-apply", ("address", address), ("reason", unknown.Reason)));
            }

            stepsUsed = 2;
            var chosen = children.FirstOrDefault(c => ValueOps.KnownEqual(c.Instance.Key!, key is TfNumber ? key : new TfString(ValueOps.ExpectString(key, "a module instance key"))))
                ?? throw new EvaluationException($"{address} has no instance [{ValueOps.TryString(key)}]", index.Range);
            return OutputOf(chosen, steps, ref stepsUsed, address + chosen.Instance.Suffix);
        }

        // The one instance of a module whose count or for_each is not known is reached with or without an index.
        while (stepsUsed < steps.Count && steps[stepsUsed] is IndexStep)
        {
            stepsUsed++;
        }

        return children.Count == 0
            ? new TfUnknown(Texts.Canonical("reasons.reference-cycle", ("name", address)))
            : OutputOf(children[0], steps, ref stepsUsed, address);
    }

    private static TfValue OutputOf(ModuleInstance instance, IReadOnlyList<Traverser> steps, ref int stepsUsed, string address)
    {
        if (instance.Evaluator is not { } child)
        {
            stepsUsed = steps.Count;
            return new TfUnknown(Texts.Canonical("reasons.address-not-scanned", ("address", address), ("reason", instance.NotScanned)));
        }

        if (stepsUsed >= steps.Count || steps[stepsUsed] is not GetAttrStep output)
        {
            return AllOutputs(child);
        }

        stepsUsed++;
        return child.Module.Outputs.ContainsKey(output.Name)
            ? child.Output(output.Name)
            : throw new EvaluationException($"{address} has no output \"{output.Name}\"", output.Range);
    }

    private static TfObject AllOutputs(ModuleEvaluator child) =>
        new(child.Module.Outputs.Keys.Select(name => KeyValuePair.Create(name, child.Output(name))));

    private static TfValue WholeModule(List<ModuleInstance> children, bool forEach)
    {
        if (children.FirstOrDefault(c => c.Evaluator is null) is { } notScanned)
        {
            return new TfUnknown(Texts.Canonical("reasons.module-not-scanned", ("reason", notScanned.NotScanned)));
        }

        return children.FirstOrDefault()?.Instance.Key is TfString || (forEach && children.Count == 0)
            ? new TfObject(children.Select(c => KeyValuePair.Create(((TfString)c.Instance.Key!).Value, (TfValue)AllOutputs(c.Evaluator!))))
            : new TfSequence([.. children.Select(c => AllOutputs(c.Evaluator!))]);
    }

    // for_each makes an object of instances even when it is empty; count makes a tuple.
    private static bool UsesForEach(Block block) => block.Body.Attributes.Any(a => a.Name == "for_each");

    private static TfValue Collection(List<ResourceInstance> instances, bool forEach)
    {
        TfValue Unknown(ResourceInstance i) => new TfUnknown(Texts.Canonical("reasons.known-after-apply", ("address", i.Address)), new ValueOrigin(i.Address, null));
        return instances.FirstOrDefault()?.Instance.Key is TfString || (forEach && instances.Count == 0)
            ? new TfObject(instances.Select(i => KeyValuePair.Create(((TfString)i.Instance.Key!).Value, Unknown(i))))
            : new TfSequence([.. instances.Select(Unknown)]);
    }

    // TYPE.NAME[instance key].ATTRIBUTE: an attribute set in the configuration has that value; any other is computed.
    private TfValue ResourceReference(ResourceMode mode, string type, IReadOnlyList<Traverser> steps, int start, Scope scope, SourceRange range, out int stepsUsed)
    {
        if (steps.Count <= start || steps[start] is not GetAttrStep name)
        {
            throw new EvaluationException($"a reference to a resource of type {type} needs a resource name", range);
        }

        var prefix = mode == ResourceMode.Data ? "data." : string.Empty;
        var address = $"{prefix}{type}.{name.Name}";
        stepsUsed = start + 1;
        if (!module.Module.ResourcesByAddress.TryGetValue(address, out var resource))
        {
            return module.Undeclared(address, $"reference to an undeclared resource {address}", range);
        }

        var instances = module.Instances(resource);
        var instance = instances is [{ Instance.Key: null } single] ? single : null;
        if (instance is null && stepsUsed < steps.Count && steps[stepsUsed] is IndexStep index)
        {
            var key = module.EvaluateKey(index.Key, scope);
            if (key is TfUnknown unknown)
            {
                stepsUsed++;
                return new TfUnknown(Texts.Canonical("reasons.instance-key-after-apply", ("address", module.Prefix + address), ("reason", unknown.Reason)), new ValueOrigin(module.Prefix + address, null));
            }

            instance = instances.FirstOrDefault(i => ValueOps.KnownEqual(i.Instance.Key!, key is TfNumber ? key : new TfString(ValueOps.TryString(key) ?? string.Empty)))
                ?? throw new EvaluationException($"{module.Prefix}{address} has no instance [{ValueOps.TryString(key) ?? key.TypeName}]", index.Range);
        }

        // Without an index, a counted resource is a tuple of its instances and a for_each one a map of them.
        if (instance is null && (stepsUsed >= steps.Count || steps[stepsUsed] is not IndexStep))
        {
            return Collection(instances, UsesForEach(resource.Block));
        }

        // An index on a resource with one plain instance is skipped, as before expansion was known.
        while (stepsUsed < steps.Count && steps[stepsUsed] is IndexStep)
        {
            stepsUsed++;
        }

        var instanceAddress = instance?.Address ?? module.Prefix + address;
        if (instance is null || stepsUsed >= steps.Count || steps[stepsUsed] is not GetAttrStep attribute)
        {
            var reason = mode == ResourceMode.Data
                ? Texts.Canonical("reasons.read-at-plan", ("address", instanceAddress))
                : Texts.Canonical("reasons.known-after-apply", ("address", instanceAddress));
            return new TfUnknown(reason, new ValueOrigin(instanceAddress, null));
        }

        stepsUsed++;
        var configured = module.Argument(instance, attribute.Name);
        // An argument set to null may be one the provider computes (optional and computed): Terraform plans it as
        // unknown, not null, so a reference to it is unknown too.
        if (mode == ResourceMode.Managed)
        {
            return configured is not (null or TfNull) ? configured : new TfUnknown(Texts.Canonical("reasons.known-after-apply", ("address", $"{instanceAddress}.{attribute.Name}")), new ValueOrigin(instanceAddress, attribute.Name));
        }

        // A data source's argument left null is one the provider fills in when it reads (optional and computed):
        // it is never null, and it is read when Terraform plans, not after apply.
        return (configured is TfNull ? null : configured)
            ?? ProviderDataSources.Read(type, attribute.Name, module.Providers, ProviderReferences.UsedBy(resource))
            ?? new TfUnknown(Texts.Canonical("reasons.read-at-plan", ("address", $"{instanceAddress}.{attribute.Name}")), new ValueOrigin(instanceAddress, attribute.Name));
    }
}
