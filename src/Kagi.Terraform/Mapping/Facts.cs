using System.Runtime.CompilerServices;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Terraform.Values;

namespace Kagi.Terraform.Mapping;

/// <summary>Turns attribute values into the facts of the Core model: unknown stays unknown, with its reason.</summary>
internal static class Facts
{
    // The instances of a counted resource share their tags' value when it does not name count or each
    // (ModuleEvaluator.Argument); keyed by that value, they share the dictionary made from it too.
    private static readonly ConditionalWeakTable<TfValue, StrongBox<Fact<IReadOnlyDictionary<string, string>>>> SharedTags = new();

    public static Fact<bool> Bool(IResourceView view, string attribute, bool whenNotSet) => view.Get(attribute) switch
    {
        TfNull => Fact.Known(whenNotSet),
        TfUnknown unknown => Fact.Unknown<bool>(unknown.Reason),
        var value => ValueOps.TryBool(value) is { } known
            ? Fact.Known(known)
            : Fact.Unknown<bool>(Texts.Canonical("reasons.attribute-not-bool", Found(attribute, value))),
    };

    public static Fact<string?> OptionalString(IResourceView view, string attribute) => view.Get(attribute) switch
    {
        TfNull => Fact.Known<string?>(null),
        TfUnknown unknown => Fact.Unknown<string?>(unknown.Reason),
        var value => ValueOps.TryString(value) is { } known
            ? Fact.Known<string?>(known)
            : Fact.Unknown<string?>(Texts.Canonical("reasons.attribute-not-string", Found(attribute, value))),
    };

    public static Fact<int> Int(IResourceView view, string attribute, int whenNotSet) => view.Get(attribute) switch
    {
        TfNull => Fact.Known(whenNotSet),
        TfUnknown unknown => Fact.Unknown<int>(unknown.Reason),
        var value => ValueOps.TryNumber(value) is { } known && known == decimal.Truncate(known) && known is >= int.MinValue and <= int.MaxValue
            ? Fact.Known((int)known)
            : Fact.Unknown<int>(Texts.Canonical("reasons.attribute-not-whole-number", Found(attribute, value))),
    };

    /// <summary>A list or set of strings; an unknown item makes the whole list unknown, since a rule may look for any item.</summary>
    public static Fact<IReadOnlyList<string>> Strings(IResourceView view, string attribute) => view.Get(attribute) switch
    {
        TfNull => Fact.Known<IReadOnlyList<string>>([]),
        TfUnknown unknown => Fact.Unknown<IReadOnlyList<string>>(unknown.Reason),
        TfSequence sequence when ValueOps.FirstUnknown(sequence) is { } unknown => Fact.Unknown<IReadOnlyList<string>>(unknown.Reason),
        TfSequence sequence when sequence.Items.Select(ValueOps.TryString).ToList() is var items && items.All(item => item is not null) =>
            Fact.Known<IReadOnlyList<string>>([.. items.Select(item => item!)]),
        var value => Fact.Unknown<IReadOnlyList<string>>(Texts.Canonical("reasons.attribute-not-string-list", Found(attribute, value))),
    };

    /// <summary>
    /// The resource's tags as Terraform gives them (<see cref="IResourceView.TagsAll"/>): a mapper sets
    /// <c>Tags = Facts.Tags(view)</c>. A tag whose value is known only after apply makes them all unknown, since a
    /// filter may ask for any of them; a null value sets no tag.
    /// </summary>
    public static Fact<IReadOnlyDictionary<string, string>> Tags(IResourceView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return SharedTags.GetValue(view.TagsAll, tags => new(TagsOf(tags))).Value;
    }

    private static Fact<IReadOnlyDictionary<string, string>> TagsOf(TfValue tagsAll) => tagsAll switch
    {
        TfNull => Fact.Known<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>()),
        TfUnknown unknown => Fact.Unknown<IReadOnlyDictionary<string, string>>(Texts.Canonical("reasons.tags-after-apply", ("reason", unknown.Reason))),
        TfObject tags when tags.Attributes.Values.OfType<TfUnknown>().FirstOrDefault() is { } unknown =>
            Fact.Unknown<IReadOnlyDictionary<string, string>>(Texts.Canonical("reasons.tags-after-apply", ("reason", unknown.Reason))),
        TfObject tags when tags.Attributes.Where(tag => tag.Value is not TfNull).ToList() is var set && set.All(tag => ValueOps.TryString(tag.Value) is not null) =>
            Fact.Known<IReadOnlyDictionary<string, string>>(set.ToDictionary(tag => tag.Key, tag => ValueOps.TryString(tag.Value)!, StringComparer.Ordinal)),
        var value => Fact.Unknown<IReadOnlyDictionary<string, string>>(Texts.Canonical("reasons.tags-not-map", ("type", value.TypeName))),
    };

    /// <summary>A provider configuration's default tags with a resource's own over them, as the provider computes <c>tags_all</c>.</summary>
    /// <param name="defaults">The provider's <c>default_tags</c> tags; null when it has none.</param>
    public static TfValue MergeTags(TfValue? defaults, TfValue own) => (defaults, own) switch
    {
        (null or TfNull, _) => own,
        (_, TfNull) => defaults,
        (TfObject provider, TfObject resource) => new TfObject(provider.Attributes.Concat(resource.Attributes)),
        (_, TfObject) => defaults,
        _ => own,
    };

    /// <summary>A name that Terraform generates when the configuration leaves it out.</summary>
    public static Fact<string> Name(IResourceView view, string attribute, string prefixAttribute) =>
        (view.Get(attribute), view.Get(prefixAttribute)) switch
        {
            (TfString { Value.Length: > 0 } name, _) => Fact.Known(name.Value),
            (TfNull, _) or (TfUnknown, not TfNull) => Fact.Unknown<string>(Texts.Canonical("reasons.name-generated", ("attribute", attribute))),
            (TfUnknown unknown, _) => Fact.Unknown<string>(unknown.Reason),
            _ => Fact.Unknown<string>(Texts.Canonical("reasons.name-unusable", ("attribute", attribute))),
        };

    /// <summary>A name the resource requires, with no generated alternative.</summary>
    public static Fact<string> RequiredName(IResourceView view, string attribute) => view.Get(attribute) switch
    {
        TfString { Value.Length: > 0 } name => Fact.Known(name.Value),
        TfUnknown unknown => Fact.Unknown<string>(unknown.Reason),
        _ => Fact.Unknown<string>(Texts.Canonical("reasons.name-unusable", ("attribute", attribute))),
    };

    // The arguments of a reason that names the attribute and the type of value it holds instead.
    private static (string Name, object? Value)[] Found(string attribute, TfValue value) => [("attribute", attribute), ("type", value.TypeName)];
}
