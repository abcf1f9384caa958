using Kagi.CloudFormation.Evaluation;
using Kagi.CloudFormation.Mapping;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.DynamoDb.Tables;

/// <summary>
/// <c>AWS::DynamoDB::GlobalTable</c>: one table kept in several Regions, each replica under its own key. With
/// <c>SSESpecification.SSEEnabled</c> off (the default) every replica is on an AWS-owned key; on, each replica is on the
/// key its own <c>SSESpecification.KMSMasterKeyId</c> names, or the Region's <c>aws/dynamodb</c> key. A table is only as
/// well protected as its weakest replica, so that replica's key judges it.
/// </summary>
internal sealed class DynamoDbGlobalTableCloudFormationMapper : CloudFormationMapper<DynamoDbTable>
{
    public override string ResourceType => "AWS::DynamoDB::GlobalTable";

    public override DynamoDbTable Map(TemplateResource resource, TemplateKeyResolver keys)
    {
        var weakest = WeakestReplica(resource, keys);
        return new DynamoDbTable
        {
            Id = resource.Id,
            Name = TemplateFacts.Name(resource, "TableName"),
            Tags = weakest.Tags,
            StorageEncrypted = Fact.Known(true),
            KmsKeyId = weakest.KeyId,
            Key = weakest.Key,
        };
    }

    private static ReplicaKey WeakestReplica(TemplateResource table, TemplateKeyResolver keys)
    {
        var replicas = Replicas(table);
        if (!replicas.IsKnown)
        {
            return ReplicaKey.Unknown(replicas.Reason!, Fact.Unknown<IReadOnlyDictionary<string, string>>(replicas.Reason!));
        }

        var encryption = TemplateFacts.Nested(table, "SSESpecification") switch
        {
            { IsKnown: false, Reason: var reason } => Fact.Unknown<bool>(reason!),
            { Value: { } sse } => TemplateFacts.Bool(sse, "SSEEnabled", whenNotSet: false),
            _ => Fact.Known(false),
        };
        var judged = replicas.Value.Select(replica => Replica(replica, encryption, keys)).ToList();
        return judged.Count == 0 ? ReplicaKey.Unnamed(new KeyReference.AwsOwned(), Fact.Known<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>())) : Weakest(judged);
    }

    private static ReplicaKey Replica(TemplateResource replica, Fact<bool> encryption, TemplateKeyResolver keys)
    {
        var tags = TemplateFacts.Tags(replica);
        if (!encryption.IsKnown)
        {
            return ReplicaKey.Unknown(encryption.Reason!, tags);
        }

        // Off, DynamoDB ignores any replica key and uses its own.
        if (!encryption.Value)
        {
            return ReplicaKey.Unnamed(new KeyReference.AwsOwned(), tags);
        }

        return TemplateFacts.Nested(replica, "SSESpecification") switch
        {
            { IsKnown: false, Reason: var reason } => ReplicaKey.Unknown(reason!, tags),
            { Value: { } sse } => new ReplicaKey(TemplateFacts.OptionalString(sse, "KMSMasterKeyId"), keys.Resolve(sse, "KMSMasterKeyId"), tags),
            _ => ReplicaKey.Unnamed(new KeyReference.ServiceDefault(), tags),
        };
    }

    // A replica on a known key weaker than a customer's decides the table; otherwise one whose key is not known leaves it unknown.
    private static ReplicaKey Weakest(List<ReplicaKey> replicas) =>
        replicas
            .OrderBy(replica => KeyLevelClassifier.Classify(replica.Key) switch
            {
                { IsKnown: true, Value: < KeyLevel.Customer and var level } => (int)level,
                { IsKnown: false } => (int)KeyLevel.Customer,
                { Value: var level } => (int)level + 1,
            })
            .First();

    private static Fact<IReadOnlyList<TemplateResource>> Replicas(TemplateResource table) => table.Get("Replicas") switch
    {
        TemplateList { Items: var items } when items.All(item => item is TemplateMap) => Fact.Known<IReadOnlyList<TemplateResource>>([.. items.Cast<TemplateMap>().Select(table.Within)]),
        TemplateList { Items: var items } => TemplateFacts.NotKnown<IReadOnlyList<TemplateResource>>(table, "Replicas", items.First(item => item is not TemplateMap), "ReplicaSpecification"),
        var other => TemplateFacts.NotKnown<IReadOnlyList<TemplateResource>>(table, "Replicas", other, "List"),
    };

    /// <summary>A replica's key as written and as resolved, and the replica's tags.</summary>
    private sealed record ReplicaKey(Fact<string?> KeyId, KeyReference Key, Fact<IReadOnlyDictionary<string, string>> Tags)
    {
        public static ReplicaKey Unknown(string reason, Fact<IReadOnlyDictionary<string, string>> tags) =>
            new(Fact.Unknown<string?>(reason), new KeyReference.Undetermined(reason), tags);

        public static ReplicaKey Unnamed(KeyReference key, Fact<IReadOnlyDictionary<string, string>> tags) => new(Fact.Known<string?>(null), key, tags);
    }
}
