using Kagi.Core.Model;

namespace Kagi.Core.Rules;

/// <summary>
/// A CloudFormation fix as data, written once per rule variant and rendered into the template's own syntax (YAML or
/// JSON) by <see cref="CloudFormationPatch"/>: the properties the fix sets on the finding's resource and those it
/// removes, resource attributes such as <c>UpdateReplacePolicy</c>, and resources it adds beside it.
/// </summary>
/// <param name="Set">Properties set on the resource, in the order shown.</param>
/// <param name="Remove">Properties the fix removes from the resource.</param>
/// <param name="Attributes">Resource attributes (<c>DeletionPolicy</c>, <c>UpdateReplacePolicy</c>) set beside <c>Type</c>.</param>
/// <param name="Add">
/// Resources added to the template, each named by a suffix of the resource's logical ID (<c>Key</c> becomes
/// <c>GraphClusterKey</c>); a <c>Ref</c> or <c>GetAtt</c> naming a suffix refers to the added resource, and one naming
/// <c>Self</c> (<see cref="CloudFormationPatch.SelfReference"/>) to the patched resource.
/// </param>
public sealed record ResourcePatch(
    IReadOnlyList<PatchEntry> Set,
    IReadOnlyList<string> Remove,
    IReadOnlyList<PatchEntry> Attributes,
    IReadOnlyList<AddedResource> Add)
{
    /// <summary>
    /// The same fix onto a key the user already has (its ARN or alias, <paramref name="key"/>): the key the fix would add is
    /// left out, and every <c>Ref</c> or <c>GetAtt</c> naming it names <paramref name="key"/> instead.
    /// </summary>
    public ResourcePatch OnKey(string key)
    {
        var added = Add.Where(resource => resource.Type == KmsKey.Descriptor.Type).Select(resource => resource.Suffix).ToHashSet(StringComparer.Ordinal);
        PatchValue Swap(PatchValue value) => value switch
        {
            PatchValue.Intrinsic { Function: "Ref" or "GetAtt", Argument: PatchValue.Scalar { Text: var named } } when added.Contains(named.Split('.', 2)[0]) => new PatchValue.Scalar(key, Plain: false),
            PatchValue.Intrinsic intrinsic => intrinsic with { Argument = Swap(intrinsic.Argument) },
            PatchValue.Mapping mapping => new PatchValue.Mapping(SwapAll(mapping.Entries)),
            PatchValue.Sequence sequence => new PatchValue.Sequence([.. sequence.Items.Select(Swap)]),
            _ => value,
        };

        List<PatchEntry> SwapAll(IEnumerable<PatchEntry> entries) => [.. entries.Select(entry => entry with { Value = Swap(entry.Value) })];

        return this with
        {
            Set = SwapAll(Set),
            Add = [.. Add.Where(resource => resource.Type != KmsKey.Descriptor.Type).Select(resource => resource with { Properties = SwapAll(resource.Properties) })],
        };
    }
}

/// <summary>A property (or attribute) and its value.</summary>
public sealed record PatchEntry(string Name, PatchValue Value);

/// <summary>A resource the fix adds, named <c>&lt;LogicalId&gt;&lt;Suffix&gt;</c>.</summary>
public sealed record AddedResource(string Suffix, string Type, IReadOnlyList<PatchEntry> Properties);

/// <summary>A value in a patch: a scalar, a mapping, a list, or an intrinsic function.</summary>
public abstract record PatchValue
{
    /// <summary>A scalar; <paramref name="Plain"/> when written unquoted (a number or boolean stays one in JSON). May hold <c>{{placeholders}}</c>.</summary>
    public sealed record Scalar(string Text, bool Plain) : PatchValue;

    public sealed record Mapping(IReadOnlyList<PatchEntry> Entries) : PatchValue;

    public sealed record Sequence(IReadOnlyList<PatchValue> Items) : PatchValue;

    /// <summary>An intrinsic function by its short-form name (<c>Ref</c>, <c>GetAtt</c>, <c>Sub</c>, …) and its argument.</summary>
    public sealed record Intrinsic(string Function, PatchValue Argument) : PatchValue;
}
