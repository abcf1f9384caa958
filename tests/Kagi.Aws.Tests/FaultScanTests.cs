using Kagi.Aws.Tests.Fake;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules;
using Kagi.Rules.Aws.Neptune.Clusters;

namespace Kagi.Aws.Tests;

/// <summary>Faults that stop more than one region, or stall: each fake is made for one test.</summary>
public sealed class FaultScanTests
{
    private const string Home = "eu-west-1";

    [Fact]
    public async Task A_region_not_enabled_for_the_account_is_a_note_for_each_kind_not_an_error_and_the_enabled_one_is_still_scanned()
    {
        // Given an account with eu-west-1 only, and a scan that also names me-south-1 (every service there rejects the credentials)
        await using var fake = await FakeAws.StartAsync(OneCluster());

        var result = Scans.Run(new LiveScanOptions { Regions = [Home, "me-south-1"], EndpointUrl = fake.Endpoint });

        // Then eu-west-1 is judged, and me-south-1 gives no ERROR but one warning per kind naming the call that said so
        var verdicts = Scans.Verdicts(result.Inventory, Scans.CmkRule);
        Assert.Equal(ResultStatus.Pass, verdicts["pass_cmk"]);
        Assert.Empty(result.Inventory.Unscanned);
        Assert.All(result.Inventory.Diagnostics, note => Assert.Equal(DiagnosticSeverity.Warning, note.Severity));
        var notes = result.Inventory.Diagnostics.Select(note => note.Message).ToList();
        Assert.Equal(KindCatalog.LiveCollectors.Count, notes.Count);
        Assert.Contains(
            $"{NeptuneCluster.Descriptor.Type} not scanned in 111122223333/me-south-1: the service is not offered there, or the region is not enabled for the account (rds:DescribeDBClusters: InvalidClientTokenId)",
            notes);
    }

    [Fact]
    public async Task A_service_not_offered_in_a_region_is_a_note_and_every_other_kind_there_is_judged()
    {
        // Given a region whose CloudWatch Logs endpoint answers as for a service it does not offer
        var scenario = OneCluster();
        scenario[Home].Stores.Add(new FakeStore(Scenarios.LogGroup, "not_listed", KmsKeyId: Scenarios.KeyArn(Home, 1)));
        scenario[Home].Faults.Add(new FakeFault("logs", FaultKind.NotOffered));
        await using var fake = await FakeAws.StartAsync(scenario);

        var result = Scans.Run(new LiveScanOptions { Regions = [Home], EndpointUrl = fake.Endpoint });

        // Then the cluster is judged, log groups are one note, and nothing is an ERROR
        Assert.Equal(ResultStatus.Pass, Scans.Verdicts(result.Inventory, Scans.CmkRule)["pass_cmk"]);
        Assert.Empty(result.Inventory.Unscanned);
        var note = Assert.Single(result.Inventory.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, note.Severity);
        Assert.StartsWith($"{Scenarios.LogGroup} not scanned in 111122223333/{Home}", note.Message, StringComparison.Ordinal);
        Assert.EndsWith("(logs:DescribeLogGroups: UnrecognizedClientException)", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_whose_listing_is_denied_is_still_an_error_not_a_note()
    {
        var scenario = OneCluster();
        scenario[Home].Faults.Add(new FakeFault("logs", FaultKind.AccessDenied));
        await using var fake = await FakeAws.StartAsync(scenario);

        var result = Scans.Run(new LiveScanOptions { Regions = [Home], EndpointUrl = fake.Endpoint });

        Assert.Empty(result.Inventory.Diagnostics);
        var scope = Assert.Single(result.Inventory.Unscanned);
        Assert.Equal(("logs", "DescribeLogGroups"), (scope.Service, scope.Call));
    }

    [Fact]
    public async Task A_call_that_stalls_is_cut_by_the_per_call_timeout_retried_and_then_an_error()
    {
        // Given a region whose cluster listing never answers in time
        var scenario = OneCluster();
        scenario[Home].Faults.Add(new FakeFault("rds", FaultKind.Stall));
        await using var fake = await FakeAws.StartAsync(scenario);

        var result = Scans.Run(new LiveScanOptions { Regions = [Home], EndpointUrl = fake.Endpoint }, attemptTimeout: TimeSpan.FromMilliseconds(200));

        Assert.Equal(KindCatalog.LiveCollectors.Count(collector => collector.Service == AwsService.Rds), result.Inventory.Unscanned.Count);
        Assert.All(result.Inventory.Unscanned, scope => Assert.Equal("AWS could not be reached or did not answer in time (Timeout)", scope.Reason));
        Assert.Equal(3 * FakeScanTests.ClusterListings, fake.Count("rds", "DescribeDBClusters"));
    }

    [Theory]
    [InlineData("dynamodb")]
    [InlineData("sqs")]
    public async Task A_stalled_call_of_an_sdk_served_service_is_an_error_of_its_kinds_not_a_crash(string service)
    {
        // Given a region where the SDK-served service never answers in time (the SDK reports that as TimeoutException)
        var scenario = OneCluster();
        scenario[Home].Faults.Add(new FakeFault(service, FaultKind.Stall));
        await using var fake = await FakeAws.StartAsync(scenario);

        var result = Scans.Run(new LiveScanOptions { Regions = [Home], EndpointUrl = fake.Endpoint }, attemptTimeout: TimeSpan.FromMilliseconds(200));

        // Then each kind of that service is one ERROR with the timeout as its reason, and the cluster is still judged
        var stalled = KindCatalog.LiveCollectors.Where(collector => collector.Service.SigningName == service).Select(collector => collector.ResourceType).ToHashSet();
        Assert.NotEmpty(stalled);
        Assert.Equal(stalled, result.Inventory.Unscanned.Select(scope => scope.ResourceType).ToHashSet());
        Assert.All(result.Inventory.Unscanned, scope => Assert.Equal("AWS could not be reached or did not answer in time (Timeout)", scope.Reason));
        Assert.Single(result.Inventory.Resources.OfType<Kagi.Rules.Aws.Neptune.Clusters.NeptuneCluster>());
    }

    [Fact]
    public async Task Credentials_sts_rejects_make_every_collected_kind_an_error_in_every_region_and_no_region_is_called()
    {
        // Given credentials that STS does not accept
        var scenario = OneCluster();
        scenario[Home].Faults.Add(new FakeFault("sts", FaultKind.AccessDenied));
        await using var fake = await FakeAws.StartAsync(scenario);

        var result = Scans.Run(new LiveScanOptions { Regions = [Home, "us-east-1"], EndpointUrl = fake.Endpoint });

        // Then every kind a collector lists is one ERROR per region, over all of it in any account
        Assert.Equal(AwsScanner.UnknownAccount, result.Account);
        Assert.Empty(result.Inventory.Resources);
        AssertEveryCollectedKindIsUnscanned(result.Inventory, [Home, "us-east-1"], "*", "GetCallerIdentity");
        Assert.Contains("arn:aws:rds:eu-west-1:*:cluster:*", result.Inventory.Unscanned.Select(s => s.ResourceId));
        Assert.Contains("arn:aws:rds:us-east-1:*:cluster-snapshot:*", result.Inventory.Unscanned.Select(s => s.ResourceId));
        Assert.Equal(0, fake.Count("rds", "DescribeDBClusters"));
    }

    [Fact]
    public async Task Regions_that_cannot_be_listed_are_one_error_for_all_regions()
    {
        var scenario = OneCluster();
        scenario[Home].Faults.Add(new FakeFault("ec2", FaultKind.AccessDenied));
        await using var fake = await FakeAws.StartAsync(scenario);

        var result = Scans.Run(new LiveScanOptions { Regions = [Home], AllRegions = true, EndpointUrl = fake.Endpoint });

        AssertEveryCollectedKindIsUnscanned(result.Inventory, ["*"], "111122223333", "DescribeRegions");
        var scope = Assert.Single(result.Inventory.Unscanned, scope => scope.ResourceType == NeptuneCluster.Descriptor.Type);
        Assert.Equal("arn:aws:rds:*:111122223333:cluster:*", scope.ResourceId);
        Assert.Equal(("ec2", "DescribeRegions"), (scope.Service, scope.Call));
    }

    // Each collector's kind, in each region, is covered by one wildcard ARN of that region and account, naming the failed call.
    private static void AssertEveryCollectedKindIsUnscanned(Inventory inventory, IReadOnlyList<string> regions, string account, string call)
    {
        var expected = regions.SelectMany(region => KindCatalog.LiveCollectors.Select(collector => $"{collector.ResourceType} in {region}"));
        Assert.Equal(expected.Order(StringComparer.Ordinal), inventory.Unscanned.Select(s => $"{s.ResourceType} in {s.Region}").Order(StringComparer.Ordinal));
        Assert.All(inventory.Unscanned, scope =>
        {
            Assert.StartsWith("arn:aws:", scope.ResourceId, StringComparison.Ordinal);
            Assert.Contains($":{scope.Region}:{account}:", scope.ResourceId, StringComparison.Ordinal);
            // Every resource of the kind: arn:…:cluster:* or, where the resource part has a slash, arn:…:stream/*
            Assert.Matches(@"[:/]\*$", scope.ResourceId);
            Assert.Equal(call, scope.Call);
        });
    }

    private static FakeScenario OneCluster()
    {
        var key = Scenarios.KeyArn(Home, 1);
        var scenario = new FakeScenario();
        scenario.Regions[Home] = new FakeRegion { Keys = [new(key)], Clusters = [new("pass_cmk", "neptune", true, key)] };
        return scenario;
    }
}
