using System.Globalization;
using Kagi.Rules.Aws.Efs.FileSystems;

namespace Kagi.Aws.Tests.Fake.Apis;

/// <summary>
/// Amazon EFS (REST-JSON): <c>DescribeFileSystems</c> (<c>GET /2015-02-01/file-systems</c>), paged by <c>Marker</c> and
/// <c>NextMarker</c>, over the region's file systems, and what a rebuild reads of each: a lifecycle policy, backups on,
/// no file system policy, one mount target with one security group, one access point, no replication. A store's name is
/// its file system ID; an encrypted one names its key as AWS does, or none when the store has none (as an emulator
/// answers).
/// </summary>
public sealed class EfsApi : IFakeApi
{
    private const string DescribeFileSystems = "DescribeFileSystems";
    private const string Root = "/2015-02-01/";

    public string SigningName => "elasticfilesystem";

    public FakeWire Wire => FakeWire.RestJson;

    public FakeListing? ListingOf(string kind) => kind == EfsFileSystem.Descriptor.Type ? new("DescribeFileSystems", FakeRegion.DefaultMaxPageSize) : null;

    public string ActionOf(FakeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.Method == "GET" && request.Path.StartsWith(Root, StringComparison.Ordinal) ? request.Path[Root.Length..].Split('/') : [];
        return path switch
        {
            ["file-systems"] => DescribeFileSystems,
            ["file-systems", "replication-configurations"] => "DescribeReplicationConfigurations",
            ["file-systems", _, "lifecycle-configuration"] => "DescribeLifecycleConfiguration",
            ["file-systems", _, "backup-policy"] => "DescribeBackupPolicy",
            ["file-systems", _, "policy"] => "DescribeFileSystemPolicy",
            ["mount-targets"] => "DescribeMountTargets",
            ["mount-targets", _, "security-groups"] => "DescribeMountTargetSecurityGroups",
            ["access-points"] => "DescribeAccessPoints",
            _ => $"{request.Method} {request.Path}",
        };
    }

    public FakeReply? Answer(FakeRequest request, FakeRegion region, FakeScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(scenario);
        var fileSystem = request.Query["FileSystemId"].FirstOrDefault() ?? request.Path.Split('/').ElementAtOrDefault(3);
        return ActionOf(request) switch
        {
            DescribeFileSystems => FileSystems(request, region, scenario),
            "DescribeLifecycleConfiguration" => FakeReply.Json(new { LifecyclePolicies = new[] { new { TransitionToIA = "AFTER_30_DAYS" } } }, "application/json"),
            "DescribeBackupPolicy" => FakeReply.Json(new { BackupPolicy = new { Status = "ENABLED" } }, "application/json"),
            "DescribeFileSystemPolicy" => FakeReply.Error(Wire, "PolicyNotFound", "No policy found", 404),
            "DescribeMountTargets" => FakeReply.Json(new { MountTargets = new[] { new { MountTargetId = $"fsmt-{fileSystem}", FileSystemId = fileSystem, SubnetId = "subnet-0efs1", IpAddress = "10.0.1.25", LifeCycleState = "available" } } }, "application/json"),
            "DescribeMountTargetSecurityGroups" => FakeReply.Json(new { SecurityGroups = new[] { "sg-0efs1" } }, "application/json"),
            "DescribeAccessPoints" => FakeReply.Json(
                new
                {
                    AccessPoints = new[]
                    {
                        new
                        {
                            AccessPointId = $"fsap-{fileSystem}",
                            FileSystemId = fileSystem,
                            PosixUser = new { Uid = 1000, Gid = 1000, SecondaryGids = new[] { 2000 } },
                            RootDirectory = new { Path = "/data", CreationInfo = new { OwnerUid = 1000, OwnerGid = 1000, Permissions = "750" } },
                            Tags = new[] { new { Key = "Name", Value = "data" } },
                            LifeCycleState = "available",
                        },
                    },
                },
                "application/json"),
            "DescribeReplicationConfigurations" => FakeReply.Error(Wire, "ReplicationNotFound", string.Create(CultureInfo.InvariantCulture, $"{fileSystem} is part of no replication"), 404),
            _ => null,
        };
    }

    private static FakeReply FileSystems(FakeRequest request, FakeRegion region, FakeScenario scenario)
    {
        var requested = int.TryParse(request.Query["MaxItems"], CultureInfo.InvariantCulture, out var size) ? size : (int?)null;
        var marker = request.Query["Marker"].FirstOrDefault();
        var (fileSystems, next) = FakePaging.Page(region.StoresOf(EfsFileSystem.Descriptor.Type), marker, requested, region.MaxPageSize);
        return FakeReply.Json(
            new
            {
                FileSystems = fileSystems.Select(fileSystem => new
                {
                    OwnerId = scenario.Account,
                    CreationToken = fileSystem.Name,
                    FileSystemId = fileSystem.Name,
                    FileSystemArn = $"arn:aws:elasticfilesystem:{request.Region}:{scenario.Account}:file-system/{fileSystem.Name}",
                    CreationTime = 1.7e9,
                    LifeCycleState = "available",
                    NumberOfMountTargets = 1,
                    SizeInBytes = new { Value = 6144 },
                    PerformanceMode = "generalPurpose",
                    fileSystem.Encrypted,
                    KmsKeyId = fileSystem.Encrypted ? fileSystem.KmsKeyId : null,
                    ThroughputMode = "provisioned",
                    ProvisionedThroughputInMibps = 128.0,
                    FileSystemProtection = new { ReplicationOverwriteProtection = "ENABLED" },
                    Tags = fileSystem.Tags.Select(tag => new { tag.Key, tag.Value }),
                }),
                Marker = marker,
                NextMarker = next,
            },
            "application/json");
    }
}
