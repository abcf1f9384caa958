using Kagi.CloudFormation.Evaluation;
using Kagi.CloudFormation.Mapping;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Efs.FileSystems;

/// <summary>
/// <c>AWS::EFS::FileSystem</c>, as <see cref="EfsFileSystemTerraformMapper"/> maps <c>aws_efs_file_system</c>: unencrypted
/// unless <c>Encrypted: true</c> (the API's default is false, although the console's is true); encrypted without
/// <c>KmsKeyId</c>, on <c>aws/elasticfilesystem</c>. Its tags are <c>FileSystemTags</c>. What a rebuild carries and the
/// resource itself declares is read too: modes, zone, <c>LifecyclePolicies</c>, <c>BackupPolicy</c> and
/// <c>FileSystemProtection</c>; its policy, mount targets, access points and replications are left unread.
/// </summary>
internal sealed class EfsFileSystemCloudFormationMapper : CloudFormationMapper<EfsFileSystem>
{
    private static readonly string[] Transitions = ["TransitionToIA", "TransitionToPrimaryStorageClass", "TransitionToArchive"];

    public override string ResourceType => EfsFileSystem.Descriptor.Type;

    public override EfsFileSystem Map(TemplateResource resource, TemplateKeyResolver keys) => new()
    {
        Id = resource.Id,
        Name = Fact.Unknown<string>(Texts.Canonical("reasons.id-assigned-at-creation")),
        Tags = TemplateFacts.Tags(resource, "FileSystemTags"),
        StorageEncrypted = TemplateFacts.Bool(resource, "Encrypted", whenNotSet: false),
        KmsKeyId = TemplateFacts.OptionalString(resource, "KmsKeyId"),
        Key = keys.Resolve(resource, "KmsKeyId"),
        PerformanceMode = TemplateFacts.OptionalString(resource, "PerformanceMode"),
        ThroughputMode = TemplateFacts.OptionalString(resource, "ThroughputMode"),
        ProvisionedThroughput = TemplateFacts.Int(resource, "ProvisionedThroughputInMibps", whenNotSet: 0),
        AvailabilityZoneName = TemplateFacts.OptionalString(resource, "AvailabilityZoneName"),
        LifecyclePolicies = LifecyclePolicies(resource),
        AutomaticBackups = Member(resource, "BackupPolicy", "Status").Map(status => status is "ENABLED" or "ENABLING"),
        ReplicationOverwriteProtection = Member(resource, "FileSystemProtection", "ReplicationOverwriteProtection"),
    };

    // A member of a property holding properties of its own; null when either is not set.
    private static Fact<string?> Member(TemplateResource resource, string property, string member) => TemplateFacts.Nested(resource, property) switch
    {
        { IsKnown: false } unknown => Fact.Unknown<string?>(unknown.Reason!),
        { Value: { } nested } => TemplateFacts.OptionalString(nested, member),
        _ => Fact.Known<string?>(null),
    };

    // Each policy of the list names one transition, as the API's do.
    private static Fact<IReadOnlyList<string>> LifecyclePolicies(TemplateResource resource)
    {
        if (resource.Get("LifecyclePolicies") is not TemplateList { Items: var items })
        {
            return resource.Get("LifecyclePolicies") is TemplateNull
                ? Fact.Known<IReadOnlyList<string>>([])
                : TemplateFacts.NotKnown<IReadOnlyList<string>>(resource, "LifecyclePolicies", resource.Get("LifecyclePolicies"), "List");
        }

        var policies = new List<string>();
        foreach (var item in items)
        {
            if (item is not TemplateMap map)
            {
                return TemplateFacts.NotKnown<IReadOnlyList<string>>(resource, "LifecyclePolicies", item, "Map");
            }

            var policy = resource.Within(map);
            foreach (var transition in Transitions)
            {
                var when = TemplateFacts.OptionalString(policy, transition);
                if (!when.IsKnown)
                {
                    return Fact.Unknown<IReadOnlyList<string>>(when.Reason!);
                }

                if (when.Value is { } value)
                {
                    policies.Add($"{transition}={value}");
                }
            }
        }

        return Fact.Known<IReadOnlyList<string>>(policies);
    }
}
