using Kagi.Aws.Tests.Fake;
using Kagi.Aws.Tests.Fake.Apis;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules.Aws.ElastiCache.ReplicationGroups;
using Kagi.Rules.Aws.Redshift.Clusters;

namespace Kagi.Aws.Tests;

/// <summary>
/// The kinds read through the Query-protocol client besides RDS (Redshift clusters, ElastiCache replication groups) on the
/// fake: each judged by its real key, every page read, throttling retried, a refused listing an ERROR, a key KMS will not
/// describe UNKNOWN, and the storage rule failing only what is unencrypted.
/// </summary>
public sealed class QueryApiKindTests(FakeAccountScan scan) : IClassFixture<FakeAccountScan>
{
    /// <summary>One kind: its rules, CloudFormation type, service and listing call, and how its paging region pages.</summary>
    public sealed record Kind(string Prefix, string Type, string Service, string Call, int PagingCount, int PageSize)
    {
        public string CmkRule => $"{Prefix}-cmk-encryption";

        public string StorageRule => $"{Prefix}-storage-encrypted";

        public override string ToString() => Prefix;
    }

    private static readonly Dictionary<string, Kind> Kinds = new Kind[]
    {
        new("redshift-cluster", Scenarios.RedshiftCluster, "redshift", "DescribeClusters", Scenarios.PagingRedshiftClusters, RedshiftApi.MaxPageSize),
        new("elasticache-replication-group", Scenarios.ReplicationGroup, "elasticache", "DescribeReplicationGroups", Scenarios.PagingReplicationGroups, ElastiCacheApi.MaxPageSize),
    }.ToDictionary(kind => kind.Prefix);

    public static TheoryData<string> Prefixes => [.. Kinds.Keys];

    [Theory]
    [MemberData(nameof(Prefixes))]
    public void Every_resource_of_the_verdict_region_gets_the_cmk_verdict_its_name_says(string prefix)
    {
        var kind = Kinds[prefix];
        var verdicts = Scans.Verdicts(scan.Result.Inventory, kind.CmkRule, Scenarios.Verdicts);

        var names = Scenarios.All()[Scenarios.Verdicts].StoresOf(kind.Type).Select(store => store.Name).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), verdicts.Keys.Order(StringComparer.Ordinal));
        Assert.All(names, name => Assert.Equal(Scans.Expected(name), verdicts[name]));
    }

    [Theory]
    [MemberData(nameof(Prefixes))]
    public void The_storage_rule_fails_only_the_unencrypted_resource_and_the_cmk_rule_shows_it_the_unencrypted_fix(string prefix)
    {
        var kind = Kinds[prefix];
        var verdicts = Scans.Verdicts(scan.Result.Inventory, kind.StorageRule, Scenarios.Verdicts);

        var unencrypted = Assert.Single(verdicts, verdict => verdict.Value == ResultStatus.Fail).Key;
        Assert.EndsWith("_unencrypted", unencrypted, StringComparison.Ordinal);
        Assert.All(verdicts.Where(verdict => verdict.Key != unencrypted), verdict => Assert.Equal(ResultStatus.Pass, verdict.Value));
        var cmk = Scans.Judge(scan.Result.Inventory).Single(f => f.Rule.Id == kind.CmkRule && f.Resource.Name is { IsKnown: true } name && name.Value == unencrypted);
        Assert.Equal("unencrypted", cmk.Result.RemediationVariant);
    }

    [Fact]
    public void An_encrypted_resource_naming_no_key_is_on_its_service_default_aws_managed_for_redshift_aws_owned_for_elasticache()
    {
        var inventory = scan.Result.Inventory;

        Assert.IsType<KeyReference.ServiceDefault>(Named<RedshiftCluster>(inventory, "fail_warehouse_default_key").Key);
        Assert.Equal(KeyLevel.AwsManaged, Named<RedshiftCluster>(inventory, "fail_warehouse_default_key").KeyLevel.Value);
        Assert.IsType<KeyReference.AwsOwned>(Named<ElastiCacheReplicationGroup>(inventory, "fail_cache_service_owned_key").Key);
        Assert.Equal(KeyLevel.AwsOwned, Named<ElastiCacheReplicationGroup>(inventory, "fail_cache_service_owned_key").KeyLevel.Value);
    }

    [Theory]
    [MemberData(nameof(Prefixes))]
    public void A_key_kms_will_not_describe_is_unknown_with_the_refusal_as_reason(string prefix)
    {
        var finding = Assert.Single(
            Scans.Judge(scan.Result.Inventory),
            f => f.Rule.Id == Kinds[prefix].CmkRule && f.Resource.Region == Scenarios.Verdicts && f.Resource.Name.Value.Contains("cross_account_denied", StringComparison.Ordinal));

        Assert.Equal(ResultStatus.Unknown, finding.Status);
        Assert.Contains("kms:DescribeKey", finding.Result.Reason, StringComparison.Ordinal);
        Assert.Contains("999988887777", finding.Result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_redshift_cluster_is_known_by_the_arn_built_from_its_identifier_and_carries_the_tags_its_listing_gives()
    {
        var cluster = Named<RedshiftCluster>(scan.Result.Inventory, "pass_warehouse_cmk");

        Assert.Equal("arn:aws:redshift:eu-west-1:111122223333:cluster:pass_warehouse_cmk", cluster.Id);
        Assert.Equal(new Dictionary<string, string> { ["env"] = "prod", ["owner"] = "analytics" }, cluster.Tags.Value);
        Assert.Empty(Named<RedshiftCluster>(scan.Result.Inventory, "pass_warehouse_hsm").Tags.Value);
    }

    [Fact]
    public void A_replication_group_is_known_by_its_arn_and_gets_its_tags_from_the_region_listing()
    {
        var group = Named<ElastiCacheReplicationGroup>(scan.Result.Inventory, "pass_cache_cmk");

        Assert.Equal("arn:aws:elasticache:eu-west-1:111122223333:replicationgroup:pass_cache_cmk", group.Id);
        Assert.Equal(new Dictionary<string, string> { ["owner"] = "web" }, group.Tags.Value);
    }

    [Theory]
    [MemberData(nameof(Prefixes))]
    public void Every_page_is_read_and_every_resource_seen(string prefix)
    {
        var kind = Kinds[prefix];

        var pages = scan.Fake.Count(kind.Service, kind.Call, Scenarios.Paging);

        var expectedPages = (kind.PagingCount + kind.PageSize - 1) / kind.PageSize;
        Assert.True(expectedPages > 1, "the paging region must need more than one page");
        Assert.Equal(expectedPages, pages);
        var verdicts = Scans.Verdicts(scan.Result.Inventory, kind.CmkRule, Scenarios.Paging);
        Assert.Equal(kind.PagingCount, verdicts.Count);
        Assert.All(verdicts.Values, status => Assert.Equal(ResultStatus.Pass, status));
    }

    private static T Named<T>(Inventory inventory, string name)
        where T : CloudResource =>
        inventory.Resources.OfType<T>().Single(resource => resource.Name is { IsKnown: true } named && named.Value == name);
}
