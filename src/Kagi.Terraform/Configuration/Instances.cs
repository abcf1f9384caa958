using System.Text;
using Kagi.Core.Localization;
using Kagi.Terraform.Evaluation;
using Kagi.Terraform.Values;

namespace Kagi.Terraform.Configuration;

/// <summary>
/// One instance of a resource or module block: its address suffix (<c>[0]</c>, <c>["a"]</c>, or empty), its key,
/// and the scope that binds <c>count.index</c> or <c>each.key</c> / <c>each.value</c> for its expressions.
/// </summary>
internal sealed record Instance(string Suffix, TfValue? Key, Scope Scope)
{
    public static Instance Single { get; } = new(string.Empty, null, Scope.Empty);

    public static Instance Counted(int index) =>
        new($"[{index}]", new TfNumber(index), Scope.Empty.With(null, TfValue.Null, "count", Attributes(("index", new TfNumber(index)))));

    public static Instance Keyed(string key, TfValue value) =>
        new($"[{Quote(key)}]", new TfString(key), Scope.Empty.With(null, TfValue.Null, "each", Attributes(("key", new TfString(key)), ("value", value))));

    /// <summary>
    /// The one instance Kagi scans when count or for_each cannot be told before apply: it keeps the plain address,
    /// and whatever depends on <c>count.index</c> or <c>each</c> is unknown, with the reason.
    /// </summary>
    public static Instance Unexpanded(string metaArgument, string reason)
    {
        var unknown = new TfUnknown(Texts.Canonical("reasons.meta-argument-after-apply", ("metaArgument", metaArgument), ("reason", reason)));
        var scope = metaArgument == "count"
            ? Scope.Empty.With(null, TfValue.Null, "count", Attributes(("index", unknown)))
            : Scope.Empty.With(null, TfValue.Null, "each", Attributes(("key", unknown), ("value", unknown)));
        return new Instance(string.Empty, null, scope);
    }

    /// <summary>A string key as Terraform prints it in an address: double-quoted, with Go's escapes.</summary>
    public static string Quote(string key)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in key)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    private static TfObject Attributes(params (string Name, TfValue Value)[] attributes) =>
        new(attributes.Select(a => KeyValuePair.Create(a.Name, a.Value)));
}

/// <summary>Expands <c>count</c> and <c>for_each</c> into instances, as Terraform does at plan time.</summary>
internal static class InstanceExpansion
{
    /// <summary>
    /// The instances for a count value; throws <see cref="EvaluationException"/> for what Terraform rejects, and
    /// <see cref="LimitExceededException"/> for more instances than the budget's limit, counting those of the
    /// <paramref name="modules"/> instances of the module the block is in.
    /// </summary>
    public static List<Instance> FromCount(TfValue count, EvaluationBudget budget, long modules)
    {
        if (count is TfUnknown unknown)
        {
            return [Instance.Unexpanded("count", unknown.Reason)];
        }

        var n = ValueOps.ExpectInteger(count is TfNull ? throw new EvaluationException("count must not be null") : count, "count");
        if (n < 0)
        {
            throw new EvaluationException("count must not be negative");
        }

        budget.CheckInstances(n, modules);
        return [.. Enumerable.Range(0, n).Select(Instance.Counted)];
    }

    /// <summary>The instances for a for_each value: a map or object by key, a set of strings by element.</summary>
    public static List<Instance> FromForEach(TfValue forEach, EvaluationBudget budget, long modules)
    {
        budget.CheckInstances(forEach switch
        {
            TfObject map => map.Attributes.Count,
            TfSequence { Kind: SequenceKind.Set } set => set.Items.Count,
            _ => 0,
        }, modules);

        switch (forEach)
        {
            case TfUnknown unknown:
                return [Instance.Unexpanded("for_each", unknown.Reason)];
            case TfObject map:
                return [.. map.Attributes.Select(p => Instance.Keyed(p.Key, p.Value))];
            case TfSequence { Kind: SequenceKind.Set } set:
                if (set.Items.OfType<TfUnknown>().FirstOrDefault() is { } element)
                {
                    return [Instance.Unexpanded("for_each", element.Reason)];
                }

                return [.. set.Items.Select(item => item is TfString key
                    ? Instance.Keyed(key.Value, key)
                    : throw new EvaluationException($"for_each over a set needs strings, not a {item.TypeName}"))];
            case TfNull:
                throw new EvaluationException("for_each must not be null");
            case TfSequence sequence:
                throw new EvaluationException($"for_each needs a map or a set of strings, not a {sequence.TypeName}; convert it with toset()");
            default:
                throw new EvaluationException($"for_each needs a map or a set of strings, not a {forEach.TypeName}");
        }
    }
}
