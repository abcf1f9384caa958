using Kagi.Aws.Tests.Fake;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules;
using Kagi.Rules.Aws.Ebs.Volumes;
using Kagi.Rules.Aws.Efs.FileSystems;

namespace Kagi.Aws.Tests;

/// <summary>
/// EBS volumes (EC2 SDK) and EFS file systems (REST-JSON) on the fake, from the one scan of every scenario: each store's
/// verdict under both rules, tags from the listing itself, paging, throttling, a denied listing and a key KMS will not describe.
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

    public static TheoryData<string, string> KindsAndNouns()
    {
        var data = new TheoryData<string, string>();
        foreach (var (kind, _, _, noun) in Scenarios.EbsEfsKinds)
        {
            data.Add(kind, noun);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_store_of_the_verdict_region_gets_the_verdict_its_name_says(string kind, string service, string listCall, string noun)
    {
        // Given stores on a CMK, the AWS-managed key (named, or left out of the answer), none, and another account's key that may not be described
        var findings = Findings(kind, Scenarios.Verdicts, "-cmk-encryption");

        // Then each is judged by the key that really protects it
        Assert.Equal(Scenarios.All()[Scenarios.Verdicts].StoresOf(kind).Count, findings.Count);
        Assert.All(findings, finding => Assert.True(Scans.Expected(finding.Resource.Name.Value) == finding.Status, $"{finding.Resource.Name.Value}: {finding.Status} ({finding.Result.Reason}) through {service} {listCall}"));
        var denied = Assert.Single(findings, finding => finding.Status == ResultStatus.Unknown);
        Assert.Equal($"unknown_{noun}_cross_account_denied", denied.Resource.Name.Value);
        Assert.Contains("999988887777", denied.Result.Reason, StringComparison.Ordinal);
        Assert.Contains("AccessDeniedException", denied.Result.Reason, StringComparison.Ordinal);
        Assert.Equal(KeyLevel.AwsManaged, ((IEncryptedAtRest)Store(kind, $"fail_{noun}_key_unnamed")).KeyLevel.Value);
    }

    [Theory]
    [MemberData(nameof(KindsAndNouns))]
    public void An_unencrypted_store_fails_both_rules_the_key_rule_with_the_fix_that_encrypts_it(string kind, string noun)
    {
        var findings = Scans.Judge(_scan.Result.Inventory).Where(f => f.Resource.Region == Scenarios.Verdicts && f.Rule.ResourceType == kind).ToList();

        var unencrypted = findings.Where(f => f.Resource.Name.Value == $"fail_{noun}_unencrypted").ToDictionary(f => f.Rule.Id.Split('-')[^1]);
        Assert.Equal(ResultStatus.Fail, unencrypted["encrypted"].Status);
        Assert.Equal(ResultStatus.Fail, unencrypted["encryption"].Status);
        Assert.Equal(CmkEncryptionRule<EbsVolume>.UnencryptedVariant, unencrypted["encryption"].Result.RemediationVariant);

        // Every key encrypts: only the unencrypted store fails the storage rule, whatever the call that listed it
        Assert.Equal(
            [$"fail_{noun}_unencrypted"],
            findings.Where(f => f.Rule.Id.EndsWith("-storage-encrypted", StringComparison.Ordinal) && f.Status != ResultStatus.Pass).Select(f => f.Resource.Name.Value));
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

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_listing_of_more_than_one_page_is_read_to_the_end(string kind, string service, string listCall, string noun)
    {
        var findings = Findings(kind, Scenarios.Paging, "-cmk-encryption");

        Assert.Equal(Scenarios.PagingVolumesAndFileSystems, findings.Count);
        Assert.All(findings, finding => Assert.Equal(ResultStatus.Pass, finding.Status));
        Assert.Equal(Enumerable.Range(0, Scenarios.PagingVolumesAndFileSystems).Select(i => $"pass_{noun}_{i:D3}"), findings.Select(f => f.Resource.Name.Value).Order(StringComparer.Ordinal));
        Assert.Equal(2, _scan.Fake.Count(service, listCall, Scenarios.Paging));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_throttled_listing_is_retried_and_the_verdicts_are_still_right(string kind, string service, string listCall, string noun)
    {
        var findings = Findings(kind, Scenarios.Throttled, "-cmk-encryption");

        Assert.Equal(
            [($"fail_{noun}_after_throttling", ResultStatus.Fail), ($"pass_{noun}_after_throttling", ResultStatus.Pass)],
            findings.Select(f => (f.Resource.Name.Value, f.Status)).OrderBy(f => f.Value, StringComparer.Ordinal));
        Assert.Equal(3, _scan.Fake.Count(service, listCall, Scenarios.Throttled));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_denied_listing_is_an_error_naming_the_call_over_the_whole_region(string kind, string service, string listCall, string noun)
    {
        var findings = Scans.Judge(_scan.Result.Inventory).Where(f => f.Resource.Region == Scenarios.StoresDenied && f.Rule.ResourceType == kind).ToList();

        Assert.Equal(2, findings.Count);
        Assert.All(findings, finding =>
        {
            Assert.Equal(ResultStatus.Error, finding.Status);
            Assert.Matches($@"^arn:aws:{service}:{Scenarios.StoresDenied}:{Scenarios.Account}:[a-z-]+/\*$", finding.Resource.Id);
            Assert.Contains($"{service}:{listCall} in {Scenarios.Account}/{Scenarios.StoresDenied} failed: access denied", finding.Result.Reason, StringComparison.Ordinal);
        });
        Assert.DoesNotContain(_scan.Result.Inventory.Resources, resource => resource.Name.Value == $"never_seen_{noun}");

        // AccessDenied is not retried
        Assert.Equal(1, _scan.Fake.Count(service, listCall, Scenarios.StoresDenied));
    }

    private CloudResource Store(string kind, string name) => _scan.Result.Inventory.Resources.Single(r => r.Type == kind && r.Name.Value == name);

    private List<Finding> Findings(string kind, string region, string ruleSuffix) =>
        [.. Scans.Judge(_scan.Result.Inventory).Where(f => f.Resource.Region == region && f.Rule.ResourceType == kind && f.Rule.Id.EndsWith(ruleSuffix, StringComparison.Ordinal))];
}
