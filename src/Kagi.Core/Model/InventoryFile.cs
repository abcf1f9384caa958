using System.Text.Json;
using System.Text.Json.Nodes;

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

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(SavedInventory saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        var root = new JsonObject
        {
            ["kagiInventory"] = FormatVersion,
            ["source"] = saved.Source,
            ["targets"] = new JsonArray([.. saved.Targets.Select(target => JsonValue.Create(target))]),
            ["resources"] = new JsonArray([.. saved.Inventory.Resources.Select(WriteResource)]),
            ["unscanned"] = new JsonArray([.. saved.Inventory.Unscanned.Select(WriteScope)]),
            ["diagnostics"] = new JsonArray([.. saved.Inventory.Diagnostics.Select(WriteDiagnostic)]),
        };
        return root.ToJsonString(Indented);
    }

    /// <summary>
    /// Reads a saved inventory, validating every field. The frame of the file (its version, source, targets, what could
    /// not be read, its diagnostics) must read whole, or the file is refused; a resource that does not read is left out
    /// with an error diagnostic naming its JSON path, and stands as unread where its identity is legible, so the other
    /// resources are still judged and nothing it held passes or resolves by its absence.
    /// </summary>
    /// <param name="path">The file the text came from, for the location of diagnostics.</param>
    /// <exception cref="InvalidDataException">The text is not a saved inventory this version of Kagi reads; the message names the JSON path.</exception>
    public static SavedInventory Read(string json, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(json);
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
                    resources.Add(ReadResource(item));
                }
                catch (InvalidDataException exception)
                {
                    diagnostics.Add(new ScanDiagnostic(
                        DiagnosticSeverity.Error,
                        $"a resource of the saved inventory does not read and was left out: {exception.Message}",
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
            ? new UnscannedScope(type, id, account, region, "the saved inventory", "entry", problem)
            : null;
    }

    private static JsonObject WriteResource(CloudResource resource)
    {
        var node = new JsonObject
        {
            ["type"] = resource.Type,
            ["id"] = resource.Id,
            ["name"] = WriteFact(resource.Name, value => JsonValue.Create(value)),
            ["region"] = resource.Region,
            ["account"] = resource.Account,
            ["scope"] = resource.Scope,
        };
        if (resource.Location is { } location)
        {
            node["location"] = new JsonObject { ["file"] = location.File, ["line"] = location.Line, ["column"] = location.Column };
        }

        if (resource.Terraform is { } terraform)
        {
            node["terraform"] = new JsonObject { ["resourceType"] = terraform.ResourceType, ["resourceName"] = terraform.ResourceName };
        }

        node["suppressions"] = new JsonArray([.. resource.Suppressions.Select(s => new JsonObject { ["ruleId"] = s.RuleId, ["reason"] = s.Reason })]);
        switch (resource)
        {
            case NeptuneCluster cluster:
                node["storageEncrypted"] = WriteFact(cluster.StorageEncrypted, value => JsonValue.Create(value));
                node["kmsKeyId"] = WriteFact(cluster.KmsKeyId, value => JsonValue.Create(value));
                node["key"] = WriteKeyReference(cluster.Key);
                WriteClusterSettings(node, cluster);
                break;
            case NeptuneClusterSnapshot snapshot:
                node["storageEncrypted"] = WriteFact(snapshot.StorageEncrypted, value => JsonValue.Create(value));
                node["key"] = WriteKeyReference(snapshot.Key);
                node["isManual"] = WriteFact(snapshot.IsManual, value => JsonValue.Create(value));
                node["sharedWithAll"] = WriteFact(snapshot.SharedWithAll, value => JsonValue.Create(value));
                break;
            case KmsKey key:
                WriteKey(node, key);
                break;
            default:
                throw new NotSupportedException($"saving {resource.Type} is not supported");
        }

        return node;
    }

    private static CloudResource ReadResource(InventoryJson resource)
    {
        var type = resource.Property("type");
        return type.Text() switch
        {
            NeptuneCluster.ResourceType => ReadCommon(resource, ReadClusterSettings(resource, new NeptuneCluster
            {
                Id = resource.Property("id").Text(),
                Name = ReadFact(resource.Property("name"), value => value.Text()),
                StorageEncrypted = ReadFact(resource.Property("storageEncrypted"), value => value.Boolean()),
                KmsKeyId = ReadFact(resource.Property("kmsKeyId"), value => value.OptionalText()),
                Key = ReadKeyReference(resource.Property("key")),
            })),
            NeptuneClusterSnapshot.ResourceType => ReadCommon(resource, new NeptuneClusterSnapshot
            {
                Id = resource.Property("id").Text(),
                Name = ReadFact(resource.Property("name"), value => value.Text()),
                StorageEncrypted = ReadFact(resource.Property("storageEncrypted"), value => value.Boolean()),
                Key = ReadKeyReference(resource.Property("key")),
                IsManual = ReadFact(resource.Property("isManual"), value => value.Boolean()),
                SharedWithAll = ReadFact(resource.Property("sharedWithAll"), value => value.Boolean()),
            }),
            KmsKey.ResourceType => ReadCommon(resource, ReadKey(resource)),
            var other => throw type.Invalid($"unknown resource type '{other}'"),
        };
    }

    private static T ReadCommon<T>(InventoryJson node, T resource)
        where T : CloudResource => resource with
        {
            Region = node.Property("region").OptionalText(),
            Account = node.Property("account").OptionalText(),
            Scope = node.Property("scope").OptionalText(),
            Location = ReadLocation(node.Property("location")),
            Terraform = node.Property("terraform") is { IsAbsent: false } terraform
                ? new TerraformAddress(terraform.Property("resourceType").Text(), terraform.Property("resourceName").Text())
                : null,
            Suppressions = [.. node.Property("suppressions").Items().Select(s => new Suppression(s.Property("ruleId").Text(), s.Property("reason").OptionalText(), null))],
        };

    private static SourceLocation? ReadLocation(InventoryJson location) => location.IsAbsent
        ? null
        : new SourceLocation(location.Property("file").Text(), location.Property("line").Integer(), location.Property("column").Integer());

    private static void WriteClusterSettings(JsonObject node, NeptuneCluster cluster)
    {
        node["deletionProtection"] = WriteFact(cluster.DeletionProtection, value => JsonValue.Create(value));
        node["backupRetentionPeriod"] = WriteFact(cluster.BackupRetentionPeriod, value => JsonValue.Create(value));
        node["iamDatabaseAuthentication"] = WriteFact(cluster.IamDatabaseAuthentication, value => JsonValue.Create(value));
        node["enabledCloudwatchLogsExports"] = WriteFact(
            cluster.EnabledCloudwatchLogsExports, value => new JsonArray([.. value.Select(log => JsonValue.Create(log))]));
        node["copyTagsToSnapshot"] = WriteFact(cluster.CopyTagsToSnapshot, value => JsonValue.Create(value));
        node["multiAz"] = WriteFact(cluster.MultiAz, value => JsonValue.Create(value));
    }

    // Inventories saved before these settings existed lack them: they read as unknown, as the scan that saved them knew nothing of them.
    private static NeptuneCluster ReadClusterSettings(InventoryJson node, NeptuneCluster cluster) => cluster with
    {
        DeletionProtection = ReadOptionalFact(node.Property("deletionProtection"), value => value.Boolean(), cluster.DeletionProtection),
        BackupRetentionPeriod = ReadOptionalFact(node.Property("backupRetentionPeriod"), value => value.Integer(), cluster.BackupRetentionPeriod),
        IamDatabaseAuthentication = ReadOptionalFact(node.Property("iamDatabaseAuthentication"), value => value.Boolean(), cluster.IamDatabaseAuthentication),
        EnabledCloudwatchLogsExports = ReadOptionalFact<IReadOnlyList<string>>(
            node.Property("enabledCloudwatchLogsExports"), value => [.. value.Items().Select(log => log.Text())], cluster.EnabledCloudwatchLogsExports),
        CopyTagsToSnapshot = ReadOptionalFact(node.Property("copyTagsToSnapshot"), value => value.Boolean(), cluster.CopyTagsToSnapshot),
        MultiAz = ReadOptionalFact(node.Property("multiAz"), value => value.Boolean(), cluster.MultiAz),
    };

    private static void WriteKey(JsonObject node, KmsKey key)
    {
        node["arn"] = WriteFact(key.Arn, value => JsonValue.Create(value));
        node["manager"] = WriteFact(key.Manager, value => JsonValue.Create(value.ToString()));
        node["inCustomKeyStore"] = WriteFact(key.InCustomKeyStore, value => JsonValue.Create(value));
        node["state"] = WriteFact(key.State, value => JsonValue.Create(value));
        node["origin"] = WriteFact(key.Origin, value => JsonValue.Create(value));
        node["rotationEnabled"] = WriteFact(key.RotationEnabled, value => JsonValue.Create(value));
        node["policy"] = WriteFact(key.Policy, value => JsonValue.Create(value));
        node["keySpec"] = WriteFact(key.KeySpec, value => JsonValue.Create(value));
    }

    private static KmsKey ReadKey(InventoryJson node) => new()
    {
        Id = node.Property("id").Text(),
        Name = ReadFact(node.Property("name"), value => value.Text()),
        Arn = ReadFact(node.Property("arn"), value => value.Text()),
        Manager = ReadFact(node.Property("manager"), value => value.Name<KeyManager>()),
        InCustomKeyStore = ReadFact(node.Property("inCustomKeyStore"), value => value.Boolean()),
        State = ReadFact(node.Property("state"), value => value.Text()),
        Origin = ReadFact(node.Property("origin"), value => value.Text()),
        RotationEnabled = ReadFact(node.Property("rotationEnabled"), value => value.Boolean()),
        Policy = ReadFact(node.Property("policy"), value => value.Text()),
        KeySpec = ReadOptionalFact(node.Property("keySpec"), value => value.Text(), Fact.Unknown<string>("the saved inventory does not hold the key spec")),
    };

    private static JsonObject WriteKeyReference(KeyReference key) => key switch
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
        "described" => new KeyReference.Described(ReadCommon(node.Property("key"), ReadKey(node.Property("key")))),
        "undetermined" => new KeyReference.Undetermined(node.Property("reason").Text()),
        var other => throw node.Property("kind").Invalid($"unknown key reference kind '{other}'"),
    };

    // A fact is {"value": …} when known and {"unknown": "reason"} when not, so the reason survives the round trip.
    private static JsonObject WriteFact<T>(Fact<T> fact, Func<T, JsonNode?> write) =>
        fact.IsKnown ? new JsonObject { ["value"] = write(fact.Value) } : new JsonObject { ["unknown"] = fact.Reason };

    private static Fact<T> ReadFact<T>(InventoryJson fact, Func<InventoryJson, T> read) =>
        fact.Has("value") ? Fact.Known(read(fact.Property("value"))) : Fact.Unknown<T>(fact.Property("unknown").Text());

    private static Fact<T> ReadOptionalFact<T>(InventoryJson fact, Func<InventoryJson, T> read, Fact<T> whenAbsent) =>
        fact.IsAbsent ? whenAbsent : ReadFact(fact, read);

    private static JsonObject WriteScope(UnscannedScope scope) => new()
    {
        ["resourceType"] = scope.ResourceType,
        ["resourceId"] = scope.ResourceId,
        ["account"] = scope.Account,
        ["region"] = scope.Region,
        ["service"] = scope.Service,
        ["call"] = scope.Call,
        ["reason"] = scope.Reason,
    };

    private static UnscannedScope ReadScope(InventoryJson scope) => new(
        scope.Property("resourceType").Text(),
        scope.Property("resourceId").Text(),
        scope.Property("account").Text(),
        scope.Property("region").Text(),
        scope.Property("service").Text(),
        scope.Property("call").Text(),
        scope.Property("reason").Text());

    private static JsonObject WriteDiagnostic(ScanDiagnostic diagnostic) => new()
    {
        ["severity"] = diagnostic.Severity.ToString(),
        ["message"] = diagnostic.Message,
        ["location"] = diagnostic.Location is { } location
            ? new JsonObject { ["file"] = location.File, ["line"] = location.Line, ["column"] = location.Column }
            : null,
    };

    private static ScanDiagnostic ReadDiagnostic(InventoryJson diagnostic) => new(
        diagnostic.Property("severity").Name<DiagnosticSeverity>(), diagnostic.Property("message").Text(), ReadLocation(diagnostic.Property("location")));
}
