using Kagi.Aws.Tests.Fake;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules;

namespace Kagi.Aws.Tests;

/// <summary>
/// The live half of the Neptune and KMS rule pack: each rule judges the fake account's clusters, snapshots and keys,
/// and each verdict is asserted per resource (the Terraform half is the fixtures of Kagi.Rules.Tests).
/// </summary>
public sealed class FakeRulePackVerdictTests : IClassFixture<FakeAccountScan>
{
    private static readonly string CmkKeyId = KeyId(1);
    private static readonly string HsmKeyId = KeyId(2);
    private static readonly string PublicKeyId = KeyId(9);
    private static readonly string CrossAccountKeyId = KeyId(8);

    private readonly FakeAccountScan _scan;

    public FakeRulePackVerdictTests(FakeAccountScan scan) => _scan = scan;

    [Theory]
    [InlineData("neptune-cluster-deletion-protection", "pass_cmk", "pass_cmk_shared")]
    [InlineData("neptune-cluster-audit-logs", "pass_cmk", "pass_cmk_shared")]
    [InlineData("neptune-cluster-backup-retention", "pass_cmk", "pass_cloudhsm")]
    [InlineData("neptune-cluster-multi-az", "pass_cloudhsm", "pass_cmk")]
    [InlineData("neptune-cluster-iam-auth", "pass_cmk", "pass_external_key_store")]
    [InlineData("neptune-cluster-copy-tags-to-snapshot", "pass_cmk", "pass_external_key_store")]
    [InlineData("neptune-snapshot-encrypted", "public-cmk", "private-unencrypted")]
    [InlineData("neptune-snapshot-not-public", "private-unencrypted", "public-cmk")]
    public void A_live_setting_rule_passes_one_resource_and_fails_another(string ruleId, string passing, string failing)
    {
        var verdicts = Verdicts(ruleId);

        Assert.Equal(ResultStatus.Pass, verdicts[passing]);
        Assert.Equal(ResultStatus.Fail, verdicts[failing]);
    }

    [Fact]
    public void Every_rule_of_the_catalogue_passes_one_live_resource_and_fails_another()
    {
        // Given the fake account's live clusters, snapshots and keys, judged by every rule
        var findings = Scans.Judge(_scan.Result.Inventory);

        // Then no rule is proven on Terraform alone: each gives PASS to some live resource and FAIL to another
        Assert.All(RuleCatalog.All, entry =>
        {
            var statuses = findings.Where(finding => finding.Rule.Id == entry.Metadata.Id).Select(finding => finding.Status).ToHashSet();
            Assert.True(
                statuses.Contains(ResultStatus.Pass) && statuses.Contains(ResultStatus.Fail),
                $"{entry.Metadata.Id} gives live resources only [{string.Join(", ", statuses)}]");
        });
    }

    [Fact]
    public void The_key_of_a_cluster_must_be_enabled_and_another_accounts_key_that_kms_will_not_describe_is_unknown()
    {
        var verdicts = Verdicts("neptune-cluster-key-usable");

        Assert.Equal(ResultStatus.Pass, verdicts["pass_cmk"]);
        Assert.Equal(ResultStatus.Pass, verdicts["fail_aws_managed"]);
        Assert.Equal(ResultStatus.Pass, verdicts["pass_cross_account_shared"]);
        Assert.Equal(ResultStatus.Fail, verdicts["pass_disabled_cmk"]);
        Assert.Equal(ResultStatus.Fail, verdicts["pass_pending_deletion_cmk"]);
        Assert.Equal(ResultStatus.Unknown, verdicts["unknown_cross_account_denied"]);

        // An unencrypted cluster has no key: no finding
        Assert.DoesNotContain("fail_unencrypted", verdicts.Keys);
    }

    [Fact]
    public void A_key_pending_deletion_gets_the_fix_that_cancels_the_deletion()
    {
        var finding = Scans.Judge(_scan.Result.Inventory)
            .Single(f => f.Rule.Id == "neptune-cluster-key-usable" && f.Resource.Name is { IsKnown: true, Value: "pass_pending_deletion_cmk" });

        var cli = Core.Findings.FindingText.Render(finding, Language.En).FixIn(RemediationMedium.AwsCli);

        Assert.Contains($"aws kms cancel-key-deletion --region {Scenarios.Verdicts} --key-id {Scenarios.KeyArn(Scenarios.Verdicts, 5)}", cli, StringComparison.Ordinal);
    }

    [Fact]
    public void Rotation_is_judged_for_customer_keys_kms_can_rotate_and_no_others()
    {
        var verdicts = Verdicts("kms-key-rotation-enabled");

        Assert.Equal(ResultStatus.Pass, verdicts[CmkKeyId]);
        Assert.Equal(ResultStatus.Fail, verdicts[PublicKeyId]);
        Assert.DoesNotContain(HsmKeyId, verdicts.Keys);
        Assert.DoesNotContain("alias/aws/rds", verdicts.Keys);
    }

    [Fact]
    public void A_key_policy_that_allows_everyone_fails_and_another_accounts_policy_is_unknown()
    {
        var verdicts = Verdicts("kms-key-policy-not-public");

        Assert.Equal(ResultStatus.Pass, verdicts[CmkKeyId]);
        Assert.Equal(ResultStatus.Fail, verdicts[PublicKeyId]);
        Assert.Equal(ResultStatus.Unknown, verdicts[CrossAccountKeyId]);
    }

    private static string KeyId(int number) => Scenarios.KeyArn(Scenarios.Verdicts, number).Split('/')[1];

    private Dictionary<string, ResultStatus> Verdicts(string ruleId) =>
        Scans.Judge(_scan.Result.Inventory)
            .Where(f => f.Rule.Id == ruleId && f.Resource.Region == Scenarios.Verdicts && f.Resource is not UnscannedResource)
            .ToDictionary(f => f.Resource.Name.Value, f => f.Status);
}
