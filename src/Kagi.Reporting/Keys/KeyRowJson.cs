using System.Text.Json;
using Kagi.Core.Model;

namespace Kagi.Reporting.Keys;

/// <summary>
/// One key row as JSON, the shape of <c>kagi keys --format json</c>: a known value under its name, an unknown one as null
/// with its reason under the name + <c>Unknown</c>. Read back for keys kept in the findings store.
/// </summary>
public static class KeyRowJson
{
    public static void Write(Utf8JsonWriter json, KeyRow row)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(row);
        json.WriteStartObject();
        json.WriteString("key", row.Key);
        WriteFact(json, "aliases", row.Aliases, (w, name, aliases) => { w.WriteStartArray(name); aliases.ToList().ForEach(w.WriteStringValue); w.WriteEndArray(); });
        json.WriteString("account", row.Account);
        json.WriteString("region", row.Region);
        WriteFact(json, "level", row.Level, (w, name, level) => w.WriteString(name, level.ToName()));
        WriteFact(json, "origin", row.Origin, (w, name, origin) => w.WriteString(name, origin));
        WriteFact(json, "state", row.State, (w, name, state) => w.WriteString(name, state));
        WriteFact(json, "deletionDate", row.DeletionDate, (w, name, date) => w.WriteString(name, date));
        WriteFact(json, "rotationEnabled", row.RotationEnabled, (w, name, on) => w.WriteBoolean(name, on));
        if (row.PolicyPublic is { } isPublic)
        {
            json.WriteBoolean("policyPublic", isPublic);
        }
        else
        {
            json.WriteNull("policyPublic");
        }

        WriteFact(json, "multiRegion", row.MultiRegion, (w, name, multi) => w.WriteBoolean(name, multi));
        json.WriteStartObject("dependents");
        json.WriteNumber("count", row.Dependents.Count);
        json.WriteStartObject("byKind");
        foreach (var (kind, count) in row.DependentsByKind)
        {
            json.WriteNumber(kind, count);
        }

        json.WriteEndObject();
        json.WriteStartArray("resources");
        foreach (var dependent in row.Dependents)
        {
            json.WriteStartObject();
            json.WriteString("type", dependent.ResourceType);
            json.WriteString("id", dependent.Id);
            json.WriteString("name", dependent.Name);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    public static string ToJson(KeyRow row)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            Write(json, row);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <exception cref="InvalidDataException">The text is not a key row as <see cref="Write"/> writes it.</exception>
    public static KeyRow FromJson(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            using var document = JsonDocument.Parse(text);
            var row = document.RootElement;
            return new KeyRow(
                row.GetProperty("key").GetString()!,
                ReadFact<IReadOnlyList<string>>(row, "aliases", value => [.. value.EnumerateArray().Select(alias => alias.GetString()!)]),
                row.GetProperty("account").GetString(),
                row.GetProperty("region").GetString(),
                ReadFact(row, "level", value => KeyLevelNames.TryParse(value.GetString(), out var level) ? level : throw new InvalidDataException($"unknown key level {value.GetString()}")),
                ReadFact(row, "origin", value => value.GetString()!),
                ReadFact(row, "state", value => value.GetString()!),
                ReadFact(row, "deletionDate", value => value.GetString()),
                ReadFact(row, "rotationEnabled", value => value.GetBoolean()),
                row.GetProperty("policyPublic").ValueKind == JsonValueKind.Null ? null : row.GetProperty("policyPublic").GetBoolean(),
                ReadFact(row, "multiRegion", value => value.GetBoolean()),
                [.. row.GetProperty("dependents").GetProperty("resources").EnumerateArray().Select(dependent => new KeyDependent(
                    dependent.GetProperty("type").GetString()!,
                    dependent.GetProperty("id").GetString()!,
                    dependent.GetProperty("name").GetString()))]);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"not a stored key row: {exception.Message}", exception);
        }
    }

    // A known value under its name; an unknown one as null, with its reason under NAME + "Unknown".
    private static void WriteFact<T>(Utf8JsonWriter json, string name, Fact<T> fact, Action<Utf8JsonWriter, string, T> write)
    {
        if (fact.IsKnown && fact.Value is not null)
        {
            write(json, name, fact.Value);
        }
        else
        {
            json.WriteNull(name);
            if (!fact.IsKnown)
            {
                json.WriteString(name + "Unknown", fact.Reason);
            }
        }
    }

    private static Fact<T> ReadFact<T>(JsonElement row, string name, Func<JsonElement, T> read)
    {
        if (row.TryGetProperty(name + "Unknown", out var reason))
        {
            return Fact.Unknown<T>(reason.GetString()!);
        }

        var value = row.GetProperty(name);
        return Fact.Known(value.ValueKind == JsonValueKind.Null ? default! : read(value));
    }
}
