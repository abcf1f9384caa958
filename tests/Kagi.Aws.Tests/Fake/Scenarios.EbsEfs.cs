using Kagi.Rules.Aws.Ebs.Volumes;
using Kagi.Rules.Aws.Efs.FileSystems;

namespace Kagi.Aws.Tests.Fake;

/// <summary>
/// EBS volumes (EC2) and EFS file systems: verdicts and paging in the shared regions, and a denied listing in the region
/// where the other data stores' listings are denied (for the boto3 tests of the fake). They use only keys the regions already hold, so the key
/// lookups the other tests count stay as they are.
/// </summary>
internal static partial class Scenarios
{
    /// <summary>Volumes and file systems in the paging region: two of the fake's pages of 100.</summary>
    public const int PagingVolumesAndFileSystems = 120;

    /// <summary>The kinds, by CloudFormation type, with the service, the listing call and the noun of their store names.</summary>
    public static IReadOnlyList<(string Kind, string Service, string ListCall, string Noun)> EbsEfsKinds { get; } =
    [
        (EbsVolume.Descriptor.Type, "ec2", "DescribeVolumes", "volume"),
        (EfsFileSystem.Descriptor.Type, "elasticfilesystem", "DescribeFileSystems", "file_system"),
    ];

    private static void AddEbsAndEfs(FakeScenario scenario)
    {
        foreach (var (kind, service, listCall, noun) in EbsEfsKinds)
        {
            scenario[Verdicts].Stores.AddRange(
            [
                new(kind, $"pass_{noun}_cmk", KmsKeyId: KeyArn(Verdicts, 1)) { Tags = new Dictionary<string, string> { ["owner"] = "storage", ["env"] = "prod" } },
                new(kind, $"fail_{noun}_aws_managed", KmsKeyId: KeyArn(Verdicts, 6)),

                // Encrypted, the answer naming no key (an emulator's): the service's AWS-managed key.
                new(kind, $"fail_{noun}_key_unnamed"),
                new(kind, $"fail_{noun}_unencrypted", Encrypted: false),
                new(kind, $"unknown_{noun}_cross_account_denied", KmsKeyId: KeyArn(Verdicts, 7, "999988887777")),
            ]);
            scenario[Paging].Stores.AddRange(Enumerable.Range(0, PagingVolumesAndFileSystems).Select(i => new FakeStore(kind, $"pass_{noun}_{i:D3}", KmsKeyId: KeyArn(Paging, (i % PagingKeys) + 1))));
            scenario.Regions.TryAdd(StoresDenied, new FakeRegion());
            scenario[StoresDenied].Stores.Add(new(kind, $"never_seen_{noun}"));
            scenario[StoresDenied].Faults.Add(new(service, FaultKind.AccessDenied, Action: listCall));
        }
    }
}
