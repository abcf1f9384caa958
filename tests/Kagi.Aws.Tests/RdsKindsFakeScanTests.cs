using Kagi.Aws.Tests.Fake;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules;
using Kagi.Rules.Aws.DocDb.Clusters;
using Kagi.Rules.Aws.Rds.Clusters;
using Kagi.Rules.Aws.Rds.Instances;

namespace Kagi.Aws.Tests;

/// <summary>RDS instances, RDS clusters and DocumentDB clusters read live from the fake: verdicts, paging, throttling and denial.</summary>
public sealed class RdsKindsFakeScanTests : IClassFixture<FakeAccountScan>
{
    private readonly FakeAccountScan _scan;

    public RdsKindsFakeScanTests(FakeAccountScan scan) => _scan = scan;

    private Inventory Inventory => _scan.Result.Inventory;

    [Theory]
    [InlineData("rds-instance-cmk-encryption", "_db_")]
    [InlineData("rds-cluster-cmk-encryption", "_aurora_")]
    [InlineData("rds-cluster-cmk-encryption", "_multi_az_")]
    [InlineData("docdb-cluster-cmk-encryption", "_docdb_")]
    public void Each_store_gets_the_verdict_its_name_says_by_what_kms_says_of_its_key(string ruleId, string infix)
    {
        // Given the verdict region's stores of one kind, named after their expected verdict
        var verdicts = Verdicts(ruleId).Where(verdict => verdict.Key.Contains(infix, StringComparison.Ordinal)).ToList();

        // Then each gets it: a CMK (or one in an external or CloudHSM key store) passes, aws/rds and no encryption fail,
        // and another account's key that KMS will not describe is unknown
        Assert.True(verdicts.Count >= 2, $"{ruleId}: too few {infix} stores judged");
        Assert.All(verdicts, verdict => Assert.Equal(Scans.Expected(verdict.Key), verdict.Value));
    }

    [Theory]
    [InlineData("rds-instance-cmk-encryption", "fail_db_unencrypted")]
    [InlineData("rds-cluster-cmk-encryption", "fail_multi_az_unencrypted")]
    [InlineData("docdb-cluster-cmk-encryption", "fail_docdb_unencrypted")]
    public void An_unencrypted_store_fails_with_the_fix_that_encrypts_it_first(string ruleId, string name)
    {
        var finding = Finding(ruleId, name);

        Assert.Equal(ResultStatus.Fail, finding.Status);
        Assert.Equal(CmkEncryptionRule<RdsInstance>.UnencryptedVariant, finding.Result.RemediationVariant);
        Assert.Contains($"{name}-pre-cmk", FindingText.Render(finding, Language.En).FixIn(RemediationMedium.AwsCli), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rds-instance-cmk-encryption", "unknown_db_cross_account_denied")]
    [InlineData("rds-cluster-cmk-encryption", "unknown_aurora_cross_account_denied")]
    [InlineData("docdb-cluster-cmk-encryption", "unknown_docdb_cross_account_denied")]
    public void A_key_kms_will_not_describe_is_unknown_with_the_reason(string ruleId, string name)
    {
        var finding = Finding(ruleId, name);

        Assert.Equal(ResultStatus.Unknown, finding.Status);
        Assert.Contains("999988887777", finding.Result.Reason, StringComparison.Ordinal);
        Assert.Contains("AccessDeniedException", finding.Result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rds-instance-storage-encrypted", "pass_db_cmk", "fail_db_unencrypted")]
    [InlineData("rds-cluster-storage-encrypted", "fail_aurora_aws_managed", "fail_multi_az_unencrypted")]
    [InlineData("docdb-cluster-storage-encrypted", "fail_docdb_aws_managed", "fail_docdb_unencrypted")]
    public void The_storage_encrypted_rule_fails_only_unencrypted_storage(string ruleId, string encrypted, string unencrypted)
    {
        var verdicts = Verdicts(ruleId);
        var region = Scenarios.All()[Scenarios.Verdicts];
        var unencryptedInScenario = region.Clusters.Where(cluster => !cluster.Encrypted).Select(cluster => cluster.Identifier)
            .Concat(region.Stores.Where(store => !store.Encrypted).Select(store => store.Name))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(ResultStatus.Pass, verdicts[encrypted]);
        Assert.Equal(ResultStatus.Fail, verdicts[unencrypted]);
        Assert.All(verdicts, verdict => Assert.Equal(unencryptedInScenario.Contains(verdict.Key) ? ResultStatus.Fail : ResultStatus.Pass, verdict.Value));
    }

    [Fact]
    public void Cluster_members_are_judged_through_their_cluster_and_each_engine_is_judged_as_its_own_kind()
    {
        var instances = Names<RdsInstance>(Scenarios.Verdicts);
        var clusters = Names<RdsCluster>(Scenarios.Verdicts);
        var documentDb = Names<DocDbCluster>(Scenarios.Verdicts);

        // Aurora, Multi-AZ DB cluster, Neptune and DocumentDB instances are listed but not judged as instances
        Assert.Empty(instances.Intersect(Scenarios.ClusterMembers));
        Assert.Equal(["fail_db_aws_managed", "fail_db_unencrypted", "pass_db_cmk", "pass_db_external_key_store", "unknown_db_cross_account_denied"], instances);

        // The listing asks for each kind's engines: Aurora and Multi-AZ clusters are RDS clusters; DocumentDB and Neptune are not
        Assert.Contains("aurora", clusters);
        Assert.Contains("pass_multi_az_hsm", clusters);
        Assert.DoesNotContain(clusters, name => name.Contains("docdb", StringComparison.Ordinal) || name is "pass_cmk" or "fail_unencrypted");
        Assert.Contains("docdb", documentDb);
        Assert.All(documentDb, name => Assert.Contains("docdb", name, StringComparison.Ordinal));
        var asked = _scan.Fake.Calls.Where(call => call is { Action: "DescribeDBClusters", Region: Scenarios.Verdicts }).Select(call => call.Engines).Order(StringComparer.Ordinal);
        Assert.Equal(["aurora-mysql,aurora-postgresql,mysql,postgres", "docdb", "neptune"], asked);
    }

    [Theory]
    [InlineData(typeof(RdsInstance), "DescribeDBInstances", null, Scenarios.PagingInstances)]
    [InlineData(typeof(RdsCluster), "DescribeDBClusters", "aurora-mysql,aurora-postgresql,mysql,postgres", Scenarios.PagingAuroraClusters + 30)]
    [InlineData(typeof(DocDbCluster), "DescribeDBClusters", "docdb", Scenarios.PagingDocDbClusters)]
    public void More_stores_than_one_page_are_read_in_exactly_the_pages_needed(Type kind, string call, string? engines, int stores)
    {
        var pages = _scan.Fake.Calls.Where(c => c.Service == "rds" && c.Action == call && c.Region == Scenarios.Paging && c.Engines == engines).ToList();

        Assert.Equal([null, "100"], pages.Select(page => page.Subject));
        Assert.Equal(stores, Inventory.Resources.Count(resource => resource.GetType() == kind && resource.Region == Scenarios.Paging));
        Assert.All(
            Inventory.Resources.Where(resource => resource.GetType() == kind && resource.Region == Scenarios.Paging),
            resource => Assert.Equal(KeyLevel.Customer, ((IEncryptedAtRest)resource).KeyLevel.Value));
    }

    [Fact]
    public void Throttled_listings_are_retried_and_every_kind_still_passes()
    {
        Assert.Equal(ResultStatus.Pass, Verdicts("rds-instance-cmk-encryption", Scenarios.Throttled)["pass_db_after_throttling"]);
        Assert.Equal(ResultStatus.Pass, Verdicts("rds-cluster-cmk-encryption", Scenarios.Throttled)["pass_aurora_after_throttling"]);
        Assert.Equal(ResultStatus.Pass, Verdicts("docdb-cluster-cmk-encryption", Scenarios.Throttled)["pass_docdb_after_throttling"]);
        // Two throttled answers, whichever reader got them, then one answer for the RDS instances, and one each for the
        // Neptune, Aurora and DocumentDB clusters' instances
        Assert.Equal(6, _scan.Fake.Count("rds", "DescribeDBInstances", Scenarios.Throttled));
    }

    [Theory]
    [InlineData("rds-instance-cmk-encryption", "db", "DescribeDBInstances")]
    [InlineData("rds-cluster-storage-encrypted", "cluster", "DescribeDBClusters")]
    [InlineData("docdb-cluster-cmk-encryption", "cluster", "DescribeDBClusters")]
    public void A_denied_listing_is_an_error_naming_the_call_over_the_whole_region(string ruleId, string arnType, string call)
    {
        var error = Assert.Single(Scans.Judge(Inventory), f => f.Rule.Id == ruleId && f.Resource.Region == Scenarios.Denied);

        Assert.Equal(ResultStatus.Error, error.Status);
        Assert.Equal($"arn:aws:rds:{Scenarios.Denied}:{Scenarios.Account}:{arnType}:*", error.Resource.Id);
        Assert.Contains($"rds:{call} in {Scenarios.Account}/{Scenarios.Denied} failed: access denied (AccessDenied)", error.Result.Reason, StringComparison.Ordinal);
        Assert.Equal(1, InstanceListings(Scenarios.Denied));
    }

    // The RDS instances' listing asks for every engine; the clusters' reads of their instances ask for their own engines only.
    private int InstanceListings(string region) =>
        _scan.Fake.Calls.Count(call => call is { Service: "rds", Action: "DescribeDBInstances", Engines: null } && call.Region == region);


    private Finding Finding(string ruleId, string name) =>
        Scans.Judge(Inventory).Single(f => f.Rule.Id == ruleId && f.Resource.Region == Scenarios.Verdicts && f.Resource.Name is { IsKnown: true } known && known.Value == name);

    private Dictionary<string, ResultStatus> Verdicts(string ruleId, string region = Scenarios.Verdicts) =>
        Scans.Judge(Inventory).Where(f => f.Rule.Id == ruleId && f.Resource.Region == region && f.Resource is not UnscannedResource)
            .ToDictionary(f => f.Resource.Name.Value, f => f.Status);

    private string[] Names<T>(string region)
        where T : CloudResource =>
        [.. Inventory.Resources.OfType<T>().Where(resource => resource.Region == region).Select(resource => resource.Name.Value).Order(StringComparer.Ordinal)];
}
