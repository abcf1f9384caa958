using Kagi.Core.Model;
using Kagi.Hcl.Syntax;
using Kagi.Terraform.Evaluation;
using Kagi.Terraform.Values;

namespace Kagi.Terraform.Configuration;

/// <summary>
/// Evaluates a module's expressions: variables from their defaults, locals lazily, resource attributes from their
/// configuration, and everything only apply can tell as an unknown that remembers which resource it stands for.
/// </summary>
internal sealed class ModuleEvaluator : IReferenceResolver
{
    // Far deeper than real configurations go, and far from the stack's limit.
    private const int MaxNesting = 200;

    private static readonly HashSet<string> MetaArguments = new(StringComparer.Ordinal) { "depends_on", "provider", "providers", "lifecycle" };

    private readonly ExpressionEvaluator _evaluator;
    private readonly List<ScanDiagnostic> _diagnostics;
    private readonly Dictionary<string, TfValue> _values = new(StringComparer.Ordinal);
    private readonly List<(string Name, SourceRange Range)> _inProgress = [];

    public ModuleEvaluator(TerraformModule module, List<ScanDiagnostic> diagnostics)
    {
        Module = module;
        _diagnostics = diagnostics;
        _evaluator = new ExpressionEvaluator(this);
    }

    public TerraformModule Module { get; }

    public string ModuleDirectory => Module.Directory;

    /// <summary>The value a resource argument is configured with; null when the argument is not set.</summary>
    public TfValue? Argument(ResourceDeclaration resource, string name) =>
        resource.Argument(name) is { } argument
            ? Lazily($"{resource.Address}.{name}", argument.Range, () => EvaluateTop(argument.Value, Scope.Empty))
            : null;

    /// <summary>A provider's known region, when the default provider configuration sets one.</summary>
    public string? Region(string provider) =>
        Module.Providers.TryGetValue(provider, out var block) && block.Body.Attributes.FirstOrDefault(a => a.Name == "region") is { } region
            ? EvaluateTop(region.Value, Scope.Empty) as TfString is { } known ? known.Value : null
            : null;

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

        foreach (var output in Module.Outputs.Values.Where(o => o.Value is not null))
        {
            _ = EvaluateTop(output.Value!, Scope.Empty);
        }

        foreach (var resource in Module.Resources)
        {
            foreach (var argument in resource.Block.Body.Attributes.Where(a => !MetaArguments.Contains(a.Name)))
            {
                _ = Argument(resource, argument.Name);
            }

            ValidateBlocks(resource.Block.Body, Scope.Empty);
        }
    }

    public TfValue Resolve(ScopeTraversalExpr traversal, out int stepsUsed)
    {
        var steps = traversal.Steps;
        var first = steps.Count > 0 && steps[0] is GetAttrStep attr ? attr.Name : null;
        stepsUsed = first is null ? 0 : 1;
        return (traversal.Root, first) switch
        {
            ("var", not null) => Variable(first, traversal.Range),
            ("local", not null) => Local(first, traversal.Range),
            ("path", "module" or "root") => new TfString("."),
            ("path", "cwd") => new TfString(Path.GetFullPath(Module.Directory.Length == 0 ? "." : Module.Directory)),
            ("terraform", "workspace") => new TfString("default"),
            ("count" or "each", _) => new TfUnknown($"{traversal.Root}.{first} is not evaluated yet: count and for_each expansion is not supported"),
            ("self", _) => new TfUnknown("self is known only when the resource is created"),
            ("ephemeral", _) => new TfUnknown("ephemeral resources are not evaluated"),
            ("module", not null) => ModuleOutput(first, steps, out stepsUsed),
            ("data", not null) => ResourceReference(ResourceMode.Data, first, steps, 1, traversal.Range, out stepsUsed),
            (_, not null) when !IsReservedRoot(traversal.Root) => ResourceReference(ResourceMode.Managed, traversal.Root, steps, 0, traversal.Range, out stepsUsed),
            _ => throw new EvaluationException($"\"{traversal.Root}\" is not a valid reference here", traversal.Range),
        };
    }

    private static bool IsReservedRoot(string root) => root is "var" or "local" or "path" or "terraform" or "module" or "data" or "ephemeral";

    private void ValidateBlocks(Body body, Scope scope)
    {
        foreach (var block in body.Blocks.Where(b => b.Type is not ("lifecycle" or "provisioner" or "connection")))
        {
            var inner = scope;
            if (block.Type == "dynamic" && block.Labels.Count == 1)
            {
                var iterator = block.Body.Attributes.FirstOrDefault(a => a.Name == "iterator")?.Value is ScopeTraversalExpr { Steps.Count: 0 } named ? named.Root : block.Labels[0];
                inner = scope.With(null, TfValue.Null, iterator, new TfUnknown("a dynamic block's iterator is not evaluated yet"));
            }

            foreach (var attribute in block.Body.Attributes.Where(a => a.Name != "iterator"))
            {
                _ = EvaluateTop(attribute.Value, inner);
            }

            ValidateBlocks(block.Body, inner);
        }
    }

    private TfValue EvaluateTop(Expression expression, Scope scope)
    {
        try
        {
            return _evaluator.Evaluate(expression, scope);
        }
        catch (EvaluationException error)
        {
            _diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, error.Message, (error.Range ?? expression.Range).ToLocation()));
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

        if (_inProgress.FindIndex(p => p.Name == name) is var start and >= 0)
        {
            var referrer = _inProgress[^1];
            _diagnostics.Add(new ScanDiagnostic(
                DiagnosticSeverity.Error,
                $"reference cycle: {referrer.Name} ({referrer.Range.ToShortString()}) and {name} ({_inProgress[start].Range.ToShortString()}) depend on each other",
                referrer.Range.ToLocation()));
            return new TfUnknown($"{name} is part of a reference cycle");
        }

        if (_inProgress.Count >= MaxNesting)
        {
            throw new EvaluationException($"references nest more than {MaxNesting} deep", range);
        }

        _inProgress.Add((name, range));
        value = evaluate();
        _inProgress.RemoveAt(_inProgress.Count - 1);
        _values[name] = value;
        return value;
    }

    private TfValue Variable(string name, SourceRange? reference = null)
    {
        if (!Module.Variables.TryGetValue(name, out var variable))
        {
            return Undeclared($"var.{name}", $"reference to an undeclared input variable \"{name}\"", reference);
        }

        return Lazily($"var.{name}", variable.Range, () => variable.Value is null
            ? new TfUnknown($"variable \"{name}\" has no default and no value was given")
            : EvaluateTop(variable.Value, Scope.Empty));
    }

    private TfValue Local(string name, SourceRange? reference = null)
    {
        if (!Module.Locals.TryGetValue(name, out var local))
        {
            return Undeclared($"local.{name}", $"reference to an undeclared local value \"{name}\"", reference);
        }

        return Lazily($"local.{name}", local.Range, () => EvaluateTop(local.Value!, Scope.Empty));
    }

    // A file scanned on its own may refer to what the module's other files declare: unknown, not an error.
    private TfUnknown Undeclared(string name, string error, SourceRange? range) => Module.IsPartial
        ? new TfUnknown($"{name} is declared outside the scanned file")
        : throw new EvaluationException(error, range);

    private static TfUnknown ModuleOutput(string name, IReadOnlyList<Traverser> steps, out int stepsUsed)
    {
        stepsUsed = steps.Count > 1 && steps[1] is GetAttrStep ? 2 : 1;
        return new TfUnknown($"module \"{name}\" is not evaluated yet, so its outputs are unknown");
    }

    // TYPE.NAME[instance key].ATTRIBUTE: an attribute set in the configuration has that value; any other is computed.
    private TfValue ResourceReference(ResourceMode mode, string type, IReadOnlyList<Traverser> steps, int start, SourceRange range, out int stepsUsed)
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

        // Instance keys ([0], ["a"]) are skipped: count and for_each instances are not expanded yet.
        while (stepsUsed < steps.Count && steps[stepsUsed] is IndexStep)
        {
            stepsUsed++;
        }

        if (stepsUsed >= steps.Count || steps[stepsUsed] is not GetAttrStep attribute)
        {
            return new TfUnknown($"{address} is known only after apply", new ValueOrigin(address, null));
        }

        stepsUsed++;
        return Argument(resource, attribute.Name)
            ?? new TfUnknown($"{address}.{attribute.Name} is known only after apply", new ValueOrigin(address, attribute.Name));
    }
}
