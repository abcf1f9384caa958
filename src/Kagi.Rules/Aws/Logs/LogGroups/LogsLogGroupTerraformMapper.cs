using Kagi.Core.Model;
using Kagi.Terraform.Mapping;
using Kagi.Terraform.Values;

namespace Kagi.Rules.Aws.Logs.LogGroups;

/// <summary><c>aws_cloudwatch_log_group</c>: without <c>kms_key_id</c> the log group is encrypted with a key CloudWatch Logs owns.</summary>
internal sealed class LogsLogGroupTerraformMapper : ResourceMapper<LogsLogGroup>
{
    private const string KeyArgument = "kms_key_id";

    public override string TerraformType => "aws_cloudwatch_log_group";

    public override LogsLogGroup Map(IResourceView view, KeyResolver keys) => new()
    {
        Id = view.Address,
        Name = Facts.Name(view, "name", "name_prefix"),
        Tags = Facts.Tags(view),
        KmsKeyId = Facts.OptionalString(view, KeyArgument),
        Key = view.Get(KeyArgument) is TfNull or TfString { Value.Length: 0 } ? new KeyReference.AwsOwned() : keys.Resolve(view, KeyArgument),
    };
}
