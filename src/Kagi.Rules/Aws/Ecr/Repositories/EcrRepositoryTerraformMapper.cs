using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Terraform.Mapping;
using Kagi.Terraform.Values;

namespace Kagi.Rules.Aws.Ecr.Repositories;

/// <summary>
/// <c>aws_ecr_repository</c>: without an <c>encryption_configuration</c> block, or with <c>encryption_type = "AES256"</c>,
/// ECR encrypts with an AWS-owned key; <c>KMS</c> uses <c>kms_key</c>, or <c>aws/ecr</c> when none is named. Its
/// repository and lifecycle policies are resources of their own (<c>aws_ecr_repository_policy</c>,
/// <c>aws_ecr_lifecycle_policy</c>), joined by the repository they name.
/// </summary>
internal sealed class EcrRepositoryTerraformMapper : ResourceMapper<EcrRepository>
{
    private const string RepositoryType = "aws_ecr_repository";
    private const string EncryptionBlock = "encryption_configuration";
    private const string ScanningBlock = "image_scanning_configuration";

    public override string TerraformType => RepositoryType;

    public override EcrRepository Map(IResourceView view, KeyResolver keys)
    {
        var encryption = view.Block(EncryptionBlock);
        var kms = encryption is not null ? Facts.OptionalString(encryption, "encryption_type").Map(type => type is not (null or "AES256"))
            : view.Get(EncryptionBlock) is TfUnknown unknown ? Fact.Unknown<bool>(unknown.Reason)
            : Fact.Known(false);
        return new()
        {
            Id = view.Address,
            Name = Facts.RequiredName(view, "name"),
            Tags = Facts.Tags(view),
            KmsKeyId = encryption is null ? Fact.Known<string?>(null) : Facts.OptionalString(encryption, "kms_key"),
            Key = kms switch
            {
                { IsKnown: false } => new KeyReference.Undetermined(kms.Reason!),
                { Value: true } => keys.Resolve(encryption!, "kms_key"),
                _ => new KeyReference.AwsOwned(),
            },
            ImageTagMutability = Facts.OptionalString(view, "image_tag_mutability"),
            ScanOnPush = view.Block(ScanningBlock) is { } scanning ? Facts.Bool(scanning, "scan_on_push", whenNotSet: false)
                : view.Get(ScanningBlock) is TfUnknown unknownScanning ? Fact.Unknown<bool>(unknownScanning.Reason)
                : Fact.Known(false),

            // Declared apart: none until a policy resource names the repository (Join).
            LifecyclePolicy = Fact.Known<string?>(null),
            RepositoryPolicy = Fact.Known<string?>(null),
        };
    }

    public override EcrRepository Join(EcrRepository resource, JoinScope scope)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(scope);
        return resource with
        {
            LifecyclePolicy = PolicyOf(resource, scope, "aws_ecr_lifecycle_policy") ?? resource.LifecyclePolicy,
            RepositoryPolicy = PolicyOf(resource, scope, "aws_ecr_repository_policy") ?? resource.RepositoryPolicy,
        };
    }

    // The policy text of the one resource of that type naming the repository (by reference or by name); null when none does.
    private static Fact<string?>? PolicyOf(EcrRepository resource, JoinScope scope, string policyType)
    {
        var repositories = scope.OfType(RepositoryType);
        var policy = scope.OfType(policyType)
            .FirstOrDefault(candidate => JoinScope.Referenced(candidate, "repository", repositories, "name") is { } repository && JoinScope.Names(repository.Address, resource));
        return policy is null ? null : Facts.OptionalString(policy, "policy") switch
        {
            { IsKnown: false } unknown => Fact.Unknown<string?>(Texts.Canonical("reasons.argument-after-apply", ("argument", $"{policy.Address}.policy"), ("reason", unknown.Reason))),
            var known => known,
        };
    }
}
