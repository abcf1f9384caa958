using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Terraform.Mapping;
using Kagi.Terraform.Values;

namespace Kagi.Rules.Aws.DynamoDb.Tables;

/// <summary>
/// <c>aws_dynamodb_table</c>: without a <c>server_side_encryption</c> block, or with <c>enabled = false</c>, DynamoDB
/// encrypts with an AWS-owned key; enabled without <c>kms_key_arn</c>, with the account's <c>aws/dynamodb</c> key.
/// </summary>
internal sealed class DynamoDbTableTerraformMapper : ResourceMapper<DynamoDbTable>
{
    private const string EncryptionBlock = "server_side_encryption";

    public override string TerraformType => "aws_dynamodb_table";

    public override DynamoDbTable Map(IResourceView view, KeyResolver keys)
    {
        var block = view.Block(EncryptionBlock);
        var enabled = block is null ? Fact.Known(false) : Facts.Bool(block, "enabled", whenNotSet: false);
        return new DynamoDbTable
        {
            Id = view.Address,
            Name = Facts.RequiredName(view, "name"),
            Tags = Facts.Tags(view),
            StorageEncrypted = Fact.Known(true),
            KmsKeyId = block is null ? Fact.Known<string?>(null) : Facts.OptionalString(block, "kms_key_arn"),
            Key = (view.Get(EncryptionBlock), enabled) switch
            {
                (TfUnknown unknown, _) => new KeyReference.Undetermined(unknown.Reason),
                (_, { IsKnown: false } open) => new KeyReference.Undetermined(open.Reason!),

                // Disabled, DynamoDB ignores any key named and uses its own.
                (_, { Value: false }) => new KeyReference.AwsOwned(),
                _ => keys.Resolve(block!, "kms_key_arn"),
            },
        };
    }
}
