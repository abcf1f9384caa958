using Kagi.Aws.Tests.Fake;
using Kagi.Core.Model;
using Kagi.Rules.Aws.Ebs.Volumes;

namespace Kagi.Aws.Tests;

/// <summary>
/// What is particular to EBS volumes (EC2 SDK) and EFS file systems (REST-JSON) on the fake, from the one scan of every
/// scenario: an answer naming no key means the AWS-managed one, tags come from the listing itself, and the ID is the ARN.
/// Their verdicts, paging and listing faults are proven with every other kind's (<see cref="StoreKindScanTests"/>,
/// <see cref="ListingFaultTests"/>).
/// </summary>
public sealed class EbsEfsFakeScanTests : IClassFixture<FakeAccountScan>
{
    private readonly FakeAccountScan _scan;

    public EbsEfsFakeScanTests(FakeAccountScan scan) => _scan = scan;

    public static TheoryData<string, string, string, string> Kinds()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var (kind, service, listCall, noun) in Scenarios.EbsEfsKinds)
        {
            data.Add(kind, service, listCall, noun);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void An_encrypted_store_whose_answer_names_no_key_is_on_the_aws_managed_key(string kind, string service, string listCall, string noun)
    {
        var store = (IEncryptedAtRest)Store(kind, $"fail_{noun}_key_unnamed");

        Assert.True(KeyLevel.AwsManaged == store.KeyLevel.Value, $"{kind} through {service} {listCall}: {store.KeyLevel.Value}");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_tags_come_from_the_listing_and_the_id_is_the_arn(string kind, string service, string listCall, string noun)
    {
        var store = Store(kind, $"pass_{noun}_cmk");

        Assert.Equal(new Dictionary<string, string> { ["owner"] = "storage", ["env"] = "prod" }, store.Tags.Value);
        Assert.Empty(Store(kind, $"fail_{noun}_aws_managed").Tags.Value);
        var arnType = kind == EbsVolume.Descriptor.Type ? "ec2:eu-west-1:111122223333:volume" : "elasticfilesystem:eu-west-1:111122223333:file-system";
        Assert.Equal($"arn:aws:{arnType}/pass_{noun}_cmk", store.Id);
        Assert.Equal(1, _scan.Fake.Count(service, listCall, Scenarios.Verdicts));
    }

    private CloudResource Store(string kind, string name) => _scan.Result.Inventory.Resources.Single(r => r.Type == kind && r.Name.Value == name);
}
