using Kagi.Core.Model;

namespace Kagi.Rules.Aws.SecretsManager.Secrets;

/// <summary>An AWS Secrets Manager secret: always encrypted, under the account's <c>aws/secretsmanager</c> key unless it names one.</summary>
public sealed record SecretsManagerSecret : CloudResource, IEncryptedAtRest
{
    public static ResourceKind Descriptor { get; } = new("AWS::SecretsManager::Secret", AsffType: "AwsSecretsManagerSecret", OcsfType: "AWS::SecretsManager::Secret", Service: "secretsmanager");

    /// <summary>Secrets Manager has no unencrypted secrets.</summary>
    public Fact<bool> StorageEncrypted => Fact.Known(true);

    /// <summary>The key as written or returned (ID, ARN, alias); null when none was named.</summary>
    public required Fact<string?> KmsKeyId { get; init; }

    /// <summary>The key, resolved as far as the source allows.</summary>
    public required KeyReference Key { get; init; }
}
