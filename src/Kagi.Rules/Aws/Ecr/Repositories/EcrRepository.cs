using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Ecr.Repositories;

/// <summary>An Amazon ECR private repository: always encrypted, with AES256 (an AWS-owned key) unless it was created with KMS.</summary>
public sealed record EcrRepository : CloudResource, IEncryptedAtRest
{
    public static ResourceKind Descriptor { get; } = new("AWS::ECR::Repository", AsffType: "AwsEcrRepository", OcsfType: "AWS::ECR::Repository", Service: "ecr");

    /// <summary>ECR encrypts every repository.</summary>
    public Fact<bool> StorageEncrypted => Fact.Known(true);

    /// <summary>The KMS key as written or returned; null with AES256, or with KMS and no key named (then <c>aws/ecr</c>).</summary>
    public required Fact<string?> KmsKeyId { get; init; }

    /// <summary>The key, resolved as far as the source allows.</summary>
    public required KeyReference Key { get; init; }

    // What a rebuild under another key carries across (EcrRepositoryRebuild); null: left to AWS.

    /// <summary><c>MUTABLE</c> or <c>IMMUTABLE</c> (or either with exclusions); null when left to AWS (mutable).</summary>
    [AbsentFromOlderInventories]
    public Fact<string?> ImageTagMutability { get; init; } = Fact.NotReported<string?>(nameof(ImageTagMutability));

    /// <summary>Whether each pushed image is scanned.</summary>
    [AbsentFromOlderInventories]
    public Fact<bool> ScanOnPush { get; init; } = Fact.NotReported<bool>(nameof(ScanOnPush));

    /// <summary>The lifecycle policy's JSON text; null when the repository has none.</summary>
    [AbsentFromOlderInventories]
    public Fact<string?> LifecyclePolicy { get; init; } = Fact.NotReported<string?>(nameof(LifecyclePolicy));

    /// <summary>The repository policy's JSON text; null when the repository has none.</summary>
    [AbsentFromOlderInventories]
    public Fact<string?> RepositoryPolicy { get; init; } = Fact.NotReported<string?>(nameof(RepositoryPolicy));
}
