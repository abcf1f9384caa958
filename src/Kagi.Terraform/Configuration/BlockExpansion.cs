using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Hcl.Syntax;
using Kagi.Terraform.Evaluation;
using Kagi.Terraform.Values;

namespace Kagi.Terraform.Configuration;

/// <summary>
/// Expands the blocks of one module instance as Terraform does at plan time: resource and module blocks into
/// instances by <c>count</c> and <c>for_each</c>, nested blocks (static and <c>dynamic</c>) into the list of objects a plan shows.
/// </summary>
internal sealed class BlockExpansion(ModuleEvaluator module, EvaluationContext context)
{
    // Whether each expanded block sets count or for_each: a reference must then name the instance.
    private readonly Dictionary<string, bool> _repeated = new(StringComparer.Ordinal);

    /// <summary>The name a nested block is read by: its type, or a <c>dynamic</c> block's label.</summary>
    public static string NestedType(Block block) => block.Type == "dynamic" && block.Labels.Count == 1 ? block.Labels[0] : block.Type;

    public static bool IsOfType(Block block, string type) =>
        (block.Type == type && block.Labels.Count == 0) || (block.Type == "dynamic" && block.Labels is [var label] && label == type);

    /// <summary>Whether the block at this address sets count or for_each (even when it expands to one instance).</summary>
    public bool IsRepeated(string address) => _repeated.GetValueOrDefault(address);

    /// <summary>
    /// The instances of a resource or module block; a count or for_each known only after apply, or in error, gives one
    /// under the plain address (reported).
    /// </summary>
    public List<Instance> Instances(Block block, string address)
    {
        var count = block.Body.Attributes.FirstOrDefault(a => a.Name == "count");
        var forEach = block.Body.Attributes.FirstOrDefault(a => a.Name == "for_each");
        var meta = count ?? forEach;
        _repeated[address] = meta is not null;
        if (meta is null)
        {
            return [Instance.Single];
        }

        var value = module.Evaluate(meta.Value, Scope.Empty);
        try
        {
            var instances = count is not null ? InstanceExpansion.FromCount(value, context.Budget, module.Multiplicity) : InstanceExpansion.FromForEach(value, context.Budget, module.Multiplicity);
            if (instances is [{ Key: null }] && !context.Budget.Spent)
            {
                // The reason says what is unknown: a resource known only after apply, or a data source Terraform reads at plan time.
                var why = ValueOps.FirstUnknown(value)?.Reason;
                context.Diagnostics.Add(new ScanDiagnostic(
                    DiagnosticSeverity.Warning,
                    why is null
                        ? Texts.Canonical("reasons.expanded-once", ("address", address), ("metaArgument", meta.Name), ("symbol", count is not null ? "count.index" : "each"))
                        : Texts.Canonical("reasons.expanded-once-because", ("address", address), ("metaArgument", meta.Name), ("reason", why), ("symbol", count is not null ? "count.index" : "each")),
                    meta.Range.ToLocation()));
            }

            return instances;
        }
        catch (LimitExceededException limit)
        {
            context.Budget.Report(limit, meta.Range, context.Diagnostics);
            return [Instance.Unexpanded(meta.Name, limit.Message)];
        }
        catch (EvaluationException error)
        {
            context.Diagnostics.Add(new ScanDiagnostic(error.Severity, $"{address}: {error.Message}", meta.Range.ToLocation()));
            return [Instance.Unexpanded(meta.Name, error.Message)];
        }
    }

    /// <summary>
    /// The nested blocks of one type in a body, static and <c>dynamic</c>, as a list of objects;
    /// unknown when a dynamic block's for_each is known only after apply.
    /// </summary>
    public TfValue NestedBlocks(Body body, string type, Scope scope)
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
                context.Diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, Texts.Canonical("reasons.dynamic-block-incomplete", ("type", type)), block.TypeRange.ToLocation()));
                continue;
            }

            var collection = module.Evaluate(forEach.Value, scope);
            if (collection is TfUnknown unknown)
            {
                return new TfUnknown(Texts.Canonical("reasons.block-count-after-apply", ("type", type), ("reason", unknown.Reason)));
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
                context.Diagnostics.Add(new ScanDiagnostic(error.Severity, $"dynamic \"{type}\": {error.Message}", forEach.Range.ToLocation()));
            }
        }

        return new TfSequence(items, SequenceKind.List);
    }

    private TfObject BlockObject(Body body, Scope scope)
    {
        var attributes = body.Attributes.Select(a => KeyValuePair.Create(a.Name, module.Evaluate(a.Value, scope)));
        var nested = body.Blocks.Select(NestedType).Distinct(StringComparer.Ordinal)
            .Select(t => KeyValuePair.Create(t, NestedBlocks(body, t, scope)));
        return new TfObject(attributes.Concat(nested));
    }
}
