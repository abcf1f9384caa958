using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Kagi.Core.Model;

/// <summary>
/// How one kind's own facts are saved, derived from its record: every settable <see cref="Fact{T}"/> or
/// <see cref="KeyReference"/> property that the record, or a base it shares with kinds alike, declares (the common fields
/// of <see cref="CloudResource"/> are saved apart), under its name in camel case (<c>MultiAz</c> → <c>multiAz</c>), in
/// declaration order. A property of another type is refused when the shape is built, so no fact of a kind goes unsaved.
/// </summary>
internal sealed class InventoryShape
{
    private static readonly ConcurrentDictionary<Type, InventoryShape> Shapes = new();

    private readonly Type _record;
    private readonly IReadOnlyList<InventoryField> _fields;

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = OwnAssemblies.Rooted)]
    private InventoryShape(Type record)
    {
        _record = record;
        _fields = [.. record.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.SetMethod is { IsPublic: true } && property.DeclaringType!.IsSubclassOf(typeof(CloudResource)))

            // In the order reflection gives: declaration order in both runtimes. Sorting by metadata token would say so
            // explicitly, but the Native AOT binary keeps no tokens; reading is by name, so the order is for people only.
            .Select(InventoryField.For)];
    }

    /// <exception cref="NotSupportedException">The record has a property no saved inventory can hold.</exception>
    public static InventoryShape Of(Type record) => Shapes.GetOrAdd(record, type => new InventoryShape(type));

    public void Write(CloudResource resource, JsonObject node)
    {
        foreach (var field in _fields)
        {
            node[field.JsonName] = field.Write(resource);
        }
    }

    /// <summary>A record of this kind with its own facts read from <paramref name="node"/>; the common fields are the caller's.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2077", Justification = OwnAssemblies.Rooted)]
    public CloudResource Read(InventoryJson node, Func<InventoryJson, KeyReference> readKey)
    {
        // Built without its required members, which the fields and the caller then set: defaults stand for facts an older file lacks.
        var resource = (CloudResource)Activator.CreateInstance(_record)!;
        foreach (var field in _fields)
        {
            field.Read(resource, node.Property(field.JsonName), readKey);
        }

        return resource;
    }
}

/// <summary>One saved property of a record.</summary>
internal abstract class InventoryField(PropertyInfo property)
{
    public string JsonName { get; } = JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    protected PropertyInfo Property => property;

    public static InventoryField For(PropertyInfo property)
    {
        if (property.PropertyType == typeof(KeyReference))
        {
            return new KeyReferenceField(property);
        }

        if (property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(Fact<>))
        {
            var value = property.PropertyType.GetGenericArguments()[0];
            var nullable = new NullabilityInfoContext().Create(property).GenericTypeArguments[0].ReadState == NullabilityState.Nullable;
            return FactValues.Field(property, value, nullable);
        }

        throw new NotSupportedException(
            $"{property.DeclaringType!.Name}.{property.Name} is a {property.PropertyType.Name}: a saved inventory holds a record's Fact<T> and KeyReference properties only");
    }

    public abstract JsonNode? Write(CloudResource resource);

    public abstract void Read(CloudResource resource, InventoryJson node, Func<InventoryJson, KeyReference> readKey);
}

/// <summary>The key a resource names, saved by its kind of reference.</summary>
internal sealed class KeyReferenceField(PropertyInfo property) : InventoryField(property)
{
    public override JsonNode? Write(CloudResource resource) => InventoryFile.WriteKeyReference((KeyReference)Property.GetValue(resource)!);

    public override void Read(CloudResource resource, InventoryJson node, Func<InventoryJson, KeyReference> readKey) =>
        Property.SetValue(resource, readKey(node));
}

/// <summary>A fact: <c>{"value": …}</c> when known and <c>{"unknown": "reason"}</c> when not, so the reason survives the round trip.</summary>
internal sealed class FactField<T>(PropertyInfo property, FactValue value) : InventoryField(property)
{
    private readonly AbsentFromOlderInventoriesAttribute? _optional = property.GetCustomAttribute<AbsentFromOlderInventoriesAttribute>();

    public override JsonNode? Write(CloudResource resource)
    {
        return SavedFact.Write((Fact<T>)Property.GetValue(resource)!, known => value.Write(known));
    }

    public override void Read(CloudResource resource, InventoryJson node, Func<InventoryJson, KeyReference> readKey)
    {
        // An optional fact an older file lacks keeps the record's default.
        if (_optional is not null && node.IsAbsent)
        {
            return;
        }

        Property.SetValue(resource, SavedFact.Read(node, json => (T)value.Read(json)!));
    }
}

/// <summary>A fact as a saved inventory holds it: <c>{"value": …}</c> or <c>{"unknown": "reason"}</c>.</summary>
internal static class SavedFact
{
    public static JsonObject Write<T>(Fact<T> fact, Func<T, JsonNode?> write) =>
        fact.IsKnown ? new JsonObject { ["value"] = write(fact.Value) } : new JsonObject { ["unknown"] = fact.Reason };

    public static Fact<T> Read<T>(InventoryJson fact, Func<InventoryJson, T> read) =>
        fact.Has("value") ? Fact.Known(read(fact.Property("value"))) : Fact.Unknown<T>(fact.Property("unknown").Text());
}

/// <summary>How a fact's value is written and read; boxed, so that one field type serves every value type without generated code.</summary>
internal sealed record FactValue(Func<object?, JsonNode?> Write, Func<InventoryJson, object?> Read);

/// <summary>The value types a saved fact may hold.</summary>
internal static class FactValues
{
    private static readonly FactValue Text = new(value => JsonValue.Create((string?)value), json => json.Text());
    private static readonly FactValue OptionalText = new(value => JsonValue.Create((string?)value), json => json.OptionalText());
    private static readonly FactValue Texts = new(
        value => new JsonArray([.. ((IReadOnlyList<string>)value!).Select(item => JsonValue.Create(item))]),
        json => (IReadOnlyList<string>)[.. json.Items().Select(item => item.Text())]);
    private static readonly FactValue TextMap = new(
        value => new JsonObject(((IReadOnlyDictionary<string, string>)value!).Select(entry => KeyValuePair.Create(entry.Key, (JsonNode?)JsonValue.Create(entry.Value)))),
        json => (IReadOnlyDictionary<string, string>)json.Entries().ToDictionary(entry => entry.Key, entry => entry.Value.Text(), StringComparer.Ordinal));

    /// <exception cref="NotSupportedException">No saved inventory holds values of <paramref name="type"/>.</exception>
    public static InventoryField Field(PropertyInfo property, Type type, bool nullable) => type switch
    {
        // Value types are named here, each instantiated in code: the Native AOT binary cannot make a new instantiation over one at run time.
        _ when type == typeof(bool) => new FactField<bool>(property, new(value => JsonValue.Create((bool)value!), json => json.Boolean())),
        _ when type == typeof(int) => new FactField<int>(property, new(value => JsonValue.Create((int)value!), json => json.Integer())),
        _ when type == typeof(KeyManager) => new FactField<KeyManager>(property, EnumName<KeyManager>()),
        _ when type == typeof(string) => new FactField<string>(property, nullable ? OptionalText : Text),
        _ when type == typeof(IReadOnlyList<string>) => new FactField<IReadOnlyList<string>>(property, Texts),
        _ when type == typeof(IReadOnlyDictionary<string, string>) => new FactField<IReadOnlyDictionary<string, string>>(property, TextMap),
        _ when !type.IsValueType && SavedAsJson(type) is { } context => ReferenceField(property, type, Json(context, type, nullable, property)),
        _ => throw new NotSupportedException(
            $"{property.DeclaringType!.Name}.{property.Name} is a fact of {type.Name}: a saved inventory holds facts of bool, int, string, a list of strings, a map of strings, {nameof(KeyManager)} or a [SavedAsJson] record (or a list of them); another enum is added to {nameof(FactValues)}"),
    };

    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "The value is a reference type (checked by the caller): the instantiation shares the code of FactField<string>, which is compiled.")]
    private static InventoryField ReferenceField(PropertyInfo property, Type type, FactValue value) =>
        (InventoryField)Activator.CreateInstance(typeof(FactField<>).MakeGenericType(type), property, value)!;

    // The source-generated context of a [SavedAsJson] record, or of the record a list holds.
    private static JsonSerializerContext? SavedAsJson(Type type)
    {
        var record = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : type;
        return record.GetCustomAttribute<SavedAsJsonAttribute>() is { } saved ? (JsonSerializerContext)Activator.CreateInstance(saved.Context)! : null;
    }

    // A [SavedAsJson] record, or a list of them; a value that does not read as one is refused with its JSON path.
    private static FactValue Json(JsonSerializerContext context, Type type, bool nullable, PropertyInfo property)
    {
        var info = context.GetTypeInfo(type)
            ?? throw new NotSupportedException($"{property.DeclaringType!.Name}.{property.Name}: {context.GetType().Name} has no [JsonSerializable(typeof({type.Name}))]");
        return new(
            value => JsonSerializer.SerializeToNode(value, info),
            json =>
            {
                if (json.IsAbsent)
                {
                    return nullable ? null : throw json.Invalid("missing");
                }

                try
                {
                    return json.Element!.Value.Deserialize(info) ?? throw json.Invalid("missing");
                }
                catch (JsonException exception)
                {
                    throw json.Invalid(exception.Message);
                }
            });
    }

    // An enum is saved by its name; a number or an unknown name is refused on reading.
    private static FactValue EnumName<T>()
        where T : struct, Enum => new(value => JsonValue.Create(value!.ToString()), json => json.Name<T>());
}
