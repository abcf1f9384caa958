using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Hcl.Syntax;
using Kagi.Terraform.Evaluation;
using Kagi.Terraform.Values;
using Kagi.Terraform.Variables;

namespace Kagi.Terraform.Configuration;

/// <summary>One resource instance: <c>module.db.aws_neptune_cluster.this[0]</c> and the scope its arguments see.</summary>
internal sealed record ResourceInstance(ResourceDeclaration Resource, string Address, Instance Instance);

/// <summary>One instance of a module call: its evaluator, or null (saying why) when it is not scanned.</summary>
internal sealed record ModuleInstance(Instance Instance, ModuleEvaluator? Evaluator, string? NotScanned = null)
{
    /// <summary>Why it is not scanned: the reason given, or else that its source could not be read.</summary>
    public string? NotScanned { get; } = NotScanned ?? Texts.Canonical("reasons.module-source-unavailable");
}

/// <summary>
/// Evaluates one instance of a module: variables from what its caller (or, for the root, tfvars and the command line)
/// gives them, locals lazily, resources and module calls expanded by count and for_each, and everything only apply
/// can tell as an unknown that remembers which resource it stands for. Addresses carry the module path.
/// Its collaborators do the rest: <see cref="ModuleReferences"/> resolves references, <see cref="BlockExpansion"/>
/// expands blocks, <see cref="ModuleCalls"/> builds the child module instances, <see cref="ProviderSettings"/> answers
/// for provider configurations.
/// </summary>
internal sealed class ModuleEvaluator
{
    private static readonly HashSet<string> MetaArguments = new(StringComparer.Ordinal) { "depends_on", "provider", "providers", "lifecycle", "count", "for_each" };

    private readonly ExpressionEvaluator _evaluator;
    private readonly EvaluationContext _context;
    private readonly Func<string, TypeConstraint, TfValue?> _given;
    private readonly Dictionary<string, TfValue> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ResourceInstance>> _instances = new(StringComparer.Ordinal);

    // Whether each argument expression names count or each, read once per expression rather than per instance.
    private readonly Dictionary<Expression, bool> _perInstance = new(ReferenceEqualityComparer.Instance);

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
        _evaluator = new ExpressionEvaluator(new ModuleReferences(this, context), context.Budget);
        Providers = new ProviderSettings(this);
        Expansion = new BlockExpansion(this, context);
        Calls = new ModuleCalls(this, context);
    }

    public TerraformModule Module { get; }

    public string Prefix { get; }

    public string ModulePath { get; }

    /// <summary>The module instance that calls this one; null for the root.</summary>
    public ModuleEvaluator? Parent { get; init; }

    /// <summary>The provider configurations the call passes (child name to caller name); null when it inherits the defaults.</summary>
    public IReadOnlyDictionary<string, string>? PassedProviders { get; init; }

    /// <summary>How many instances of this module there are in all, counting those of the modules around it.</summary>
    public long Multiplicity { get; init; } = 1;

    /// <summary>How many module calls lead from the root to this module instance.</summary>
    public int Depth => Parent is null ? 0 : Parent.Depth + 1;

    public ProviderSettings Providers { get; }

    public BlockExpansion Expansion { get; }

    public ModuleCalls Calls { get; }

    /// <summary>The value a resource argument is configured with (its first instance's, for tests); null when not set.</summary>
    public TfValue? Argument(ResourceDeclaration resource, string name) =>
        Instances(resource) is [var first, ..] ? Argument(first, name) : null;

    /// <summary>
    /// The value an instance's argument is configured with; null when the argument is not set. An argument that does not
    /// name <c>count</c> or <c>each</c> is evaluated once, under the resource's address, and its value shared by every
    /// instance (its errors are reported once, not once per instance).
    /// </summary>
    public TfValue? Argument(ResourceInstance instance, string name) =>
        instance.Resource.Argument(name) is { } argument
            ? Lazily(
                PerInstance(argument.Value) ? $"{instance.Address}.{name}" : $"{Prefix}{instance.Resource.Address}.{name}",
                argument.Range,
                () => Evaluate(argument.Value, instance.Instance.Scope))
            : null;

    private bool PerInstance(Expression argument)
    {
        if (!_perInstance.TryGetValue(argument, out var perInstance))
        {
            _perInstance[argument] = perInstance = InstanceDependence.Names(argument);
        }

        return perInstance;
    }

    /// <summary>The instances of a resource; a count or for_each known only after apply gives one, under the plain address.</summary>
    public List<ResourceInstance> Instances(ResourceDeclaration resource)
    {
        if (!_instances.TryGetValue(resource.Address, out var instances))
        {
            var address = Prefix + resource.Address;
            instances = [.. Expansion.Instances(resource.Block, address).Select(i => new ResourceInstance(resource, address + i.Suffix, i))];
            _instances[resource.Address] = instances;
        }

        return instances;
    }

    /// <summary>This module instance and every module instance beneath it, callers first.</summary>
    public IEnumerable<ModuleEvaluator> Tree()
    {
        yield return this;
        foreach (var call in Module.ModuleCalls.Values)
        {
            foreach (var child in Calls.Children(call).Select(c => c.Evaluator).OfType<ModuleEvaluator>())
            {
                foreach (var descendant in child.Tree())
                {
                    yield return descendant;
                }
            }
        }
    }

    /// <summary>The known region of a provider configuration as this module names it (<c>aws</c>, <c>aws.west</c>).</summary>
    public string? Region(string provider) => Providers.Region(provider);

    /// <inheritdoc cref="ProviderSettings.Account"/>
    public string? Account(string provider) => Providers.Account(provider);

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

            foreach (var type in instance.Resource.Block.Body.Blocks.Where(b => b.Type is not ("lifecycle" or "provisioner" or "connection")).Select(BlockExpansion.NestedType).Distinct(StringComparer.Ordinal))
            {
                _ = Blocks(instance, type);
            }
        }

        foreach (var call in Module.ModuleCalls.Values)
        {
            _ = Calls.Children(call);
        }
    }

    /// <summary>The output's value in this module instance.</summary>
    public TfValue Output(string name)
    {
        var output = Module.Outputs[name];
        return output.Value is null ? TfValue.Null : Lazily($"{Prefix}output.{name}", output.Range, () => Evaluate(output.Value, Scope.Empty));
    }

    /// <summary>
    /// The nested blocks of one type, static and <c>dynamic</c>, as a list of objects (as a plan shows them);
    /// null when the resource has none. Unknown when a dynamic block's for_each is known only after apply.
    /// </summary>
    public TfValue? Blocks(ResourceInstance instance, string type)
    {
        var body = instance.Resource.Block.Body;
        return body.Blocks.Any(b => BlockExpansion.IsOfType(b, type))
            ? Lazily($"{instance.Address}.{type}", body.Blocks.First(b => BlockExpansion.IsOfType(b, type)).Range, () => Expansion.NestedBlocks(body, type, instance.Instance.Scope))
            : null;
    }

    /// <summary>An expression on its own (an argument, a local): an error or a limit is reported and gives an unknown.</summary>
    public TfValue Evaluate(Expression expression, Scope scope)
    {
        try
        {
            return _evaluator.Evaluate(expression, scope);
        }
        catch (LimitExceededException limit)
        {
            _context.Budget.Report(limit, expression.Range, _context.Diagnostics);
            return new TfUnknown(Texts.Canonical("reasons.limit-reached", ("limit", limit.Message)));
        }
        catch (EvaluationException error)
        {
            _context.Diagnostics.Add(new ScanDiagnostic(error.Severity, error.Message, (error.Range ?? expression.Range).ToLocation()));
            return new TfUnknown(Texts.Canonical("reasons.not-evaluated", ("expression", Module.SourceText(expression)), ("error", error.Message)));
        }
    }

    /// <summary>An instance key inside a reference: its errors belong to the expression around the reference.</summary>
    public TfValue EvaluateKey(Expression key, Scope scope) => _evaluator.Evaluate(key, scope);

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
                Texts.Canonical("reasons.reference-cycle-between", ("referrer", referrer.Name), ("referrerAt", referrer.Range.ToShortString()), ("name", name), ("nameAt", inProgress[start].Range.ToShortString())),
                referrer.Range.ToLocation()));
            return new TfUnknown(Texts.Canonical("reasons.reference-cycle", ("name", name)));
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

    /// <summary>An input variable's value: what the caller gives, else its default, converted to its type.</summary>
    public TfValue Variable(string name, SourceRange? reference = null)
    {
        if (!Module.Variables.TryGetValue(name, out var variable))
        {
            return Undeclared($"var.{name}", $"reference to an undeclared input variable \"{name}\"", reference);
        }

        return Lazily($"{Prefix}var.{name}", variable.Range, () =>
        {
            var type = TypeOf(variable);
            var given = _given(name, type);
            // With nullable = false, a caller's null means "not given": Terraform uses the default.
            if (given is TfNull && variable.Value is not null && !IsNullable(variable))
            {
                given = null;
            }

            var value = given
                ?? (variable.Value is null
                    ? NoValue(variable)
                    : Evaluate(variable.Value, Scope.Empty));
            try
            {
                return type.Convert(value);
            }
            catch (EvaluationException error)
            {
                // The value itself is never quoted: it may be sensitive.
                _context.Diagnostics.Add(new ScanDiagnostic(error.Severity, Texts.Canonical("reasons.variable-value-misfit", ("variable", $"{Prefix}var.{name}"), ("error", error.Message)), variable.Range.ToLocation()));
                return new TfUnknown(Texts.Canonical("reasons.variable-type-mismatch", ("variable", $"var.{name}")));
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
                Texts.Canonical("reasons.variable-needs-value", ("name", variable.Name)),
                variable.Range.ToLocation()));
        }

        return new TfUnknown(Texts.Canonical("reasons.variable-without-value", ("name", variable.Name)));
    }

    private bool IsNullable(NamedExpression variable) =>
        variable.Nullable is null || Evaluate(variable.Nullable, Scope.Empty) is not TfBool { Value: false };

    private TypeConstraint TypeOf(NamedExpression variable)
    {
        try
        {
            return TypeConstraint.Parse(variable.Type, e => Evaluate(e, Scope.Empty));
        }
        catch (EvaluationException error)
        {
            _context.Diagnostics.Add(new ScanDiagnostic(error.Severity, error.Message, (error.Range ?? variable.Range).ToLocation()));
            return TypeConstraint.Any;
        }
    }

    /// <summary>A local value, evaluated once.</summary>
    public TfValue Local(string name, SourceRange? reference = null)
    {
        if (!Module.Locals.TryGetValue(name, out var local))
        {
            return Undeclared($"local.{name}", $"reference to an undeclared local value \"{name}\"", reference);
        }

        return Lazily($"{Prefix}local.{name}", local.Range, () => Evaluate(local.Value!, Scope.Empty));
    }

    /// <summary>A file scanned on its own may refer to what the module's other files declare: unknown, not an error.</summary>
    public TfUnknown Undeclared(string name, string error, SourceRange? range) => Module.IsPartial
        ? new TfUnknown(Texts.Canonical("reasons.declared-outside-file", ("name", name)))
        : throw new EvaluationException(error, range);
}
