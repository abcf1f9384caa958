using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kagi.Core.Model;

/// <summary>
/// How one kind's own facts are saved, derived from its record: every settable <see cref="Fact{T}"/> or
/// <see cref="KeyReference"/> property, under its name in camel case (<c>MultiAz</c> → <c>multiAz</c>), in declaration
/// order. A property of another type is refused when the shape is built, so no fact of a kind goes unsaved.
/// </summary>
internal sealed class InventoryShape
{
    private static readonly ConcurrentDictionary<Type, InventoryShape> Shapes = new();

    private readonly Type _record;
    private readonly IReadOnlyList<InventoryField> _fields;

    private InventoryShape(Type record)
    {
        _record = record;
        _fields = [.. record.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(property => property.SetMethod is { IsPublic: true })
            .OrderBy(property => property.MetadataToken)
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
            return (InventoryField)Activator.CreateInstance(typeof(FactField<>).MakeGenericType(value), property, FactValues.For(value, nullable, property))!;
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
internal sealed class FactField<T>(PropertyInfo property, FactValue<T> value) : InventoryField(property)
{
    private readonly AbsentFromOlderInventoriesAttribute? _optional = property.GetCustomAttribute<AbsentFromOlderInventoriesAttribute>();

    public override JsonNode? Write(CloudResource resource) => Write((Fact<T>)Property.GetValue(resource)!, value.Write);

    public override void Read(CloudResource resource, InventoryJson node, Func<InventoryJson, KeyReference> readKey)
    {
        // An optional fact an older file lacks keeps the record's default.
        if (_optional is not null && node.IsAbsent)
        {
            return;
        }

        Property.SetValue(resource, Read(node, value.Read));
    }

    public static JsonObject Write(Fact<T> fact, Func<T, JsonNode?> write) =>
        fact.IsKnown ? new JsonObject { ["value"] = write(fact.Value) } : new JsonObject { ["unknown"] = fact.Reason };

    public static Fact<T> Read(InventoryJson fact, Func<InventoryJson, T> read) =>
        fact.Has("value") ? Fact.Known(read(fact.Property("value"))) : Fact.Unknown<T>(fact.Property("unknown").Text());
}

/// <summary>How a fact's value of type <typeparamref name="T"/> is written and read.</summary>
internal sealed record FactValue<T>(Func<T, JsonNode?> Write, Func<InventoryJson, T> Read);

/// <summary>The value types a saved fact may hold.</summary>
internal static class FactValues
{
    /// <exception cref="NotSupportedException">No saved inventory holds values of <paramref name="type"/>.</exception>
    public static object For(Type type, bool nullable, PropertyInfo property) => type switch
    {
        _ when type == typeof(bool) => new FactValue<bool>(value => JsonValue.Create(value), json => json.Boolean()),
        _ when type == typeof(int) => new FactValue<int>(value => JsonValue.Create(value), json => json.Integer()),
        _ when type == typeof(string) && nullable => new FactValue<string?>(value => JsonValue.Create(value), json => json.OptionalText()),
        _ when type == typeof(string) => new FactValue<string>(value => JsonValue.Create(value), json => json.Text()),
        _ when type == typeof(IReadOnlyList<string>) => new FactValue<IReadOnlyList<string>>(
            value => new JsonArray([.. value.Select(item => JsonValue.Create(item))]), json => [.. json.Items().Select(item => item.Text())]),
        _ when type == typeof(IReadOnlyDictionary<string, string>) => new FactValue<IReadOnlyDictionary<string, string>>(
            value => new JsonObject(value.Select(entry => KeyValuePair.Create(entry.Key, (JsonNode?)JsonValue.Create(entry.Value)))),
            json => json.Entries().ToDictionary(entry => entry.Key, entry => entry.Value.Text(), StringComparer.Ordinal)),
        { IsEnum: true } => typeof(FactValues).GetMethod(nameof(EnumName), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type).Invoke(null, null)!,
        _ when IsSavedAsJson(type) => typeof(FactValues).GetMethod(nameof(Json), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type).Invoke(null, [nullable])!,
        _ => throw new NotSupportedException(
            $"{property.DeclaringType!.Name}.{property.Name} is a fact of {type.Name}: a saved inventory holds facts of bool, int, string, a list of strings, a map of strings, an enum or a [SavedAsJson] record (or a list of them)"),
    };

    private static readonly JsonSerializerOptions JsonRecords = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    private static bool IsSavedAsJson(Type type) =>
        type.GetCustomAttribute<SavedAsJsonAttribute>() is not null
        || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) && IsSavedAsJson(type.GetGenericArguments()[0]));

    // A [SavedAsJson] record, or a list of them; a value that does not read as one is refused with its JSON path.
    private static FactValue<T> Json<T>(bool nullable) => new(
        value => JsonSerializer.SerializeToNode(value, JsonRecords),
        json =>
        {
            if (json.IsAbsent)
            {
                return nullable ? default! : throw json.Invalid("missing");
            }

            try
            {
                return json.Element!.Value.Deserialize<T>(JsonRecords) ?? throw json.Invalid("missing");
            }
            catch (JsonException exception)
            {
                throw json.Invalid(exception.Message);
            }
        });

    // An enum is saved by its name; a number or an unknown name is refused on reading.
    private static FactValue<T> EnumName<T>()
        where T : struct, Enum => new(value => JsonValue.Create(value.ToString()), json => json.Name<T>());
}
