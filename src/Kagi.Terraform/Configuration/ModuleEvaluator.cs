using Kagi.Core.Model;
using Kagi.Hcl.Syntax;
using Kagi.Terraform.Evaluation;
using Kagi.Terraform.Reading;
using Kagi.Terraform.Values;
using Kagi.Terraform.Variables;

namespace Kagi.Terraform.Configuration;

/// <summary>One resource instance: <c>module.db.aws_neptune_cluster.this[0]</c> and the scope its arguments see.</summary>
internal sealed record ResourceInstance(ResourceDeclaration Resource, string Address, Instance Instance);

/// <summary>One instance of a module call: its evaluator, or null (saying why) when it is not scanned.</summary>
internal sealed record ModuleInstance(Instance Instance, ModuleEvaluator? Evaluator, string NotScanned = "its source is not on disk, or outside the scanned folders");

/// <summary>
/// Evaluates one instance of a module: variables from what its caller (or, for the root, tfvars and the command line)
/// gives them, locals lazily, resources and module calls expanded by count and for_each, and everything only apply
/// can tell as an unknown that remembers which resource it stands for. Addresses carry the module path.
/// </summary>
internal sealed class ModuleEvaluator : IReferenceResolver
{
    // Real configurations nest a handful of levels; this only keeps the evaluation's recursion far from the stack's limit.
    private const int MaxModuleDepth = 150;

    private static readonly HashSet<string> MetaArguments = new(StringComparer.Ordinal) { "depends_on", "provider", "providers", "lifecycle", "count", "for_each" };

    private static readonly HashSet<string> CallArguments = new(StringComparer.Ordinal) { "source", "version", "providers", "depends_on", "count", "for_each" };

    private readonly ExpressionEvaluator _evaluator;
    private readonly EvaluationContext _context;
    private readonly Func<string, TypeConstraint, TfValue?> _given;
    private readonly Dictionary<string, TfValue> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TfValue?> _providerSettings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ResourceInstance>> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ModuleInstance>> _children = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _repeated = new(StringComparer.Ordinal);

    /// <summary>A root module whose variables take their defaults only.</summary>
    public ModuleEvaluator(TerraformModule module, List<ScanDiagnostic> diagnostics)
        : this(module, new EvaluationContext(module.Directory, diagnostics), string.Empty, string.Empty, (_, _) => null)
    {
    }

    /// <param name="prefix">The module address with its trailing dot (<c>module.db[0].</c>), empty for the root.</param>
    /// <param name="modulePath">The call names without instance keys (<c>db.cluster</c>), as terraform init records them.</param>
    /// <param name="given">The value the caller gives a variable, or null when it gives none.</param>
    public ModuleEvaluator(TerraformModule module, EvaluationContext context, string prefix, string modulePath, Func<string, TypeConstraint, TfValue?> given)
    {
        Module = module;
        Prefix = prefix;
        ModulePath = modulePath;
        _context = context;
        _given = given;
        _evaluator = new ExpressionEvaluator(this, context.Budget);
    }

    public TerraformModule Module { get; }

    public string Prefix { get; }

    public string ModulePath { get; }

    /// <summary>The module instance that calls this one; null for the root.</summary>
    public ModuleEvaluator? Parent { get; private init; }

    /// <summary>The provider configurations the call passes (child name to caller name); null when it inherits the defaults.</summary>
    public IReadOnlyDictionary<string, string>? PassedProviders { get; private init; }

    private int Depth => Parent is null ? 0 : Parent.Depth + 1;

    /// <summary>How many instances of this module there are in all, counting those of the modules around it.</summary>
    private long Multiplicity { get; init; } = 1;

    public string ModuleDirectory => Module.Directory;

    public ScanRoots Roots => _context.Roots;

    /// <summary>The value a resource argument is configured with (its first instance's, for tests); null when not set.</summary>
    public TfValue? Argument(ResourceDeclaration resource, string name) =>
        Instances(resource) is [var first, ..] ? Argument(first, name) : null;

    /// <summary>The value an instance's argument is configured with; null when the argument is not set.</summary>
    public TfValue? Argument(ResourceInstance instance, string name) =>
        instance.Resource.Argument(name) is { } argument
            ? Lazily($"{instance.Address}.{name}", argument.Range, () => EvaluateTop(argument.Value, instance.Instance.Scope))
            : null;

    /// <summary>The instances of a resource; a count or for_each known only after apply gives one, under the plain address.</summary>
    public List<ResourceInstance> Instances(ResourceDeclaration resource)
    {
        if (!_instances.TryGetValue(resource.Address, out var instances))
        {
            var address = Prefix + resource.Address;
            instances = [.. Expand(resource.Block, address).Select(i => new ResourceInstance(resource, address + i.Suffix, i))];
            _instances[resource.Address] = instances;
        }

        return instances;
    }

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
        var modulePath = ModulePath.Length == 0 ? call.Name : $"{ModulePath}.{call.Name}";
        var directory = SourceDirectory(call, modulePath);
        var module = directory is null ? null : _context.Load(directory);
        if (module is not null)
        {
            CheckArguments(call, module);
        }

        var instances = Expand(call.Block, $"{Prefix}module.{call.Name}");
        foreach (var instance in instances)
        {
            if (module is not null && Unaffordable(module, call) is { } limit)
            {
                children.Add(new ModuleInstance(instance, null, limit));
                continue;
            }

            children.Add(new ModuleInstance(instance, module is null ? null : new ModuleEvaluator(
                module,
                _context,
                $"{Prefix}module.{call.Name}{instance.Suffix}.",
                modulePath,
                (name, _) => call.Argument(name) is { } argument && !CallArguments.Contains(name) ? EvaluateTop(argument.Value, instance.Scope) : null)
            {
                Parent = this,
                PassedProviders = ProviderReferences.PassedBy(call),
                Multiplicity = Multiplicity * instances.Count,
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
            _context.Budget.Charge(EvaluationBudget.StepsPerInstance * (module.Resources.Count + module.ModuleCalls.Count + 1L));
            return null;
        }
        catch (LimitExceededException limit)
        {
            _context.Budget.Report(limit, call.Block.TypeRange, _context.Diagnostics);
            return $"a limit was reached: {limit.Message}";
        }
    }

    /// <summary>This module instance and every module instance beneath it, callers first.</summary>
    public IEnumerable<ModuleEvaluator> Tree()
    {
        yield return this;
        foreach (var call in Module.ModuleCalls.Values)
        {
            foreach (var child in Children(call).Select(c => c.Evaluator).OfType<ModuleEvaluator>())
            {
                foreach (var descendant in child.Tree())
                {
                    yield return descendant;
                }
            }
        }
    }

    /// <summary>The known region of a provider configuration as this module names it (<c>aws</c>, <c>aws.west</c>).</summary>
    public string? Region(string provider) => ProviderSetting(provider, "region") is TfString known ? known.Value : null;

    /// <summary>
    /// The account a provider configuration works in, when its <c>allowed_account_ids</c> names exactly one: Terraform
    /// refuses to plan or apply with credentials for any other.
    /// </summary>
    public string? Account(string provider) =>
        ProviderSetting(provider, "allowed_account_ids") is TfSequence { Items: [TfString only] } ? only.Value : null;

    /// <summary>
    /// A setting of a provider configuration as this module names it: from its own <c>provider</c> block, else from
    /// the caller's configuration that the call passes or, without a <c>providers</c> map, the caller's default one.
    /// Null when no configuration in the chain sets it, or sets it to something known only after apply.
    /// </summary>
    private TfValue? ProviderSetting(string provider, string setting)
    {
        var key = $"{provider} {setting}";
        if (_providerSettings.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var value = Module.Providers.TryGetValue(provider, out var block)
            ? block.Body.Attributes.FirstOrDefault(a => a.Name == setting) is { } attribute && EvaluateTop(attribute.Value, Scope.Empty) is var evaluated and not TfUnknown ? evaluated : null
            : Parent is null ? null
            : PassedProviders is null ? (provider.Contains('.', StringComparison.Ordinal) ? null : Parent.ProviderSetting(provider, setting))
            : PassedProviders.TryGetValue(provider, out var passed) ? Parent.ProviderSetting(passed, setting) : null;
        _providerSettings[key] = value;
        return value;
    }

    /// <summary>Evaluates what Terraform would validate (locals, outputs, defaults, resource arguments) so every error is reported once.</summary>
    public void Validate()
    {
        foreach (var variable in Module.Variables.Values)
        {
            _ = Variable(variable.Name);
        }

        foreach (var local in Module.Locals.Values)
        {
            _ = Local(local.Name);
        }

        foreach (var output in Module.Outputs.Values)
        {
            _ = Output(output.Name);
        }

        foreach (var instance in Module.Resources.SelectMany(Instances))
        {
            foreach (var argument in instance.Resource.Block.Body.Attributes.Where(a => !MetaArguments.Contains(a.Name)))
            {
                _ = Argument(instance, argument.Name);
            }

            foreach (var type in instance.Resource.Block.Body.Blocks.Where(b => b.Type is not ("lifecycle" or "provisioner" or "connection")).Select(b => b.Type == "dynamic" && b.Labels.Count == 1 ? b.Labels[0] : b.Type).Distinct(StringComparer.Ordinal))
            {
                _ = Blocks(instance, type);
            }
        }

        foreach (var call in Module.ModuleCalls.Values)
        {
            _ = Children(call);
        }
    }

    public TfValue Resolve(ScopeTraversalExpr traversal, Scope scope, out int stepsUsed)
    {
        var steps = traversal.Steps;
        var first = steps.Count > 0 && steps[0] is GetAttrStep attr ? attr.Name : null;
        stepsUsed = first is null ? 0 : 1;
        return (traversal.Root, first) switch
        {
            ("var", not null) => Variable(first, traversal.Range),
            ("local", not null) => Local(first, traversal.Range),
            ("path", "module") => new TfString("."),
            ("path", "root") => new TfString(Path.GetRelativePath(Module.Directory.Length == 0 ? "." : Module.Directory, _context.RootDirectory.Length == 0 ? "." : _context.RootDirectory)),
            ("path", "cwd") => new TfString(Path.GetFullPath(Module.Directory.Length == 0 ? "." : Module.Directory)),
            ("terraform", "workspace") => new TfString("default"),
            ("count" or "each", _) => throw new EvaluationException($"\"{traversal.Root}\" can be used only in a block that sets {(traversal.Root == "each" ? "for_each" : "count")}", traversal.Range),
            ("self", _) => new TfUnknown("self is known only when the resource is created"),
            ("ephemeral", _) => new TfUnknown("ephemeral resources are not evaluated"),
            ("module", not null) => ModuleReference(first, steps, scope, traversal.Range, out stepsUsed),
            ("data", not null) => ResourceReference(ResourceMode.Data, first, steps, 1, scope, traversal.Range, out stepsUsed),
            (_, not null) when !IsReservedRoot(traversal.Root) => ResourceReference(ResourceMode.Managed, traversal.Root, steps, 0, scope, traversal.Range, out stepsUsed),
            _ => throw new EvaluationException($"\"{traversal.Root}\" is not a valid reference here", traversal.Range),
        };
    }

    /// <summary>The output's value in this module instance.</summary>
    public TfValue Output(string name)
    {
        var output = Module.Outputs[name];
        return output.Value is null ? TfValue.Null : Lazily($"{Prefix}output.{name}", output.Range, () => EvaluateTop(output.Value, Scope.Empty));
    }

    private static bool IsReservedRoot(string root) => root is "var" or "local" or "path" or "terraform" or "module" or "data" or "ephemeral";

    private string? SourceDirectory(ModuleCall call, string modulePath)
    {
        var source = call.Argument("source");
        if (source is null)
        {
            _context.Diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, $"module \"{call.Name}\" has no source", call.Block.TypeRange.ToLocation()));
            return null;
        }

        if (EvaluateTop(source.Value, Scope.Empty) is not TfString text)
        {
            if (_context.Budget.Spent)
            {
                return null;
            }

            _context.Diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, $"module \"{call.Name}\": source must be a literal string", source.Range.ToLocation()));
            return null;
        }

        var directory = _context.SourceDirectory(Module.Directory.Length == 0 ? "." : Module.Directory, modulePath, text.Value, call.Block.TypeRange);
        if (directory is not null && CallsItself(Path.GetFullPath(directory)))
        {
            _context.Diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, $"module \"{call.Name}\" calls a module that is already calling it ({text.Value}): Terraform would recurse forever", call.Block.TypeRange.ToLocation()));
            return null;
        }

        if (Depth >= MaxModuleDepth)
        {
            _context.Diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, $"module \"{call.Name}\": modules nest more than {MaxModuleDepth} deep", call.Block.TypeRange.ToLocation()));
            return null;
        }

        return directory;
    }

    private bool CallsItself(string directory)
    {
        for (var caller = this; caller is not null; caller = caller.Parent)
        {
            if (Path.GetFullPath(caller.Module.Directory.Length == 0 ? "." : caller.Module.Directory) == directory)
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
            _context.Diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, $"module \"{call.Name}\" declares no variable \"{argument.Name}\"", argument.Range.ToLocation()));
        }

        foreach (var variable in module.Variables.Values.Where(v => v.Value is null && call.Argument(v.Name) is null))
        {
            _context.Diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, $"module \"{call.Name}\" needs a value for its variable \"{variable.Name}\", which has no default", call.Block.TypeRange.ToLocation()));
        }
    }

    private List<Instance> Expand(Block block, string address)
    {
        var count = block.Body.Attributes.FirstOrDefault(a => a.Name == "count");
        var forEach = block.Body.Attributes.FirstOrDefault(a => a.Name == "for_each");
        var meta = count ?? forEach;
        _repeated[address] = meta is not null;
        if (meta is null)
        {
            return [Instance.Single];
        }

        var value = EvaluateTop(meta.Value, Scope.Empty);
        try
        {
            var instances = count is not null ? InstanceExpansion.FromCount(value, _context.Budget, Multiplicity) : InstanceExpansion.FromForEach(value, _context.Budget, Multiplicity);
            if (instances is [{ Key: null }] && !_context.Budget.Spent)
            {
                _context.Diagnostics.Add(new ScanDiagnostic(
                    DiagnosticSeverity.Warning,
                    $"{address}: {meta.Name} is known only after apply, so it is scanned once under its plain address; what depends on {(count is not null ? "count.index" : "each")} is unknown",
                    meta.Range.ToLocation()));
            }

            return instances;
        }
        catch (LimitExceededException limit)
        {
            _context.Budget.Report(limit, meta.Range, _context.Diagnostics);
            return [Instance.Unexpanded(meta.Name, limit.Message)];
        }
        catch (EvaluationException error)
        {
            _context.Diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, $"{address}: {error.Message}", meta.Range.ToLocation()));
            return [Instance.Unexpanded(meta.Name, error.Message)];
        }
    }

    /// <summary>
    /// The nested blocks of one type, static and <c>dynamic</c>, as a list of objects (as a plan shows them);
    /// null when the resource has none. Unknown when a dynamic block's for_each is known only after apply.
    /// </summary>
    public TfValue? Blocks(ResourceInstance instance, string type)
    {
        var body = instance.Resource.Block.Body;
        return body.Blocks.Any(b => IsOfType(b, type))
            ? Lazily($"{instance.Address}.{type}", body.Blocks.First(b => IsOfType(b, type)).Range, () => BlockList(body, type, instance.Instance.Scope))
            : null;
    }

    private static bool IsOfType(Block block, string type) =>
        (block.Type == type && block.Labels.Count == 0) || (block.Type == "dynamic" && block.Labels is [var label] && label == type);

    private TfValue BlockList(Body body, string type, Scope scope)
    {
        var items = new List<TfValue>();
        foreach (var block in body.Blocks.Where(b => IsOfType(b, type)))
        {
            if (block.Type != "dynamic")
            {
                items.Add(BlockObject(block.Body, scope));
                continue;
            }

            var forEach = block.Body.Attributes.FirstOrDefault(a => a.Name == "for_each");
            var content = block.Body.Blocks.FirstOrDefault(b => b.Type == "content");
            if (forEach is null || content is null)
            {
                _context.Diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, $"a dynamic \"{type}\" block needs for_each and a content block", block.TypeRange.ToLocation()));
                continue;
            }

            var collection = EvaluateTop(forEach.Value, scope);
            if (collection is TfUnknown unknown)
            {
                return new TfUnknown($"how many {type} blocks there are is known only after apply: {unknown.Reason}");
            }

            var iterator = block.Body.Attributes.FirstOrDefault(a => a.Name == "iterator")?.Value is ScopeTraversalExpr { Steps.Count: 0 } named ? named.Root : type;
            try
            {
                items.AddRange(ExpressionEvaluator.Elements(collection).Select(element => BlockObject(
                    content.Body,
                    scope.With(null, TfValue.Null, iterator, new TfObject([KeyValuePair.Create("key", element.Key), KeyValuePair.Create("value", element.Value)])))));
            }
            catch (EvaluationException error)
            {
                _context.Diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, $"dynamic \"{type}\": {error.Message}", forEach.Range.ToLocation()));
            }
        }

        return new TfSequence(items, SequenceKind.List);
    }

    private TfObject BlockObject(Body body, Scope scope)
    {
        var attributes = body.Attributes.Select(a => KeyValuePair.Create(a.Name, EvaluateTop(a.Value, scope)));
        var nested = body.Blocks.Select(b => b.Type == "dynamic" && b.Labels.Count == 1 ? b.Labels[0] : b.Type).Distinct(StringComparer.Ordinal)
            .Select(t => KeyValuePair.Create(t, BlockList(body, t, scope)));
        return new TfObject(attributes.Concat(nested));
    }

    private TfValue EvaluateTop(Expression expression, Scope scope)
    {
        try
        {
            return _evaluator.Evaluate(expression, scope);
        }
        catch (LimitExceededException limit)
        {
            _context.Budget.Report(limit, expression.Range, _context.Diagnostics);
            return new TfUnknown($"a limit was reached: {limit.Message}");
        }
        catch (EvaluationException error)
        {
            _context.Diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, error.Message, (error.Range ?? expression.Range).ToLocation()));
            return new TfUnknown($"{Module.SourceText(expression)} could not be evaluated: {error.Message}");
        }
    }

    // Each named value is evaluated once; meeting one that is still being evaluated is a reference cycle.
    private TfValue Lazily(string name, SourceRange range, Func<TfValue> evaluate)
    {
        if (_values.TryGetValue(name, out var value))
        {
            return value;
        }

        var inProgress = _context.InProgress;
        if (inProgress.FindIndex(p => p.Name == name) is var start and >= 0)
        {
            var referrer = inProgress[^1];
            _context.Diagnostics.Add(new ScanDiagnostic(
                DiagnosticSeverity.Error,
                $"reference cycle: {referrer.Name} ({referrer.Range.ToShortString()}) and {name} ({inProgress[start].Range.ToShortString()}) depend on each other",
                referrer.Range.ToLocation()));
            return new TfUnknown($"{name} is part of a reference cycle");
        }

        if (inProgress.Count >= EvaluationContext.MaxNesting)
        {
            throw new EvaluationException($"references nest more than {EvaluationContext.MaxNesting} deep", range);
        }

        inProgress.Add((name, range));
        try
        {
            value = evaluate();
        }
        finally
        {
            inProgress.RemoveAt(inProgress.Count - 1);
        }

        _values[name] = value;
        return value;
    }

    private TfValue Variable(string name, SourceRange? reference = null)
    {
        if (!Module.Variables.TryGetValue(name, out var variable))
        {
            return Undeclared($"var.{name}", $"reference to an undeclared input variable \"{name}\"", reference);
        }

        return Lazily($"{Prefix}var.{name}", variable.Range, () =>
        {
            var type = TypeOf(variable);
            var value = _given(name, type)
                ?? (variable.Value is null
                    ? NoValue(variable)
                    : EvaluateTop(variable.Value, Scope.Empty));
            try
            {
                return type.Convert(value);
            }
            catch (EvaluationException error)
            {
                // The value itself is never quoted: it may be sensitive.
                _context.Diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, $"{Prefix}var.{name}: the value given does not fit its type: {error.Message}", variable.Range.ToLocation()));
                return new TfUnknown($"var.{name} has a value that does not fit its type");
            }
        });
    }

    // Terraform would ask for the value; Kagi says which variable needs one and goes on with it unknown.
    // A child module's missing input is reported at the module call instead.
    private TfUnknown NoValue(NamedExpression variable)
    {
        if (Parent is null && !Module.IsPartial)
        {
            _context.Diagnostics.Add(new ScanDiagnostic(
                DiagnosticSeverity.Warning,
                $"variable \"{variable.Name}\" has no default and no value: give one in terraform.tfvars, --var-file or --var; what depends on it is unknown",
                variable.Range.ToLocation()));
        }

        return new TfUnknown($"variable \"{variable.Name}\" has no default and no value was given");
    }

    private TypeConstraint TypeOf(NamedExpression variable)
    {
        try
        {
            return TypeConstraint.Parse(variable.Type, e => EvaluateTop(e, Scope.Empty));
        }
        catch (EvaluationException error)
        {
            _context.Diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, error.Message, (error.Range ?? variable.Range).ToLocation()));
            return TypeConstraint.Any;
        }
    }

    private TfValue Local(string name, SourceRange? reference = null)
    {
        if (!Module.Locals.TryGetValue(name, out var local))
        {
            return Undeclared($"local.{name}", $"reference to an undeclared local value \"{name}\"", reference);
        }

        return Lazily($"{Prefix}local.{name}", local.Range, () => EvaluateTop(local.Value!, Scope.Empty));
    }

    // A file scanned on its own may refer to what the module's other files declare: unknown, not an error.
    private TfUnknown Undeclared(string name, string error, SourceRange? range) => Module.IsPartial
        ? new TfUnknown($"{name} is declared outside the scanned file")
        : throw new EvaluationException(error, range);

    // module.NAME, module.NAME[KEY], then .OUTPUT: one output of one instance is evaluated, not the whole module.
    private TfValue ModuleReference(string name, IReadOnlyList<Traverser> steps, Scope scope, SourceRange range, out int stepsUsed)
    {
        stepsUsed = 1;
        if (!Module.ModuleCalls.TryGetValue(name, out var call))
        {
            return Undeclared($"module.{name}", $"reference to an undeclared module \"{name}\"", range);
        }

        var children = Children(call);
        var address = $"{Prefix}module.{name}";
        if (_repeated.GetValueOrDefault(address) && !(children is [{ Instance.Key: null }]))
        {
            if (steps.Count < 2 || steps[1] is not IndexStep index)
            {
                return WholeModule(children);
            }

            var key = _evaluator.Evaluate(index.Key, scope);
            if (key is TfUnknown unknown)
            {
                return new TfUnknown($"{address}[...] has an instance key known only after apply: {unknown.Reason}");
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
            ? new TfUnknown($"{address} is part of a reference cycle")
            : OutputOf(children[0], steps, ref stepsUsed, address);
    }

    private static TfValue OutputOf(ModuleInstance instance, IReadOnlyList<Traverser> steps, ref int stepsUsed, string address)
    {
        if (instance.Evaluator is not { } child)
        {
            stepsUsed = steps.Count;
            return new TfUnknown($"{address} is not scanned: {instance.NotScanned}");
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

    private static TfValue WholeModule(List<ModuleInstance> children)
    {
        if (children.FirstOrDefault(c => c.Evaluator is null) is { } notScanned)
        {
            return new TfUnknown($"the module is not scanned: {notScanned.NotScanned}");
        }

        return children.FirstOrDefault()?.Instance.Key is TfString
            ? new TfObject(children.Select(c => KeyValuePair.Create(((TfString)c.Instance.Key!).Value, (TfValue)AllOutputs(c.Evaluator!))))
            : new TfSequence([.. children.Select(c => AllOutputs(c.Evaluator!))]);
    }

    private static TfValue Collection(List<ResourceInstance> instances)
    {
        TfValue Unknown(ResourceInstance i) => new TfUnknown($"{i.Address} is known only after apply", new ValueOrigin(i.Address, null));
        return instances.FirstOrDefault()?.Instance.Key is TfString
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
        if (!Module.ResourcesByAddress.TryGetValue(address, out var resource))
        {
            return Undeclared(address, $"reference to an undeclared resource {address}", range);
        }

        var instances = Instances(resource);
        var instance = instances is [{ Instance.Key: null } single] ? single : null;
        if (instance is null && stepsUsed < steps.Count && steps[stepsUsed] is IndexStep index)
        {
            var key = _evaluator.Evaluate(index.Key, scope);
            if (key is TfUnknown unknown)
            {
                stepsUsed++;
                return new TfUnknown($"{Prefix}{address}[...] has an instance key known only after apply: {unknown.Reason}", new ValueOrigin(Prefix + address, null));
            }

            instance = instances.FirstOrDefault(i => ValueOps.KnownEqual(i.Instance.Key!, key is TfNumber ? key : new TfString(ValueOps.TryString(key) ?? string.Empty)))
                ?? throw new EvaluationException($"{Prefix}{address} has no instance [{ValueOps.TryString(key) ?? key.TypeName}]", index.Range);
        }

        // Without an index, a counted resource is a tuple of its instances and a for_each one a map of them.
        if (instance is null && (stepsUsed >= steps.Count || steps[stepsUsed] is not IndexStep))
        {
            return Collection(instances);
        }

        // An index on a resource with one plain instance is skipped, as before expansion was known.
        while (stepsUsed < steps.Count && steps[stepsUsed] is IndexStep)
        {
            stepsUsed++;
        }

        var instanceAddress = instance?.Address ?? Prefix + address;
        if (instance is null || stepsUsed >= steps.Count || steps[stepsUsed] is not GetAttrStep attribute)
        {
            return new TfUnknown($"{instanceAddress} is known only after apply", new ValueOrigin(instanceAddress, null));
        }

        stepsUsed++;
        return Argument(instance, attribute.Name)
            ?? (mode == ResourceMode.Data ? ProviderDataSources.Read(type, attribute.Name, this, ProviderReferences.UsedBy(resource)) : null)
            ?? new TfUnknown($"{instanceAddress}.{attribute.Name} is known only after apply", new ValueOrigin(instanceAddress, attribute.Name));
    }
}
