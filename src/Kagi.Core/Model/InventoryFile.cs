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

    /// <exception cref="InvalidDataException">The text is not a saved inventory this version of Kagi reads.</exception>
    public static SavedInventory Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var root = JsonNode.Parse(json)?.AsObject() ?? throw new InvalidDataException("the file is empty");
            var version = root["kagiInventory"]?.GetValue<string>();
            if (version != FormatVersion)
            {
                throw new InvalidDataException($"not a Kagi inventory of format {FormatVersion} (kagiInventory: {version ?? "missing"})");
            }

            var inventory = new Inventory([.. Items(root, "resources").Select(ReadResource)], [.. Items(root, "diagnostics").Select(ReadDiagnostic)])
            {
                Unscanned = [.. Items(root, "unscanned").Select(ReadScope)],
            };
            return new SavedInventory(Text(root, "source"), [.. Items(root, "targets").Select(node => node!.GetValue<string>())], inventory);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw new InvalidDataException($"the inventory does not read: {exception.Message}", exception);
        }
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

    private static CloudResource ReadResource(JsonNode? node)
    {
        var resource = node!.AsObject();
        return Text(resource, "type") switch
        {
            NeptuneCluster.ResourceType => ReadCommon(resource, ReadClusterSettings(resource, new NeptuneCluster
            {
                Id = Text(resource, "id"),
                Name = ReadFact(resource["name"], value => value!.GetValue<string>()),
                StorageEncrypted = ReadFact(resource["storageEncrypted"], value => value!.GetValue<bool>()),
                KmsKeyId = ReadFact(resource["kmsKeyId"], value => value?.GetValue<string>()),
                Key = ReadKeyReference(resource["key"]!.AsObject()),
            })),
            NeptuneClusterSnapshot.ResourceType => ReadCommon(resource, new NeptuneClusterSnapshot
            {
                Id = Text(resource, "id"),
                Name = ReadFact(resource["name"], value => value!.GetValue<string>()),
                StorageEncrypted = ReadFact(resource["storageEncrypted"], value => value!.GetValue<bool>()),
                Key = ReadKeyReference(resource["key"]!.AsObject()),
                IsManual = ReadFact(resource["isManual"], value => value!.GetValue<bool>()),
                SharedWithAll = ReadFact(resource["sharedWithAll"], value => value!.GetValue<bool>()),
            }),
            KmsKey.ResourceType => ReadCommon(resource, ReadKey(resource)),
            var other => throw new InvalidDataException($"unknown resource type '{other}'"),
        };
    }

    private static T ReadCommon<T>(JsonObject node, T resource)
        where T : CloudResource => resource with
        {
            Region = node["region"]?.GetValue<string>(),
            Account = node["account"]?.GetValue<string>(),
            Scope = node["scope"]?.GetValue<string>(),
            Location = node["location"] is JsonObject location
                ? new SourceLocation(Text(location, "file"), location["line"]!.GetValue<int>(), location["column"]!.GetValue<int>())
                : null,
            Terraform = node["terraform"] is JsonObject terraform
                ? new TerraformAddress(Text(terraform, "resourceType"), Text(terraform, "resourceName"))
                : null,
            Suppressions = [.. Items(node, "suppressions").Select(s => new Suppression(Text(s!.AsObject(), "ruleId"), s["reason"]?.GetValue<string>(), null))],
        };

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
    private static NeptuneCluster ReadClusterSettings(JsonObject node, NeptuneCluster cluster) => cluster with
    {
        DeletionProtection = ReadOptionalFact(node["deletionProtection"], value => value!.GetValue<bool>(), cluster.DeletionProtection),
        BackupRetentionPeriod = ReadOptionalFact(node["backupRetentionPeriod"], value => value!.GetValue<int>(), cluster.BackupRetentionPeriod),
        IamDatabaseAuthentication = ReadOptionalFact(node["iamDatabaseAuthentication"], value => value!.GetValue<bool>(), cluster.IamDatabaseAuthentication),
        EnabledCloudwatchLogsExports = ReadOptionalFact<IReadOnlyList<string>>(
            node["enabledCloudwatchLogsExports"], value => [.. value!.AsArray().Select(log => log!.GetValue<string>())], cluster.EnabledCloudwatchLogsExports),
        CopyTagsToSnapshot = ReadOptionalFact(node["copyTagsToSnapshot"], value => value!.GetValue<bool>(), cluster.CopyTagsToSnapshot),
        MultiAz = ReadOptionalFact(node["multiAz"], value => value!.GetValue<bool>(), cluster.MultiAz),
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

    private static KmsKey ReadKey(JsonObject node) => new()
    {
        Id = Text(node, "id"),
        Name = ReadFact(node["name"], value => value!.GetValue<string>()),
        Arn = ReadFact(node["arn"], value => value!.GetValue<string>()),
        Manager = ReadFact(node["manager"], value => Enum.Parse<KeyManager>(value!.GetValue<string>())),
        InCustomKeyStore = ReadFact(node["inCustomKeyStore"], value => value!.GetValue<bool>()),
        State = ReadFact(node["state"], value => value!.GetValue<string>()),
        Origin = ReadFact(node["origin"], value => value!.GetValue<string>()),
        RotationEnabled = ReadFact(node["rotationEnabled"], value => value!.GetValue<bool>()),
        Policy = ReadFact(node["policy"], value => value!.GetValue<string>()),
        KeySpec = ReadOptionalFact(node["keySpec"], value => value!.GetValue<string>(), Fact.Unknown<string>("the saved inventory does not hold the key spec")),
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

    private static KeyReference ReadKeyReference(JsonObject node) => Text(node, "kind") switch
    {
        "serviceDefault" => new KeyReference.ServiceDefault(),
        "awsOwned" => new KeyReference.AwsOwned(),
        "alias" => new KeyReference.Alias(Text(node, "name")),
        "keyIdentifier" => new KeyReference.KeyIdentifier(Text(node, "value")),
        "described" => new KeyReference.Described(ReadCommon(node["key"]!.AsObject(), ReadKey(node["key"]!.AsObject()))),
        "undetermined" => new KeyReference.Undetermined(Text(node, "reason")),
        var other => throw new InvalidDataException($"unknown key reference kind '{other}'"),
    };

    // A fact is {"value": …} when known and {"unknown": "reason"} when not, so the reason survives the round trip.
    private static JsonObject WriteFact<T>(Fact<T> fact, Func<T, JsonNode?> write) =>
        fact.IsKnown ? new JsonObject { ["value"] = write(fact.Value) } : new JsonObject { ["unknown"] = fact.Reason };

    private static Fact<T> ReadFact<T>(JsonNode? node, Func<JsonNode?, T> read)
    {
        var fact = node?.AsObject() ?? throw new InvalidDataException("a value is missing");
        return fact.TryGetPropertyValue("value", out var value) ? Fact.Known(read(value)) : Fact.Unknown<T>(Text(fact, "unknown"));
    }

    private static Fact<T> ReadOptionalFact<T>(JsonNode? node, Func<JsonNode?, T> read, Fact<T> whenAbsent) =>
        node is null ? whenAbsent : ReadFact(node, read);

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

    private static UnscannedScope ReadScope(JsonNode? node)
    {
        var scope = node!.AsObject();
        return new UnscannedScope(
            Text(scope, "resourceType"), Text(scope, "resourceId"), Text(scope, "account"), Text(scope, "region"), Text(scope, "service"), Text(scope, "call"), Text(scope, "reason"));
    }

    private static JsonObject WriteDiagnostic(ScanDiagnostic diagnostic) => new()
    {
        ["severity"] = diagnostic.Severity.ToString(),
        ["message"] = diagnostic.Message,
        ["location"] = diagnostic.Location is { } location
            ? new JsonObject { ["file"] = location.File, ["line"] = location.Line, ["column"] = location.Column }
            : null,
    };

    private static ScanDiagnostic ReadDiagnostic(JsonNode? node)
    {
        var diagnostic = node!.AsObject();
        var location = diagnostic["location"] is JsonObject at
            ? new SourceLocation(Text(at, "file"), at["line"]!.GetValue<int>(), at["column"]!.GetValue<int>())
            : null;
        return new ScanDiagnostic(Enum.Parse<DiagnosticSeverity>(Text(diagnostic, "severity")), Text(diagnostic, "message"), location);
    }

    private static JsonArray Items(JsonObject node, string name) => node[name]?.AsArray() ?? [];

    private static string Text(JsonObject node, string name) =>
        node[name]?.GetValue<string>() ?? throw new InvalidDataException($"'{name}' is missing");
}
