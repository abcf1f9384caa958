using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kagi.Core.Localization;

namespace Kagi.Core.Model;

/// <summary>An inventory saved by <c>--save-inventory</c>, with what was scanned, to be judged again offline.</summary>
public sealed record SavedInventory(string Source, IReadOnlyList<string> Targets, Inventory Inventory);

/// <summary>
/// The saved-inventory format (<c>kagiInventory: "1"</c>): the normalised records, unknowns with their reasons,
/// what could not be read, and the diagnostics, so <c>kagi scan inventory</c> gives the findings the scan gave.
/// </summary>
public static class InventoryFile
{
    public const string FormatVersion = "1";

    // The facts every kind has, saved beside the kind's own (InventoryShape): older files without them read the defaults.
    private static readonly InventoryField TagsField = InventoryField.For(typeof(CloudResource).GetProperty(nameof(CloudResource.Tags))!);

    public static string Write(SavedInventory saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        using var text = new MemoryStream();
        Write(text, saved.Source, saved.Targets, saved.Inventory.Resources, saved.Inventory.Unscanned, saved.Inventory.Diagnostics);
        return Encoding.UTF8.GetString(text.ToArray());
    }

    /// <summary>
    /// Writes a saved inventory to <paramref name="output"/> a resource at a time, so one too large to hold as a string
    /// (an organization's, read back from disk) is saved all the same.
    /// </summary>
    public static void Write(Stream output, string source, IReadOnlyList<string> targets, IEnumerable<CloudResource> resources, IReadOnlyList<UnscannedScope> unscanned, IReadOnlyList<ScanDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(unscanned);
        ArgumentNullException.ThrowIfNull(diagnostics);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("kagiInventory", FormatVersion);
        json.WriteString("source", source);
        json.WriteStartArray("targets");
        foreach (var target in targets)
        {
            json.WriteStringValue(target);
        }

        json.WriteEndArray();
        WriteArray(json, "resources", resources.Select(WriteResource));
        WriteArray(json, "unscanned", unscanned.Select(WriteScope));
        WriteArray(json, "diagnostics", diagnostics.Select(WriteDiagnostic));
        json.WriteEndObject();
    }

    /// <summary>One resource as its saved record, compact UTF-8 JSON: what <see cref="ResourceSpill"/> keeps on disk.</summary>
    internal static byte[] ResourceRecord(CloudResource resource)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            WriteResource(resource).WriteTo(json);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A resource from the record <see cref="ResourceRecord"/> wrote.</summary>
    /// <exception cref="InvalidDataException">The record is not one of a kind in <paramref name="kinds"/>.</exception>
    internal static CloudResource ReadResourceRecord(ReadOnlyMemory<byte> record, ResourceKinds kinds)
    {
        using var document = JsonDocument.Parse(record);
        return ReadResource(new InventoryJson(document.RootElement, "$"), kinds);
    }

    private static void WriteArray(Utf8JsonWriter json, string name, IEnumerable<JsonObject> items)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            item.WriteTo(json);
        }

        json.WriteEndArray();
    }

    /// <summary>
    /// Reads a saved inventory, validating every field. The frame of the file (its version, source, targets, what could
    /// not be read, its diagnostics) must read whole, or the file is refused; a resource that does not read is left out
    /// with an error diagnostic naming its JSON path, and stands as unread where its identity is legible, so the other
    /// resources are still judged and nothing it held passes or resolves by its absence.
    /// </summary>
    /// <param name="kinds">The kinds a resource may be of, each read by the shape of its record.</param>
    /// <param name="path">The file the text came from, for the location of diagnostics.</param>
    /// <exception cref="InvalidDataException">The text is not a saved inventory this version of Kagi reads; the message names the JSON path.</exception>
    public static SavedInventory Read(string json, ResourceKinds kinds, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(kinds);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"the inventory is not JSON (line {(exception.LineNumber ?? 0) + 1}): {exception.Message}", exception);
        }

        using (document)
        {
            var root = new InventoryJson(document.RootElement, "$");
            root.RejectDuplicateKeys(checkedApart: "resources");
            var version = root.Property("kagiInventory");
            var found = version.Element switch
            {
                null => "missing",
                { ValueKind: JsonValueKind.String } text => text.GetString()!,
                { } other => other.ValueKind.ToString().ToLowerInvariant(),
            };
            if (found != FormatVersion)
            {
                throw new InvalidDataException($"not a Kagi inventory of format {FormatVersion} (kagiInventory: {(found.Length > 40 ? found[..40] + "…" : found)})");
            }

            var diagnostics = root.Property("diagnostics").Items().Select(ReadDiagnostic).ToList();
            var unscanned = root.Property("unscanned").Items().Select(ReadScope).ToList();
            var resources = new List<CloudResource>();
            foreach (var item in root.Property("resources").Items())
            {
                try
                {
                    item.RejectDuplicateKeys();
                    resources.Add(ReadResource(item, kinds));
                }
                catch (InvalidDataException exception)
                {
                    diagnostics.Add(new ScanDiagnostic(
                        DiagnosticSeverity.Error,
                        Texts.Canonical("reasons.inventory-resource-left-out", ("error", exception.Message)),
                        path is null ? null : new SourceLocation(path, 1)));
                    if (Unread(item, exception.Message) is { } scope)
                    {
                        unscanned.Add(scope);
                    }
                }
            }

            var inventory = new Inventory(resources, diagnostics) { Unscanned = unscanned };
            return new SavedInventory(root.Property("source").Text(), [.. root.Property("targets").Items().Select(target => target.Text())], inventory);
        }
    }

    // A resource left out still has its identity where that reads: as unread, it gives ERROR results and keeps its
    // region from counting as covered, so the store does not resolve its findings.
    private static UnscannedScope? Unread(InventoryJson item, string problem)
    {
        string? Field(string name) =>
            item.Element is { ValueKind: JsonValueKind.Object } element && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        return (Field("type"), Field("id"), Field("account"), Field("region")) is ({ } type, { } id, { } account, { } region)
            // Told as a failed call, like a live one: reading the inventory's entry is what failed.
            ? new UnscannedScope(type, id, account, region, "inventory", "read", problem)
            : null;
    }

    private static JsonObject WriteResource(CloudResource resource)
    {
        var node = new JsonObject
        {
            ["type"] = resource.Type,
            ["id"] = resource.Id,
            ["name"] = SavedFact.Write(resource.Name, value => JsonValue.Create(value)),
            ["region"] = resource.Region,
            ["account"] = resource.Account,
            ["scope"] = resource.Scope,
        };

        // Written only where an organization scan named the account: files saved before names were kept read the same.
        if (resource.AccountName is { } accountName)
        {
            node["accountName"] = accountName;
        }

        if (resource.Location is { } location)
        {
            node["location"] = WriteLocation(location);
        }

        if (resource.Declaration is { } declaration)
        {
            var address = new JsonObject { ["source"] = declaration.Source, ["sourceType"] = declaration.SourceType, ["name"] = declaration.Name };
            if (declaration.Syntax is { } syntax)
            {
                address["syntax"] = syntax;
            }

            node["declaration"] = address;
        }

        node["suppressions"] = new JsonArray([.. resource.Suppressions.Select(WriteSuppression)]);
        node[TagsField.JsonName] = TagsField.Write(resource);
        InventoryShape.Of(resource.GetType()).Write(resource, node);
        return node;
    }

    private static CloudResource ReadResource(InventoryJson resource, ResourceKinds kinds)
    {
        var type = resource.Property("type");
        var record = kinds.RecordOf(type.Text()) ?? throw type.Invalid($"unknown resource type '{type.Text()}'");
        return ReadResource(resource, record);
    }

    private static CloudResource ReadResource(InventoryJson resource, Type record)
    {
        var id = resource.Property("id").Text();
        var name = SavedFact.Read(resource.Property("name"), value => value.Text());
        var read = InventoryShape.Of(record).Read(resource, ReadKeyReference);
        TagsField.Read(read, resource.Property(TagsField.JsonName), ReadKeyReference);
        return read with
        {
            Id = id,
            Name = name,
            Region = resource.Property("region").OptionalText(),
            Account = resource.Property("account").OptionalText(),
            AccountName = resource.Property("accountName").OptionalText(),
            Scope = resource.Property("scope").OptionalText(),
            Location = ReadLocation(resource.Property("location")),
            Declaration = ReadDeclaration(resource),
            Suppressions = [.. resource.Property("suppressions").Items().Select(ReadSuppression)],
        };
    }

    // Files saved before declarations were source-neutral hold a Terraform address under "terraform".
    private static SourceAddress? ReadDeclaration(InventoryJson resource)
    {
        if (resource.Property("declaration") is { IsAbsent: false } declaration)
        {
            return new SourceAddress(declaration.Property("source").Text(), declaration.Property("sourceType").Text(), declaration.Property("name").Text())
            {
                Syntax = declaration.Property("syntax").OptionalText(),
            };
        }

        return resource.Property("terraform") is { IsAbsent: false } terraform
            ? new SourceAddress(ResourceSources.Terraform, terraform.Property("resourceType").Text(), terraform.Property("resourceName").Text())
            : null;
    }

    private static JsonObject WriteLocation(SourceLocation location) =>
        new() { ["file"] = location.File, ["line"] = location.Line, ["column"] = location.Column };

    private static SourceLocation? ReadLocation(InventoryJson location) => location.IsAbsent
        ? null
        : new SourceLocation(location.Property("file").Text(), location.Property("line").Integer(), location.Property("column").Integer());

    // The location is written only where the suppression has one: files saved before it was kept read the same.
    private static JsonObject WriteSuppression(Suppression suppression)
    {
        var node = new JsonObject { ["ruleId"] = suppression.RuleId, ["reason"] = suppression.Reason };
        if (suppression.Location is { } location)
        {
            node["location"] = WriteLocation(location);
        }

        return node;
    }

    private static Suppression ReadSuppression(InventoryJson suppression) => new(
        suppression.Property("ruleId").Text(), suppression.Property("reason").OptionalText(), ReadLocation(suppression.Property("location")));

    internal static JsonObject WriteKeyReference(KeyReference key) => key switch
    {
        KeyReference.ServiceDefault => new JsonObject { ["kind"] = "serviceDefault" },
        KeyReference.AwsOwned => new JsonObject { ["kind"] = "awsOwned" },
        KeyReference.Alias alias => new JsonObject { ["kind"] = "alias", ["name"] = alias.Name },
        KeyReference.KeyIdentifier id => new JsonObject { ["kind"] = "keyIdentifier", ["value"] = id.Value },
        KeyReference.Described described => new JsonObject { ["kind"] = "described", ["key"] = WriteResource(described.Key) },
        KeyReference.Undetermined undetermined => new JsonObject { ["kind"] = "undetermined", ["reason"] = undetermined.Reason },
        _ => throw new NotSupportedException($"unknown key reference {key.GetType().Name}"),
    };

    private static KeyReference ReadKeyReference(InventoryJson node) => node.Property("kind").Text() switch
    {
        "serviceDefault" => new KeyReference.ServiceDefault(),
        "awsOwned" => new KeyReference.AwsOwned(),
        "alias" => new KeyReference.Alias(node.Property("name").Text()),
        "keyIdentifier" => new KeyReference.KeyIdentifier(node.Property("value").Text()),
        "described" => new KeyReference.Described((KmsKey)ReadResource(node.Property("key"), typeof(KmsKey))),
        "undetermined" => new KeyReference.Undetermined(node.Property("reason").Text()),
        var other => throw node.Property("kind").Invalid($"unknown key reference kind '{other}'"),
    };

    private static JsonObject WriteScope(UnscannedScope scope)
    {
        var node = new JsonObject
        {
            ["resourceType"] = scope.ResourceType,
            ["resourceId"] = scope.ResourceId,
            ["account"] = scope.Account,
            ["region"] = scope.Region,
            ["service"] = scope.Service,
            ["call"] = scope.Call,
            ["reason"] = scope.Reason,
        };
        if (scope.AccountName is { } accountName)
        {
            node["accountName"] = accountName;
        }

        return node;
    }

    private static UnscannedScope ReadScope(InventoryJson scope) => new(
        scope.Property("resourceType").Text(),
        scope.Property("resourceId").Text(),
        scope.Property("account").Text(),
        scope.Property("region").Text(),
        scope.Property("service").Text(),
        scope.Property("call").Text(),
        scope.Property("reason").Text())
    {
        AccountName = scope.Property("accountName").OptionalText(),
    };

    private static JsonObject WriteDiagnostic(ScanDiagnostic diagnostic) => new()
    {
        ["severity"] = diagnostic.Severity.ToString(),
        ["message"] = diagnostic.Message,
        ["location"] = diagnostic.Location is { } location ? WriteLocation(location) : null,
    };

    private static ScanDiagnostic ReadDiagnostic(InventoryJson diagnostic) => new(
        diagnostic.Property("severity").Name<DiagnosticSeverity>(), diagnostic.Property("message").Text(), ReadLocation(diagnostic.Property("location")));
}
