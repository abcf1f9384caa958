using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Ebs.Volumes;

/// <summary>
/// An Amazon EBS volume. One that names no key takes the account's EBS settings of its region when it is created:
/// encryption by default, and the default key (<c>aws/ebs</c> unless set to another).
/// </summary>
public sealed record EbsVolume : CloudResource, IEncryptedAtRest
{
    public static ResourceKind Descriptor { get; } = new("AWS::EC2::Volume", AsffType: "AwsEc2Volume", OcsfType: "AWS::EC2::Volume", Service: "ebs");

    public required Fact<bool> StorageEncrypted { get; init; }

    /// <summary>The key as written or returned (ID, ARN, alias); null when none was given.</summary>
    public required Fact<string?> KmsKeyId { get; init; }

    /// <summary>The key, resolved as far as the source allows.</summary>
    public required KeyReference Key { get; init; }
}
