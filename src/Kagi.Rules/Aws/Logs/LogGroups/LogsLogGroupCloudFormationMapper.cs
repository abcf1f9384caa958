using Kagi.CloudFormation.Mapping;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Logs.LogGroups;

/// <summary><c>AWS::Logs::LogGroup</c>: without <c>KmsKeyId</c> the log group is encrypted with a key CloudWatch Logs owns.</summary>
internal sealed class LogsLogGroupCloudFormationMapper : CloudFormationMapper<LogsLogGroup>
{
    public override string ResourceType => LogsLogGroup.Descriptor.Type;

    public override LogsLogGroup Map(TemplateResource resource, TemplateKeyResolver keys) => new()
    {
        Id = resource.Id,
        Name = TemplateFacts.Name(resource, "LogGroupName"),
        Tags = TemplateFacts.Tags(resource),
        KmsKeyId = TemplateFacts.OptionalString(resource, "KmsKeyId"),
        Key = TemplateFacts.IsSet(resource, "KmsKeyId") is { IsKnown: true, Value: false } ? new KeyReference.AwsOwned() : keys.Resolve(resource, "KmsKeyId"),
    };
}
