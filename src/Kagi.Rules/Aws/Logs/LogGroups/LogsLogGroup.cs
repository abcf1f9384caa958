using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Logs.LogGroups;

/// <summary>A CloudWatch Logs log group: always encrypted, with a key CloudWatch Logs owns unless a KMS key is associated.</summary>
public sealed record LogsLogGroup : CloudResource, IEncryptedAtRest
{
    // ASFF has no log group type.
    public static ResourceKind Descriptor { get; } = new("AWS::Logs::LogGroup", AsffType: ResourceKind.OtherAsffType, OcsfType: "AWS::Logs::LogGroup", Service: "logs");

    /// <summary>CloudWatch Logs encrypts every log group.</summary>
    public Fact<bool> StorageEncrypted => Fact.Known(true);

    /// <summary>The associated key's ARN as written or returned; null when none is associated.</summary>
    public required Fact<string?> KmsKeyId { get; init; }

    /// <summary>The key, resolved as far as the source allows.</summary>
    public required KeyReference Key { get; init; }
}
