using Kagi.Rules.Aws.Efs.FileSystems;

namespace Kagi.Aws.Tests.Fake.Apis;

/// <summary>
/// Amazon EFS's <c>DescribeFileSystems</c> (REST-JSON, <c>GET /2015-02-01/file-systems</c>), paged by <c>Marker</c> and
/// <c>NextMarker</c>, over the region's file systems. A store's name is its file system ID; an encrypted one names its
/// key as AWS does, or none when the store has none (as an emulator answers).
/// </summary>
public sealed class EfsApi : IFakeApi
{
    private const string DescribeFileSystems = "DescribeFileSystems";

    public string SigningName => "elasticfilesystem";

    public FakeWire Wire => FakeWire.RestJson;

    public FakeListing? ListingOf(string kind) => kind == EfsFileSystem.Descriptor.Type ? new("DescribeFileSystems", FakeRegion.DefaultMaxPageSize) : null;

    public string ActionOf(FakeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request is { Method: "GET", Path: "/2015-02-01/file-systems" } ? DescribeFileSystems : $"{request.Method} {request.Path}";
    }

    public FakeReply? Answer(FakeRequest request, FakeRegion region, FakeScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(scenario);
        if (ActionOf(request) != DescribeFileSystems)
        {
            return null;
        }

        var requested = int.TryParse(request.Query["MaxItems"], System.Globalization.CultureInfo.InvariantCulture, out var size) ? size : (int?)null;
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
                    ThroughputMode = "bursting",
                    Tags = fileSystem.Tags.Select(tag => new { tag.Key, tag.Value }),
                }),
                Marker = marker,
                NextMarker = next,
            },
            "application/json");
    }
}
