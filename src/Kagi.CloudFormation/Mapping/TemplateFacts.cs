using System.Globalization;
using Kagi.CloudFormation.Evaluation;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.CloudFormation.Mapping;

/// <summary>Reads a resource's evaluated properties into facts: a property left out takes the service's default, an unknown one its reason.</summary>
internal static class TemplateFacts
{
    public static Fact<bool> Bool(TemplateResource resource, string property, bool whenNotSet) => resource.Get(property) switch
    {
        TemplateNull => Fact.Known(whenNotSet),
        TemplateText { Value: var text } when bool.TryParse(text, out var value) => Fact.Known(value),
        var other => NotKnown<bool>(resource, property, other, "Boolean"),
    };

    public static Fact<int> Int(TemplateResource resource, string property, int whenNotSet) => resource.Get(property) switch
    {
        TemplateNull => Fact.Known(whenNotSet),
        TemplateText { Value: var text } when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) => Fact.Known(value),
        var other => NotKnown<int>(resource, property, other, "Integer"),
    };

    /// <summary>A string property; null when it is not set.</summary>
    public static Fact<string?> OptionalString(TemplateResource resource, string property) => resource.Get(property) switch
    {
        TemplateNull => Fact.Known<string?>(null),
        TemplateText { Value: var text } => Fact.Known<string?>(text),
        var other => NotKnown<string?>(resource, property, other, "String"),
    };

    /// <summary>The resource's name from its name property; unknown until deployed when it is not set, as CloudFormation then generates one.</summary>
    public static Fact<string> Name(TemplateResource resource, string property) => OptionalString(resource, property) switch
    {
        { IsKnown: true, Value: { } name } => Fact.Known(name),
        { IsKnown: true } => Fact.Unknown<string>(Texts.Canonical("reasons.cloudformation-name-generated", ("resource", resource.Id), ("property", property))),
        var unknown => Fact.Unknown<string>(unknown.Reason!),
    };

    /// <summary>
    /// Whether a string property names something: not set or empty does not; a reference to a resource of the template
    /// does even before deployment (a key's ID or ARN is never empty); a parameter without a value may yet be empty.
    /// </summary>
    public static Fact<bool> IsSet(TemplateResource resource, string property) => resource.Get(property) switch
    {
        TemplateNull or TemplateText { Value.Length: 0 } => Fact.Known(false),
        TemplateText or TemplateUnknown { Origin: not null } => Fact.Known(true),
        var other => NotKnown<bool>(resource, property, other, "String"),
    };

    /// <summary>A property holding properties of its own (<c>StreamEncryption: {EncryptionType, KeyId}</c>), read as the resource is; null when it is not set.</summary>
    public static Fact<TemplateResource?> Nested(TemplateResource resource, string property) => resource.Get(property) switch
    {
        TemplateNull => Fact.Known<TemplateResource?>(null),
        TemplateMap map => Fact.Known<TemplateResource?>(resource.Within(map)),
        var other => NotKnown<TemplateResource?>(resource, property, other, "Map"),
    };

    /// <summary>A list of strings; empty when it is not set.</summary>
    public static Fact<IReadOnlyList<string>> Strings(TemplateResource resource, string property) => resource.Get(property) switch
    {
        TemplateNull => Fact.Known<IReadOnlyList<string>>([]),
        TemplateList { Items: var items } when items.All(item => item is TemplateText) => Fact.Known<IReadOnlyList<string>>([.. items.Cast<TemplateText>().Select(item => item.Value)]),
        TemplateList { Items: var items } when items.OfType<TemplateUnknown>().FirstOrDefault() is { } unknown => Fact.Unknown<IReadOnlyList<string>>(Unknown(resource, property, unknown)),
        var other => NotKnown<IReadOnlyList<string>>(resource, property, other, "List"),
    };

    /// <summary>
    /// The resource's tags, a list of <c>Key</c>/<c>Value</c> pairs in <paramref name="property"/> (<c>Tags</c>, or a type's
    /// own name such as EFS's <c>FileSystemTags</c>); none when it is not set.
    /// </summary>
    public static Fact<IReadOnlyDictionary<string, string>> Tags(TemplateResource resource, string property = "Tags")
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (resource.Get(property))
        {
            case TemplateNull:
                break;
            case TemplateList { Items: var items }:
                foreach (var item in items)
                {
                    if (item is not TemplateMap map || map.Get("Key") is not TemplateText key || map.Get("Value") is not TemplateText value)
                    {
                        return NotKnown<IReadOnlyDictionary<string, string>>(resource, property, item, "Tag");
                    }

                    tags[key.Value] = value.Value;
                }

                break;
            case var other:
                return NotKnown<IReadOnlyDictionary<string, string>>(resource, property, other, "List");
        }

        return Fact.Known<IReadOnlyDictionary<string, string>>(tags);
    }

    /// <summary>Tags written as a map of keys to values (<c>BackupVaultTags</c>, SAM's <c>Tags</c>); none when it is not set.</summary>
    public static Fact<IReadOnlyDictionary<string, string>> TagMap(TemplateResource resource, string property) => resource.Get(property) switch
    {
        TemplateNull => Fact.Known<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>(StringComparer.Ordinal)),
        TemplateMap { Entries: var entries } when entries.All(entry => entry.Value is TemplateText) =>
            Fact.Known<IReadOnlyDictionary<string, string>>(entries.ToDictionary(entry => entry.Key, entry => ((TemplateText)entry.Value).Value, StringComparer.Ordinal)),
        TemplateMap { Entries: var entries } => NotKnown<IReadOnlyDictionary<string, string>>(resource, property, entries.First(entry => entry.Value is not TemplateText).Value, "String"),
        var other => NotKnown<IReadOnlyDictionary<string, string>>(resource, property, other, "Map"),
    };

    /// <summary>Why a property is not known: its unknown value's reason, or that it is not of the type expected.</summary>
    public static Fact<T> NotKnown<T>(TemplateResource resource, string property, TemplateValue value, string expected) =>
        Fact.Unknown<T>(value is TemplateUnknown unknown
            ? Unknown(resource, property, unknown)
            : Texts.Canonical("reasons.cloudformation-property-type", ("resource", resource.Id), ("property", property), ("expected", expected), ("value", value.Describe())));

    private static string Unknown(TemplateResource resource, string property, TemplateUnknown unknown) =>
        Texts.Canonical("reasons.cloudformation-property-unknown", ("resource", resource.Id), ("property", property), ("reason", unknown.Reason));
}
