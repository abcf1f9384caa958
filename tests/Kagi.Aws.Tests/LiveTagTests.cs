using Kagi.Aws.Tests.Fake;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules.Aws.Logs.LogGroups;
using Kagi.Rules.Aws.Neptune.Clusters;
using Kagi.Rules.Aws.Neptune.ClusterSnapshots;

namespace Kagi.Aws.Tests;

/// <summary>
/// Live tags: Neptune's listings leave them out, so each region's come from one paged <c>GetResources</c>; a customer
/// key's from <c>ListResourceTags</c> beside its rotation and policy. A failed read leaves tags unknown, never a resource out.
/// </summary>
public sealed class LiveTagTests : IClassFixture<FakeAccountScan>
{
    private readonly FakeAccountScan _scan;

    public LiveTagTests(FakeAccountScan scan) => _scan = scan;

    private Inventory Inventory => _scan.Result.Inventory;

    private static IReadOnlyDictionary<string, string> Known(Fact<IReadOnlyDictionary<string, string>> tags)
    {
        Assert.True(tags.IsKnown, tags.Reason);
        return tags.Value;
    }

    [Fact]
    public void Clusters_and_snapshots_carry_the_tags_the_region_listing_gives_and_untagged_ones_none()
    {
        var clusters = Inventory.Resources.OfType<NeptuneCluster>().Where(cluster => cluster.Region == Scenarios.Verdicts).ToDictionary(cluster => cluster.Name.Value);
        var snapshots = Inventory.Resources.OfType<NeptuneClusterSnapshot>().Where(snapshot => snapshot.Region == Scenarios.Verdicts).ToDictionary(snapshot => snapshot.Name.Value);

        Assert.Equal(new Dictionary<string, string> { ["env"] = "prod", ["owner"] = "team-a" }, Known(clusters["pass_cmk"].Tags));
        Assert.Empty(Known(clusters["fail_aws_owned"].Tags));
        Assert.Equal(new Dictionary<string, string> { ["owner"] = "team-b" }, Known(snapshots["public-cmk"].Tags));
    }

    [Fact]
    public void A_kind_whose_listing_leaves_tags_out_gets_them_from_the_region_listing()
    {
        var groups = Inventory.Resources.OfType<LogsLogGroup>().Where(group => group.Region == Scenarios.Verdicts).ToDictionary(group => group.Name.Value);

        Assert.Equal(new Dictionary<string, string> { ["owner"] = "team-logs" }, Known(groups["pass_log_group_cmk"].Tags));
        Assert.Empty(Known(groups["fail_log_group_service_owned"].Tags));
    }

    [Fact]
    public void No_live_kind_leaves_its_resources_tags_unread()
    {
        var unread = Inventory.Resources
            .Where(resource => !resource.Tags.IsKnown && !resource.Tags.Reason!.Contains("belongs to account", StringComparison.Ordinal))
            .Select(resource => $"{resource.GetType().Name} {resource.Id}: {resource.Tags.Reason}")
            .ToList();

        Assert.Empty(unread);
    }

    [Fact]
    public async Task Another_accounts_resource_has_unknown_tags_and_costs_no_call()
    {
        // Given a region whose tag listing would fail if it were asked
        var progress = new RecordingProgress();
        using var clients = new AwsClientFactory(
            new Amazon.Runtime.BasicAWSCredentials("AKIDEXAMPLE", "not-a-secret"),
            new AwsEndpoints(new Uri("http://127.0.0.1:9/"), _ => null),
            new RetryPolicy(TimeProvider.System, () => 0.5) { MaxAttempts = 1 });
        var region = new RegionContext(Scenarios.Account, Scenarios.Verdicts, progress, 1, CancellationToken.None);

        // When the tags of a snapshot another account shares are asked for
        var tags = await new ResourceTagIndex(clients, region, ["rds:cluster-snapshot"]).OfAsync("arn:aws:rds:eu-west-1:999988887777:cluster-snapshot:shared");

        // Then they are unknown for that reason, without a call: the account's listing never holds them
        Assert.False(tags.IsKnown);
        Assert.Contains("belongs to account 999988887777", tags.Reason, StringComparison.Ordinal);
        Assert.Equal(0, progress.Calls);
    }

    [Fact]
    public void A_collectors_wildcard_arn_names_its_tagging_resource_type()
    {
        Assert.Equal("rds:cluster", ResourceTagIndex.ResourceTypeOf("arn:aws:rds:*:*:cluster:*"));
        Assert.Equal("kms:key", ResourceTagIndex.ResourceTypeOf("arn:aws:kms:*:*:key/*"));
        Assert.Equal("s3", ResourceTagIndex.ResourceTypeOf("arn:aws:s3:::*"));
    }

    [Fact]
    public void Each_region_lists_its_tags_once_paging_through_every_tagged_resource()
    {
        var pages = _scan.Fake.Calls.Where(call => call is { Service: FakeAws.TaggingService, Action: "GetResources", Region: Scenarios.Paging }).ToList();

        Assert.Equal([null, "100", "200"], pages.Select(page => page.Subject));
        Assert.Equal(1, _scan.Fake.Count(FakeAws.TaggingService, "GetResources", Scenarios.Verdicts));
        Assert.All(
            Inventory.Resources.OfType<NeptuneCluster>().Where(cluster => cluster.Region == Scenarios.Paging),
            cluster => Assert.Equal(cluster.Name.Value["pass_graph_".Length..], Known(cluster.Tags)["index"]));
    }

    [Fact]
    public void A_customer_key_of_the_account_is_read_for_its_tags_once_and_an_aws_managed_one_has_none()
    {
        var keys = Inventory.Resources.OfType<KmsKey>().Where(key => key.Region == Scenarios.Verdicts).ToDictionary(key => key.Id[^36..^28]);
        var listed = _scan.Fake.Calls.Where(call => call is { Service: "kms", Action: "ListResourceTags", Region: Scenarios.Verdicts }).Select(call => call.Subject!.Split('/')[^1][..8]).ToList();

        Assert.Equal(new Dictionary<string, string> { ["owner"] = "security" }, Known(keys["00000001"].Tags));
        Assert.Empty(Known(keys["00000006"].Tags));
        Assert.Contains("444455556666", keys["00000008"].Tags.Reason, StringComparison.Ordinal);
        Assert.Equal(["00000001", "00000002", "00000003", "00000004", "00000005", "00000009", "00000010", "00000012"], listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_tag_listing_that_is_denied_leaves_the_tags_unknown_and_every_verdict_as_it_was()
    {
        // Given a region whose tag listing is denied and whose key's tags cannot be read
        var key = Scenarios.KeyArn(Scenarios.Verdicts, 1);
        var scenario = new FakeScenario();
        scenario.Regions[Scenarios.Verdicts] = new FakeRegion
        {
            Keys = [new(key) { Tags = new Dictionary<string, string> { ["owner"] = "security" } }],
            Clusters = [new("pass_cmk", "neptune", true, key) { Tags = new Dictionary<string, string> { ["owner"] = "team-a" } }, new("fail_unencrypted", "neptune", false, null)],
            Faults = [new(FakeAws.TaggingService, FaultKind.AccessDenied), new("kms", FaultKind.AccessDenied, Action: "ListResourceTags")],
        };
        await using var fake = await FakeAws.StartAsync(scenario);

        // When the account is scanned
        var result = Scans.Run(new LiveScanOptions { Regions = [Scenarios.Verdicts], EndpointUrl = fake.Endpoint });

        // Then both clusters are judged as without the fault, their tags unknown with the failed call named
        var verdicts = Scans.Verdicts(result.Inventory, Scans.CmkRule);
        Assert.Equal(ResultStatus.Pass, verdicts["pass_cmk"]);
        Assert.Equal(ResultStatus.Fail, verdicts["fail_unencrypted"]);
        Assert.Empty(result.Inventory.Unscanned);
        Assert.All(result.Inventory.Resources.OfType<NeptuneCluster>(), cluster => Assert.Contains("tagging:GetResources", cluster.Tags.Reason, StringComparison.Ordinal));
        Assert.Contains("ListResourceTags", result.Inventory.Resources.OfType<KmsKey>().Single().Tags.Reason, StringComparison.Ordinal);
    }
}
