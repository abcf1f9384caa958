using System.Text.Json;
using System.Text.Json.Serialization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Efs.FileSystems;

/// <summary>An Amazon EFS file system: encrypted at rest only when created so, under <c>aws/elasticfilesystem</c> unless it names another key.</summary>
public sealed record EfsFileSystem : CloudResource, IEncryptedAtRest
{
    // ASFF has a type for EFS access points but none for file systems.
    public static ResourceKind Descriptor { get; } = new("AWS::EFS::FileSystem", AsffType: ResourceKind.OtherAsffType, OcsfType: "AWS::EFS::FileSystem", Service: "efs", ServiceKeyAlias: "alias/aws/elasticfilesystem");

    public required Fact<bool> StorageEncrypted { get; init; }

    /// <summary>The key as written or returned (ID, ARN, alias); null when none was given.</summary>
    public required Fact<string?> KmsKeyId { get; init; }

    /// <summary>The key, resolved as far as the source allows.</summary>
    public required KeyReference Key { get; init; }

    // What a rebuild under another key carries across (EfsFileSystemRebuild); null: left to AWS.

    /// <summary><c>generalPurpose</c> or <c>maxIO</c>.</summary>
    [AbsentFromOlderInventories]
    public Fact<string?> PerformanceMode { get; init; } = Fact.NotReported<string?>(nameof(PerformanceMode));

    /// <summary><c>bursting</c>, <c>provisioned</c> or <c>elastic</c>.</summary>
    [AbsentFromOlderInventories]
    public Fact<string?> ThroughputMode { get; init; } = Fact.NotReported<string?>(nameof(ThroughputMode));

    /// <summary>MiB/s of a provisioned file system; 0 when not provisioned.</summary>
    [AbsentFromOlderInventories]
    public Fact<int> ProvisionedThroughput { get; init; } = Fact.NotReported<int>(nameof(ProvisionedThroughput));

    /// <summary>The zone of a One Zone file system; null for a Regional one.</summary>
    [AbsentFromOlderInventories]
    public Fact<string?> AvailabilityZoneName { get; init; } = Fact.NotReported<string?>(nameof(AvailabilityZoneName));

    /// <summary>Each lifecycle policy as <c>Transition=When</c> (<c>TransitionToIA=AFTER_30_DAYS</c>).</summary>
    [AbsentFromOlderInventories]
    public Fact<IReadOnlyList<string>> LifecyclePolicies { get; init; } = Fact.NotReported<IReadOnlyList<string>>(nameof(LifecyclePolicies));

    /// <summary>Whether automatic backups (the file system's backup policy) are on.</summary>
    [AbsentFromOlderInventories]
    public Fact<bool> AutomaticBackups { get; init; } = Fact.NotReported<bool>(nameof(AutomaticBackups));

    /// <summary>The file system policy's JSON; null when the file system has none.</summary>
    [AbsentFromOlderInventories]
    public Fact<string?> Policy { get; init; } = Fact.NotReported<string?>(nameof(Policy));

    /// <summary>The replication overwrite protection: <c>ENABLED</c> (AWS's default), <c>DISABLED</c> or <c>REPLICATING</c>.</summary>
    [AbsentFromOlderInventories]
    public Fact<string?> ReplicationOverwriteProtection { get; init; } = Fact.NotReported<string?>(nameof(ReplicationOverwriteProtection));

    [AbsentFromOlderInventories]
    public Fact<IReadOnlyList<EfsMountTarget>> MountTargets { get; init; } = Fact.NotReported<IReadOnlyList<EfsMountTarget>>(nameof(MountTargets));

    [AbsentFromOlderInventories]
    public Fact<IReadOnlyList<EfsAccessPoint>> AccessPoints { get; init; } = Fact.NotReported<IReadOnlyList<EfsAccessPoint>>(nameof(AccessPoints));

    /// <summary>Where the file system replicates to, as a replication's source.</summary>
    [AbsentFromOlderInventories]
    public Fact<IReadOnlyList<EfsReplicationDestination>> ReplicationDestinations { get; init; } = Fact.NotReported<IReadOnlyList<EfsReplicationDestination>>(nameof(ReplicationDestinations));
}

/// <summary>A mount target: its subnet, its IP address there and its security groups.</summary>
[SavedAsJson(typeof(EfsJson))]
public sealed record EfsMountTarget(string SubnetId, string? IpAddress, IReadOnlyList<string> SecurityGroups);

/// <summary>An access point: its POSIX user, its root directory with what creates it, and its tags (the name among them).</summary>
[SavedAsJson(typeof(EfsJson))]
public sealed record EfsAccessPoint(EfsPosixUser? PosixUser, string? RootPath, EfsCreationInfo? CreationInfo, IReadOnlyDictionary<string, string> Tags);

/// <summary>The user and groups every request through an access point is made as.</summary>
[SavedAsJson(typeof(EfsJson))]
public sealed record EfsPosixUser(long Uid, long Gid, IReadOnlyList<long> SecondaryGids);

/// <summary>The owner and permissions an access point's root directory is created with when it is missing.</summary>
[SavedAsJson(typeof(EfsJson))]
public sealed record EfsCreationInfo(long OwnerUid, long OwnerGid, string Permissions);

/// <summary>A replication's destination: its Region and the file system there.</summary>
[SavedAsJson(typeof(EfsJson))]
public sealed record EfsReplicationDestination(string Region, string FileSystemId);

/// <summary>The mount targets, access points and replication destinations a saved inventory and a finding's evidence hold as JSON, serialized by generated code.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(IReadOnlyList<EfsMountTarget>))]
[JsonSerializable(typeof(IReadOnlyList<EfsAccessPoint>))]
[JsonSerializable(typeof(IReadOnlyList<EfsReplicationDestination>))]
[JsonSerializable(typeof(EfsPosixUser))]
[JsonSerializable(typeof(EfsCreationInfo))]
public sealed partial class EfsJson : JsonSerializerContext;
