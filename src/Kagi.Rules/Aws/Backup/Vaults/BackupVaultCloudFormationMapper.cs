using Kagi.CloudFormation.Evaluation;
using Kagi.CloudFormation.Mapping;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Backup.Vaults;

/// <summary>
/// <c>AWS::Backup::BackupVault</c>: without <c>EncryptionKeyArn</c> the vault is encrypted under <c>aws/backup</c>. Its tags
/// are a map. What a rebuild carries is read where the resource declares it: <c>AccessPolicy</c>, <c>Notifications</c>
/// and <c>LockConfiguration</c> (with <c>ChangeableForDays</c>, a compliance-mode lock).
/// </summary>
internal sealed class BackupVaultCloudFormationMapper : CloudFormationMapper<BackupVault>
{
    public override string ResourceType => BackupVault.Descriptor.Type;

    public override BackupVault Map(TemplateResource resource, TemplateKeyResolver keys)
    {
        var notifications = TemplateFacts.Nested(resource, "Notifications");
        var lockConfiguration = TemplateFacts.Nested(resource, "LockConfiguration");
        return new()
        {
            Id = resource.Id,
            Name = TemplateFacts.Name(resource, "BackupVaultName"),
            Tags = TemplateFacts.TagMap(resource, "BackupVaultTags"),
            KmsKeyId = TemplateFacts.OptionalString(resource, "EncryptionKeyArn"),

            // No key named resolves to the service's default, the AWS-managed aws/backup.
            Key = keys.Resolve(resource, "EncryptionKeyArn"),
            AccessPolicy = Policy(resource),
            NotificationTopicArn = Within(notifications, block => TemplateFacts.OptionalString(block, "SNSTopicArn"), null),
            NotificationEvents = Within(notifications, block => TemplateFacts.Strings(block, "BackupVaultEvents"), []),
            LockMode = Within(lockConfiguration, block => Fact.Known<string?>(block.Get("ChangeableForDays") is TemplateNull ? BackupVault.GovernanceMode : BackupVault.ComplianceMode), null),
            LockMinRetentionDays = Within(lockConfiguration, block => TemplateFacts.Int(block, "MinRetentionDays", whenNotSet: 0), 0),
            LockMaxRetentionDays = Within(lockConfiguration, block => TemplateFacts.Int(block, "MaxRetentionDays", whenNotSet: 0), 0),
        };
    }

    // A property of a nested block; what it is without the block; unknown with the block.
    private static Fact<T> Within<T>(Fact<TemplateResource?> block, Func<TemplateResource, Fact<T>> read, T withoutBlock) => block switch
    {
        { IsKnown: false, Reason: var reason } => Fact.Unknown<T>(reason!),
        { Value: { } nested } => read(nested),
        _ => Fact.Known(withoutBlock),
    };

    // AccessPolicy is an object or its JSON text.
    private static Fact<string?> Policy(TemplateResource resource) => resource.Get("AccessPolicy") switch
    {
        TemplateNull => Fact.Known<string?>(null),
        TemplateText text => Fact.Known<string?>(text.Value),
        var document => TemplateJson.Write(document) switch
        {
            ({ } json, _) => Fact.Known<string?>(json),
            (_, var unknown) => Fact.Unknown<string?>(Texts.Canonical("reasons.cloudformation-property-unknown", ("resource", resource.Id), ("property", "AccessPolicy"), ("reason", unknown!.Reason))),
        },
    };
}
