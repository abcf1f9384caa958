using System.Text.Json.Nodes;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Terraform.Mapping;
using Kagi.Terraform.Values;

namespace Kagi.Rules.Aws.OpenSearch.Domains;

/// <summary>
/// The one mapping of both Terraform types of a domain (<c>aws_opensearch_domain</c> and the older
/// <c>aws_elasticsearch_domain</c>, which share the block): without an <c>encrypt_at_rest</c> block, or with
/// <c>enabled = false</c>, the domain is not encrypted; enabled without <c>kms_key_id</c>, it uses <c>aws/es</c>. What a
/// rebuild carries is read from the blocks by the members the API names (<see cref="DomainOptions"/>): a block left out is
/// left to AWS, one whose value is known only after apply is unknown.
/// </summary>
internal abstract class DomainTerraformMapper : ResourceMapper<OpenSearchDomain>
{
    private const string EncryptionBlock = "encrypt_at_rest";
    private const string KeyArgument = "kms_key_id";
    private const string LogBlock = "log_publishing_options";

    public sealed override OpenSearchDomain Map(IResourceView view, KeyResolver keys)
    {
        var block = view.Block(EncryptionBlock);
        var encrypted = (view.Get(EncryptionBlock), block) switch
        {
            (TfUnknown unknown, _) => Fact.Unknown<bool>(unknown.Reason),
            (_, null) => Fact.Known(false),
            _ => Facts.Bool(block, "enabled", whenNotSet: false),
        };
        return new OpenSearchDomain
        {
            Id = view.Address,
            Name = Facts.RequiredName(view, "domain_name"),
            Tags = Facts.Tags(view),
            StorageEncrypted = encrypted,
            KmsKeyId = block is null ? Fact.Known<string?>(null) : Facts.OptionalString(block, KeyArgument),
            Key = encrypted switch
            {
                { IsKnown: false } open => new KeyReference.Undetermined(open.Reason!),
                { Value: false } => new KeyReference.Undetermined(Texts.Canonical("reasons.storage-not-encrypted")),
                _ => keys.Resolve(block!, KeyArgument),
            },
            EngineVersion = EngineVersion(view),
            ClusterConfig = Option(view, DomainOptions.Cluster),
            EbsOptions = Option(view, DomainOptions.Ebs),
            AccessPolicies = Facts.OptionalString(view, "access_policies"),
            IpAddressType = Facts.OptionalString(view, "ip_address_type"),
            SnapshotOptions = Option(view, DomainOptions.Snapshot),
            VpcOptions = Option(view, DomainOptions.Vpc),
            CognitoOptions = Option(view, DomainOptions.Cognito),
            NodeToNodeEncryptionOptions = Option(view, DomainOptions.NodeToNodeEncryption),
            AdvancedOptions = AdvancedOptions(view),
            LogPublishingOptions = LogPublishing(view),
            DomainEndpointOptions = Option(view, DomainOptions.Endpoint),
            AdvancedSecurityOptions = Option(view, DomainOptions.Security),
            AutoTuneOptions = Option(view, DomainOptions.AutoTune),
            OffPeakWindowOptions = Option(view, DomainOptions.OffPeakWindow),
            SoftwareUpdateOptions = Option(view, DomainOptions.SoftwareUpdate),
        };
    }

    /// <summary>The engine version as <c>create-domain</c> takes it: <c>OpenSearch_2.11</c>, <c>Elasticsearch_7.10</c>.</summary>
    protected abstract Fact<string?> EngineVersion(IResourceView view);

    private static Fact<string?> Option(IResourceView view, DomainOption option) => view.Get(option.TerraformBlock) switch
    {
        TfUnknown unknown => Fact.Unknown<string?>(unknown.Reason),
        _ => DomainOptions.Text(Structure(view.Block(option.TerraformBlock), option.Members)),
    };

    // A block's members, each by its provider name, as the option's JSON; a nested structure is a nested block.
    private static Fact<JsonObject?> Structure(IResourceView? block, IEnumerable<(string Member, OptionKind Kind)> members) =>
        block is null ? Fact.Known<JsonObject?>(null) : DomainOptions.Build(members, (path, kind) =>
        {
            var at = path[..^1].Aggregate((IResourceView?)block, (outer, step) => outer?.Block(DomainOptions.TerraformName(step)));
            return at is null ? Fact.Known<JsonNode?>(null) : Value(at, DomainOptions.TerraformName(path[^1]), kind);
        });

    private static Fact<JsonNode?> Value(IResourceView view, string argument, OptionKind kind) => (view.Get(argument), kind) switch
    {
        (TfNull, _) => Fact.Known<JsonNode?>(null),
        (_, OptionKind.Text) => Facts.OptionalString(view, argument).Map(text => (JsonNode?)JsonValue.Create(text)),
        (_, OptionKind.Number) => Facts.Int(view, argument, whenNotSet: 0).Map(number => (JsonNode?)JsonValue.Create((long)number)),
        (_, OptionKind.Flag) => Facts.Bool(view, argument, whenNotSet: false).Map(flag => (JsonNode?)JsonValue.Create(flag)),
        _ => Facts.Strings(view, argument).Map(words => words.Count == 0 ? null : (JsonNode?)new JsonArray([.. words.Select(word => (JsonNode?)JsonValue.Create(word))])),
    };

    private static Fact<string?> AdvancedOptions(IResourceView view) => view.Get("advanced_options") switch
    {
        TfNull => Fact.Known<string?>(null),
        TfUnknown unknown => Fact.Unknown<string?>(unknown.Reason),
        TfObject map when ValueOps.FirstUnknown(map) is { } unknown => Fact.Unknown<string?>(unknown.Reason),
        TfObject map when map.Attributes.All(option => ValueOps.TryString(option.Value) is not null) =>
            Fact.Known<string?>(map.Attributes.Count == 0 ? null : new JsonObject(map.Attributes.Select(option => KeyValuePair.Create(option.Key, (JsonNode?)JsonValue.Create(ValueOps.TryString(option.Value))))).ToJsonString()),
        _ => Fact.Unknown<string?>(Texts.Canonical("reasons.block-fields-not-read", ("type", "advanced_options"))),
    };

    // One block a log type, naming it: the API's map of log types to their destinations.
    private static Fact<string?> LogPublishing(IResourceView view)
    {
        IReadOnlyList<TfValue> blocks = view.Get(LogBlock) switch
        {
            TfNull => [],
            TfUnknown unknown => [unknown],
            TfSequence sequence => sequence.Items,
            var single => [single],
        };
        var logs = new JsonObject();
        foreach (var block in blocks)
        {
            if (block is not TfObject body)
            {
                return Fact.Unknown<string?>(block is TfUnknown unknown ? unknown.Reason : Texts.Canonical("reasons.block-fields-not-read", ("type", LogBlock)));
            }

            var fields = new BlockView(view, LogBlock, body);
            var (type, destination) = (Facts.OptionalString(fields, "log_type"), Structure(fields, DomainOptions.LogPublishing.Members));
            if (!type.IsKnown || type.Value is null || !destination.IsKnown)
            {
                return Fact.Unknown<string?>(type.Reason ?? destination.Reason ?? Texts.Canonical("reasons.block-fields-not-read", ("type", LogBlock)));
            }

            logs[type.Value] = destination.Value;
        }

        return Fact.Known<string?>(logs.Count == 0 ? null : logs.ToJsonString());
    }
}
