using System.Globalization;
using System.Text.Json;

namespace Kagi.Core.Model;

/// <summary>
/// A place in a saved inventory's JSON and what is there (nothing, when absent), so that every problem found in a
/// tampered file names its JSON path: <c>$.resources[3].kmsKeyId: missing</c>.
/// </summary>
internal readonly record struct InventoryJson(JsonElement? Element, string Path)
{
    /// <summary>Absent, or JSON null: what an optional field may be.</summary>
    public bool IsAbsent => Element is not { } element || element.ValueKind == JsonValueKind.Null;

    public InventoryJson Property(string name) =>
        new(Object().TryGetProperty(name, out var value) ? value : null, $"{Path}.{name}");

    public bool Has(string name) => Object().TryGetProperty(name, out _);

    public JsonElement Object() => Expect(JsonValueKind.Object, "an object");

    /// <summary>The items of an array; an absent array has none.</summary>
    public IEnumerable<InventoryJson> Items()
    {
        if (IsAbsent)
        {
            return [];
        }

        var path = Path;
        return Expect(JsonValueKind.Array, "an array").EnumerateArray()
            .Select((item, index) => new InventoryJson(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]")));
    }

    /// <summary>The properties of an object, in the file's order, each with its path.</summary>
    public IEnumerable<KeyValuePair<string, InventoryJson>> Entries()
    {
        var path = Path;
        return Object().EnumerateObject().Select(property => KeyValuePair.Create(property.Name, new InventoryJson(property.Value, $"{path}.{property.Name}")));
    }

    public string Text() => Expect(JsonValueKind.String, "a string").GetString()!;

    public string? OptionalText() => IsAbsent ? null : Text();

    public bool Boolean() => Element is { ValueKind: JsonValueKind.True or JsonValueKind.False } element
        ? element.GetBoolean()
        : throw Invalid(Expected("true or false"));

    public int Integer() => Expect(JsonValueKind.Number, "a whole number").TryGetInt32(out var number)
        ? number
        : throw Invalid($"{Element!.Value.GetRawText()} is not a whole number Kagi reads");

    /// <summary>One of the names of <typeparamref name="T"/>, exactly as written; numbers and unknown names are refused.</summary>
    public T Name<T>()
        where T : struct, Enum
    {
        var text = Text();
        return Enum.GetNames<T>().Contains(text, StringComparer.Ordinal)
            ? Enum.Parse<T>(text)
            : throw Invalid($"'{text}' is not one of {string.Join(", ", Enum.GetNames<T>())}");
    }

    public InvalidDataException Invalid(string problem) => new($"{Path}: {problem}");

    /// <summary>
    /// Refuses an object, anywhere inside this one, that names a key twice: which of the two values counts would be a
    /// guess. The value of the property <paramref name="checkedApart"/> is left for its own check.
    /// </summary>
    public void RejectDuplicateKeys(string? checkedApart = null)
    {
        if (Element is { } element)
        {
            RejectDuplicateKeys(element, Path, checkedApart);
        }
    }

    private static void RejectDuplicateKeys(JsonElement element, string path, string? checkedApart = null)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                RejectDuplicateKeys(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]"));
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                if (!names.Add(property.Name))
                {
                    throw new InvalidDataException($"{path}.{property.Name}: the key appears twice");
                }

                if (property.Name != checkedApart)
                {
                    RejectDuplicateKeys(property.Value, $"{path}.{property.Name}");
                }
            }
        }
    }

    private JsonElement Expect(JsonValueKind kind, string expected) =>
        Element is { } element && element.ValueKind == kind ? element : throw Invalid(Expected(expected));

    private string Expected(string expected) => Element is not { } element
        ? "missing"
        : $"expected {expected}, found {element.ValueKind switch
        {
            JsonValueKind.Null => "null",
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            _ => "true or false",
        }}";
}
