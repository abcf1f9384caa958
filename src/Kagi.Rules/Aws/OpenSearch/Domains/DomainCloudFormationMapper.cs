using System.Text.Json.Nodes;
using Kagi.CloudFormation.Evaluation;
using Kagi.CloudFormation.Mapping;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.OpenSearch.Domains;

/// <summary>
/// The one mapping of both CloudFormation types of a domain (<c>AWS::OpenSearchService::Domain</c> and the older
/// <c>AWS::Elasticsearch::Domain</c>, which share <c>EncryptionAtRestOptions</c>), as <see cref="DomainTerraformMapper"/>
/// maps Terraform's: without the options, or with <c>Enabled</c> false or left out, the domain is not encrypted; enabled
/// without <c>KmsKeyId</c>, it uses <c>aws/es</c>. What a rebuild carries is read from the properties, named as the API
/// names the members (<see cref="DomainOptions"/>); Auto-Tune is not read from a template, and a fix says so.
/// </summary>
internal abstract class DomainCloudFormationMapper : CloudFormationMapper<OpenSearchDomain>
{
    private const string Options = "EncryptionAtRestOptions";

    public sealed override OpenSearchDomain Map(TemplateResource resource, TemplateKeyResolver keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var options = resource.Get(Options);
        var keyId = (options as TemplateMap)?.Get("KmsKeyId") ?? TemplateValue.Null;
        var encrypted = options switch
        {
            TemplateNull => Fact.Known(false),
            TemplateMap map => (map.Get("Enabled") ?? TemplateValue.Null) switch
            {
                TemplateNull => Fact.Known(false),
                TemplateText { Value: var text } when bool.TryParse(text, out var enabled) => Fact.Known(enabled),
                var other => TemplateFacts.NotKnown<bool>(resource, $"{Options}.Enabled", other, "Boolean"),
            },
            var other => TemplateFacts.NotKnown<bool>(resource, Options, other, Options),
        };
        return new OpenSearchDomain
        {
            Id = resource.Id,
            Name = TemplateFacts.Name(resource, "DomainName"),
            Tags = TemplateFacts.Tags(resource),
            StorageEncrypted = encrypted,
            KmsKeyId = keyId switch
            {
                TemplateNull => Fact.Known<string?>(null),
                TemplateText { Value: var text } => Fact.Known<string?>(text),
                var other => TemplateFacts.NotKnown<string?>(resource, $"{Options}.KmsKeyId", other, "String"),
            },
            Key = encrypted switch
            {
                { IsKnown: false } open => new KeyReference.Undetermined(open.Reason!),
                { Value: false } => new KeyReference.Undetermined(Texts.Canonical("reasons.storage-not-encrypted")),
                _ => keys.Resolve(resource, $"{Options}.KmsKeyId", keyId),
            },
            EngineVersion = EngineVersion(resource),
            ClusterConfig = Option(resource, ClusterProperty, DomainOptions.Cluster),
            EbsOptions = Option(resource, DomainOptions.Ebs.Name, DomainOptions.Ebs),
            AccessPolicies = AccessPolicies(resource),
            IpAddressType = TemplateFacts.OptionalString(resource, "IPAddressType"),
            SnapshotOptions = Option(resource, DomainOptions.Snapshot.Name, DomainOptions.Snapshot),
            VpcOptions = Option(resource, DomainOptions.Vpc.Name, DomainOptions.Vpc),
            CognitoOptions = Option(resource, DomainOptions.Cognito.Name, DomainOptions.Cognito),
            NodeToNodeEncryptionOptions = Option(resource, DomainOptions.NodeToNodeEncryption.Name, DomainOptions.NodeToNodeEncryption),
            AdvancedOptions = AdvancedOptions(resource),
            LogPublishingOptions = LogPublishing(resource),
            DomainEndpointOptions = Option(resource, DomainOptions.Endpoint.Name, DomainOptions.Endpoint),
            AdvancedSecurityOptions = Option(resource, DomainOptions.Security.Name, DomainOptions.Security),
            OffPeakWindowOptions = Option(resource, DomainOptions.OffPeakWindow.Name, DomainOptions.OffPeakWindow),
            SoftwareUpdateOptions = Option(resource, DomainOptions.SoftwareUpdate.Name, DomainOptions.SoftwareUpdate),
        };
    }

    /// <summary>The property holding the cluster's configuration (the older type names it after the engine).</summary>
    protected abstract string ClusterProperty { get; }

    /// <summary>The engine version as <c>create-domain</c> takes it: <c>OpenSearch_2.11</c>, <c>Elasticsearch_7.10</c>.</summary>
    protected abstract Fact<string?> EngineVersion(TemplateResource resource);

    private static Fact<string?> Option(TemplateResource resource, string property, DomainOption option) => DomainOptions.Text(Structure(resource, property, option.Members));

    // A property's members, each by the API's name, as the option's JSON; a nested structure is a nested property.
    private static Fact<JsonObject?> Structure(TemplateResource resource, string property, IEnumerable<(string Member, OptionKind Kind)> members) =>
        TemplateFacts.Nested(resource, property) switch
        {
            { IsKnown: false } unknown => Fact.Unknown<JsonObject?>(unknown.Reason!),
            { Value: null } => Fact.Known<JsonObject?>(null),
            { Value: { } nested } => DomainOptions.Build(members, (path, kind) => Value(nested, path, kind)),
        };

    private static Fact<JsonNode?> Value(TemplateResource structure, string[] path, OptionKind kind)
    {
        if (path.Length > 1)
        {
            return TemplateFacts.Nested(structure, path[0]) switch
            {
                { IsKnown: false } unknown => Fact.Unknown<JsonNode?>(unknown.Reason!),
                { Value: null } => Fact.Known<JsonNode?>(null),
                { Value: { } nested } => Value(nested, path[1..], kind),
            };
        }

        var member = path[0];
        return (structure.Get(member), kind) switch
        {
            (TemplateNull, _) => Fact.Known<JsonNode?>(null),
            (_, OptionKind.Text) => TemplateFacts.OptionalString(structure, member).Map(text => (JsonNode?)JsonValue.Create(text)),
            (_, OptionKind.Number) => TemplateFacts.Int(structure, member, whenNotSet: 0).Map(number => (JsonNode?)JsonValue.Create((long)number)),
            (_, OptionKind.Flag) => TemplateFacts.Bool(structure, member, whenNotSet: false).Map(flag => (JsonNode?)JsonValue.Create(flag)),
            _ => TemplateFacts.Strings(structure, member).Map(words => words.Count == 0 ? null : (JsonNode?)new JsonArray([.. words.Select(word => (JsonNode?)JsonValue.Create(word))])),
        };
    }

    // A policy document, written as an object or as its JSON text.
    private static Fact<string?> AccessPolicies(TemplateResource resource) => resource.Get("AccessPolicies") switch
    {
        TemplateNull => Fact.Known<string?>(null),
        TemplateText { Value: var text } => Fact.Known<string?>(text),
        var policy when TemplateJson.Write(policy) is { Json: { } json } => Fact.Known<string?>(json),
        var policy => TemplateFacts.NotKnown<string?>(resource, "AccessPolicies", policy, "Json"),
    };

    private static Fact<string?> AdvancedOptions(TemplateResource resource) => resource.Get("AdvancedOptions") switch
    {
        TemplateNull => Fact.Known<string?>(null),
        TemplateMap { Entries: var options } when options.All(option => option.Value is TemplateText) =>
            Fact.Known<string?>(options.Count == 0 ? null : new JsonObject(options.Select(option => KeyValuePair.Create(option.Key, (JsonNode?)JsonValue.Create(((TemplateText)option.Value).Value)))).ToJsonString()),
        var other => TemplateFacts.NotKnown<string?>(resource, "AdvancedOptions", other, "Map"),
    };

    // The API's map of log types to their destinations.
    private static Fact<string?> LogPublishing(TemplateResource resource)
    {
        var property = DomainOptions.LogPublishing.Name;
        if (resource.Get(property) is not TemplateMap { Entries: var logs } map)
        {
            return resource.Get(property) is TemplateNull ? Fact.Known<string?>(null) : TemplateFacts.NotKnown<string?>(resource, property, resource.Get(property), "Map");
        }

        var json = new JsonObject();
        foreach (var (type, _) in logs)
        {
            var destination = Structure(resource.Within(map), type, DomainOptions.LogPublishing.Members);
            if (!destination.IsKnown)
            {
                return Fact.Unknown<string?>(destination.Reason!);
            }

            json[type] = destination.Value;
        }

        return Fact.Known<string?>(json.Count == 0 ? null : json.ToJsonString());
    }
}
