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
    public void A_key_that_protects_clusters_must_be_enabled_and_the_finding_counts_what_it_protects()
    {
        var findings = Scans.Judge(_scan.Result.Inventory)
            .Where(f => f.Rule.Id == "kms-key-in-use-usable" && f.Resource.Region == Scenarios.Verdicts)
            .ToDictionary(f => f.Resource.Name.Value);

        // The CMK shared by three clusters (two Neptune, one Aurora that no kind judges yet is not counted) passes
        Assert.Equal(ResultStatus.Pass, findings[CmkKeyId].Status);
        Assert.Equal(ResultStatus.Fail, findings[KeyId(4)].Status);
        Assert.Equal(ResultStatus.Fail, findings[KeyId(5)].Status);
        Assert.Equal("pendingImport", findings[KeyId(12)].Result.RemediationVariant);
        Assert.Equal("1", findings[KeyId(4)].Result.Evidence["dependentCount"]);
        Assert.Equal("1 AWS::Neptune::DBCluster", findings[KeyId(4)].Result.Evidence["dependentKinds"]);

        // AWS-managed keys cannot be disabled; a key nothing scanned uses is kms-key-unused's
        Assert.DoesNotContain("alias/aws/rds", findings.Keys);
        Assert.DoesNotContain(KeyId(10), findings.Keys);
    }

    [Fact]
    public void A_key_pending_deletion_names_the_date_and_gets_the_fix_that_cancels_the_deletion()
    {
        var finding = Scans.Judge(_scan.Result.Inventory)
            .Single(f => f.Rule.Id == "kms-key-in-use-usable" && f.Resource.Region == Scenarios.Verdicts && f.Resource.Name is { IsKnown: true } name && name.Value == KeyId(5));

        var text = Core.Findings.FindingText.Render(finding, Language.En);

        Assert.Contains($"scheduled for deletion on {Scenarios.DeletionDate}", text.Message, StringComparison.Ordinal);
        Assert.Contains($"aws kms cancel-key-deletion --region {Scenarios.Verdicts} --key-id {Scenarios.KeyArn(Scenarios.Verdicts, 5)}", text.FixIn(RemediationMedium.AwsCli), StringComparison.Ordinal);
    }

    [Fact]
    public void A_customer_key_that_protects_nothing_scanned_is_unused_and_one_that_protects_a_snapshot_is_not()
    {
        var verdicts = Verdicts("kms-key-unused");

        Assert.Equal(ResultStatus.Fail, verdicts[KeyId(10)]);
        Assert.Equal(ResultStatus.Pass, verdicts[CmkKeyId]);
        Assert.Equal(ResultStatus.Unknown, verdicts[KeyId(11)]);
        Assert.DoesNotContain("alias/aws/rds", verdicts.Keys);
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
