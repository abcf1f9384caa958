using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Terraform.Mapping;

namespace Kagi.Rules.Aws.Ebs.Volumes;

/// <summary>
/// The account's EBS settings of one region, as a configuration declares them: <c>aws_ebs_encryption_by_default</c>
/// (<c>enabled</c> defaults to true) and <c>aws_ebs_default_kms_key</c>. A setting the configuration does not manage may
/// have been changed outside it, so it is unknown with the reason, never assumed to be AWS's default; a CloudFormation
/// template can manage neither.
/// </summary>
internal sealed record EbsAccountDefaults(Fact<bool> EncryptionByDefault, KeyReference DefaultKey)
{
    private const string EncryptionByDefaultType = "aws_ebs_encryption_by_default";
    private const string DefaultKeyType = "aws_ebs_default_kms_key";

    /// <summary>Neither setting is managed by the configuration.</summary>
    public static EbsAccountDefaults Unmanaged { get; } = new(
        Fact.Unknown<bool>(Texts.Canonical("reasons.ebs-encryption-by-default-unmanaged")),
        new KeyReference.Undetermined(Texts.Canonical("reasons.ebs-default-key-unmanaged")));

    /// <summary>Neither setting can be declared in a CloudFormation template: it has no type for them.</summary>
    public static EbsAccountDefaults OutsideTemplate { get; } = new(
        Fact.Unknown<bool>(Texts.Canonical("reasons.cloudformation-ebs-encryption-by-default")),
        new KeyReference.Undetermined(Texts.Canonical("reasons.cloudformation-ebs-default-key")));

    /// <summary>
    /// How a volume that names no key is encrypted: when it asks to be or when encryption by default is on, with the
    /// default key; created from a snapshot or another volume (<paramref name="fromSource"/>, the reason), as that source is.
    /// </summary>
    public (Fact<bool> Encrypted, KeyReference Key) Unkeyed(Fact<bool> asked, string? fromSource)
    {
        var encrypted = (asked, EncryptionByDefault) switch
        {
            ({ IsKnown: true, Value: true }, _) => asked,

            // With encryption by default on, AWS encrypts every new volume, whatever it asks.
            (_, { IsKnown: true, Value: true } on) => on,
            ({ IsKnown: false }, _) => asked,
            _ when fromSource is not null => Fact.Unknown<bool>(fromSource),
            (_, var byDefault) => byDefault,
        };
        return (encrypted, fromSource is null ? DefaultKey : new KeyReference.Undetermined(fromSource));
    }

    /// <summary>
    /// The settings that apply to <paramref name="volume"/>: those declared through a provider configuration of the same
    /// region and account (the first one, in source order, where several are).
    /// </summary>
    public static EbsAccountDefaults Of(IResourceView volume, JoinScope scope)
    {
        var byDefault = SameRegion(scope.OfType(EncryptionByDefaultType), volume);
        var defaultKey = SameRegion(scope.OfType(DefaultKeyType), volume);
        return new(
            byDefault is null ? Unmanaged.EncryptionByDefault : Facts.Bool(byDefault, "enabled", whenNotSet: true),
            defaultKey is null ? Unmanaged.DefaultKey : scope.Keys.Resolve(defaultKey, "key_arn"));
    }

    private static IResourceView? SameRegion(IEnumerable<IResourceView> settings, IResourceView volume) =>
        settings.FirstOrDefault(setting => setting.Region == volume.Region && setting.Account == volume.Account);
}
