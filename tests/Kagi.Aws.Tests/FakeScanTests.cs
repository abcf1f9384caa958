using Kagi.Aws.Tests.Fake;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules;
using Kagi.Rules.Aws.Neptune.Clusters;
using Kagi.Rules.Aws.Neptune.ClusterSnapshots;

namespace Kagi.Aws.Tests;

/// <summary>Starts the fake with every scenario and scans all its regions once; the tests read that one scan.</summary>
public sealed class FakeAccountScan : IAsyncLifetime
{
    public FakeAws Fake { get; private set; } = null!;

    public AwsScanResult Result { get; private set; } = null!;

    public RecordingProgress Progress { get; } = new();

    public async Task InitializeAsync()
    {
        Fake = await FakeAws.StartAsync(Scenarios.All());
        Result = await Task.Run(() => Scans.Run(new LiveScanOptions { AllRegions = true, EndpointUrl = Fake.Endpoint, Regions = [Scenarios.Verdicts] }, Progress));
    }

    public async Task DisposeAsync() => await Fake.DisposeAsync();
}

public sealed class FakeScanTests : IClassFixture<FakeAccountScan>
{
    private readonly FakeAccountScan _scan;

    public FakeScanTests(FakeAccountScan scan) => _scan = scan;

    private Inventory Inventory => _scan.Result.Inventory;

    [Fact]
    public void Every_cluster_of_the_verdict_scenarios_gets_the_verdict_its_name_says()
    {
        // Given every judged cluster named after its expected verdict (an unread cluster is named by its ARN)
        var verdicts = Scans.Verdicts(Inventory, Scans.CmkRule)
            .Select(v => (Name: v.Key[(v.Key.LastIndexOf(':') + 1)..], Status: v.Value))
            .Where(v => v.Name != "*" && !v.Name.StartsWith("pass_graph", StringComparison.Ordinal))
            .ToList();

        foreach (var (name, status) in verdicts)
        {
            var expected = name.Split('_')[0] switch
            {
                "pass" => ResultStatus.Pass,
                "fail" => ResultStatus.Fail,
                "unknown" => ResultStatus.Unknown,
                "error" => ResultStatus.Error,
                var other => throw new InvalidOperationException($"unexpected cluster name {other}"),
            };
            Assert.True(expected == status, $"{name}: expected {expected}, got {status}");
        }

        Assert.Equal(16, verdicts.Count);
    }

    [Fact]
    public void The_hsm_bar_passes_only_keys_in_a_custom_key_store()
    {
        var verdicts = Scans.Verdicts(Inventory, Scans.CmkRule, new ScanOptions { MinKeyLevel = KeyLevel.Hsm });

        Assert.Equal(ResultStatus.Pass, verdicts["pass_cloudhsm"]);
        Assert.Equal(ResultStatus.Pass, verdicts["pass_external_key_store"]);
        Assert.Equal(ResultStatus.Fail, verdicts["pass_cmk"]);
    }

    [Fact]
    public void A_clusters_settings_are_read_from_the_same_answer_absent_lists_being_empty()
    {
        var clusters = Inventory.Resources.OfType<NeptuneCluster>().ToDictionary(cluster => cluster.Name.Value);

        var guarded = clusters["pass_cmk"];
        Assert.True(guarded.DeletionProtection.Value);
        Assert.Equal(["audit"], guarded.EnabledCloudwatchLogsExports.Value);
        Assert.Equal(7, guarded.BackupRetentionPeriod.Value);
        Assert.True(guarded.IamDatabaseAuthentication.Value);
        Assert.True(guarded.CopyTagsToSnapshot.Value);
        Assert.False(guarded.MultiAz.Value);
        var bare = clusters["pass_cmk_shared"];
        Assert.False(bare.DeletionProtection.Value);
        Assert.Empty(bare.EnabledCloudwatchLogsExports.Value);
    }

    [Fact]
    public void Neptune_snapshots_are_read_with_their_key_and_who_may_restore_them()
    {
        var snapshots = Inventory.Resources.OfType<NeptuneClusterSnapshot>().Where(s => s.Region == Scenarios.Verdicts).ToDictionary(s => s.Name.Value);

        Assert.Equal(["automated-aws-managed", "private-unencrypted", "public-cmk"], snapshots.Keys.Order(StringComparer.Ordinal));
        Assert.True(snapshots["public-cmk"].SharedWithAll.Value);
        Assert.False(snapshots["private-unencrypted"].SharedWithAll.Value);
        Assert.False(snapshots["automated-aws-managed"].SharedWithAll.Value);
        Assert.Equal(KeyLevel.Customer, KeyLevelClassifier.Classify(snapshots["public-cmk"].StorageEncrypted, snapshots["public-cmk"].Key).Value);
        Assert.Equal(KeyLevel.AwsManaged, KeyLevelClassifier.Classify(snapshots["automated-aws-managed"].StorageEncrypted, snapshots["automated-aws-managed"].Key).Value);

        // Only manual snapshots can be shared, so only they are asked about; their keys, shared with clusters, are not described again
        Assert.Equal(2, _scan.Fake.Count("rds", "DescribeDBClusterSnapshotAttributes", Scenarios.Verdicts));
        Assert.Equal(1, _scan.Fake.Count("rds", "DescribeDBClusterSnapshots", Scenarios.Verdicts));
    }

    [Fact]
    public void Snapshots_another_account_shares_or_makes_public_are_its_own_to_judge_and_cost_no_call()
    {
        // Given a region where another account shares a snapshot with the scanned one and a third makes one public
        var foreign = Scenarios.All()[Scenarios.Verdicts].Snapshots.Where(snapshot => snapshot.Owner is not null).ToList();
        Assert.Contains(foreign, snapshot => !snapshot.Public);
        Assert.Contains(foreign, snapshot => snapshot.Public);

        // Then only the scanned account's own snapshots are listed and judged, from the same single page
        Assert.All(
            Inventory.Resources.OfType<NeptuneClusterSnapshot>().Where(s => s.Region == Scenarios.Verdicts),
            snapshot => Assert.Contains($":{Scenarios.Account}:cluster-snapshot:", snapshot.Id, StringComparison.Ordinal));
        Assert.Equal(1, _scan.Fake.Count("rds", "DescribeDBClusterSnapshots", Scenarios.Verdicts));
        Assert.Equal(2, _scan.Fake.Count("rds", "DescribeDBClusterSnapshotAttributes", Scenarios.Verdicts));
    }

    [Fact]
    public void Aurora_and_documentdb_clusters_are_not_neptune_clusters()
    {
        var names = Inventory.Resources.OfType<NeptuneCluster>().Select(cluster => cluster.Name.Value).ToHashSet();

        Assert.DoesNotContain("aurora", names);
        Assert.DoesNotContain("docdb", names);
        Assert.DoesNotContain(names, name => name.StartsWith("aurora_", StringComparison.Ordinal));
    }

    [Fact]
    public void All_regions_are_the_regions_the_account_has_enabled()
    {
        Assert.Equal(Scenarios.All().Regions.Keys.Order(StringComparer.Ordinal), _scan.Result.Regions);
        Assert.Equal(1, _scan.Fake.Count("ec2", "DescribeRegions"));
        Assert.Equal(1, _scan.Fake.Count("sts", "GetCallerIdentity"));
        Assert.Equal(Scenarios.Account, _scan.Result.Account);
    }

    [Fact]
    public void More_clusters_than_one_page_are_read_in_exactly_the_pages_needed_each_once()
    {
        var pages = _scan.Fake.Calls.Where(call => call is { Service: "rds", Action: "DescribeDBClusters", Region: Scenarios.Paging }).ToList();

        Assert.Equal(3, pages.Count);
        Assert.Equal([null, "100", "200"], pages.Select(page => page.Subject));
        Assert.Equal(Scenarios.PagingClusters, Inventory.Resources.OfType<NeptuneCluster>().Count(cluster => cluster.Region == Scenarios.Paging));
    }

    [Fact]
    public void Each_distinct_key_is_described_once_however_many_clusters_share_it()
    {
        var described = _scan.Fake.Calls.Where(call => call is { Service: "kms", Action: "DescribeKey", Region: Scenarios.Paging }).ToList();

        Assert.Equal(Scenarios.PagingKeys, described.Count);
        Assert.Equal(Scenarios.PagingKeys, described.Select(call => call.Subject).Distinct().Count());
        Assert.Equal(1, _scan.Fake.Count("kms", "ListAliases", Scenarios.Paging));
    }

    [Fact]
    public void The_aws_managed_key_is_known_from_its_alias_and_never_described()
    {
        var describedKeys = _scan.Fake.Calls.Where(call => call is { Service: "kms", Action: "DescribeKey", Region: Scenarios.Verdicts }).Select(call => call.Subject).ToList();

        Assert.DoesNotContain(Scenarios.KeyArn(Scenarios.Verdicts, 6), describedKeys);
        Assert.DoesNotContain(describedKeys, key => key!.StartsWith("alias/", StringComparison.Ordinal));

        // keys 1-5 and 7-9: one call each, the shared key 1 included once
        Assert.Equal(8, describedKeys.Count);
    }

    [Fact]
    public void Each_customer_key_of_the_account_is_read_for_rotation_and_policy_once()
    {
        string[] Subjects(string action) => [.. _scan.Fake.Calls.Where(call => call.Service == "kms" && call.Action == action && call.Region == Scenarios.Verdicts).Select(call => call.Subject!.Split('/')[^1][..8]).Order(StringComparer.Ordinal)];

        // Keys 1-5 and 9 are the account's customer keys; key 8 is another account's, whose policy KMS serves only to its owner
        Assert.Equal(["00000001", "00000002", "00000003", "00000004", "00000005", "00000008", "00000009"], Subjects("GetKeyRotationStatus"));
        Assert.Equal(["00000001", "00000002", "00000003", "00000004", "00000005", "00000009"], Subjects("GetKeyPolicy"));
        Assert.Equal(Scenarios.PagingKeys, _scan.Fake.Count("kms", "GetKeyPolicy", Scenarios.Paging));
    }

    [Fact]
    public void Keys_carry_their_state_rotation_and_policy_or_the_reason_they_are_unknown()
    {
        var keys = Inventory.Resources.OfType<KmsKey>().Where(key => key.Region == Scenarios.Verdicts).ToDictionary(key => key.Id[^36..^28]);

        Assert.True(keys["00000001"].RotationEnabled.Value);
        Assert.Contains("kms:*", keys["00000001"].Policy.Value, StringComparison.Ordinal);
        Assert.False(keys["00000009"].RotationEnabled.Value);
        Assert.Equal("PendingDeletion", keys["00000005"].State.Value);
        Assert.True(keys["00000006"].RotationEnabled.Value);
        Assert.Contains("across accounts", keys["00000008"].Policy.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_denied_region_is_an_error_naming_account_region_service_and_call_for_every_rule()
    {
        var errors = Scans.Judge(Inventory).Where(f => f.Resource.Region == Scenarios.Denied).ToList();

        Assert.Equal(RuleCatalog.All.Count(rule => rule.Metadata.ResourceType == NeptuneCluster.Descriptor.Type || rule.Metadata.ResourceType == NeptuneClusterSnapshot.Descriptor.Type), errors.Count);
        Assert.Contains(errors, error => error.Rule.Id == Scans.CmkRule);
        Assert.All(errors, error =>
        {
            Assert.Equal(ResultStatus.Error, error.Status);
            Assert.Matches(@"^arn:aws:rds:ap-northeast-1:111122223333:(cluster|cluster-snapshot):\*$", error.Resource.Id);
            // Kagi's summary of the failure, with AWS's error code and not AWS's own message
            Assert.Matches(
                @"^could not read arn:\S+: rds:DescribeDBCluster(s|Snapshots) in 111122223333/ap-northeast-1 failed: access denied \(AccessDenied\)$",
                error.Result.Reason);
        });

        // AccessDenied is not retried
        Assert.Equal(1, _scan.Fake.Count("rds", "DescribeDBClusters", Scenarios.Denied));
    }

    [Theory]
    [InlineData(Scenarios.Truncated, "the answer could not be read (MalformedXml)", 1)]
    [InlineData(Scenarios.Unavailable, "the service failed or is not available in this region (InternalFailure)", 3)]
    public void A_region_whose_answers_cannot_be_had_is_an_error_after_the_retries_it_deserves(string region, string summary, int calls)
    {
        var error = Scans.Judge(Inventory).First(f => f.Resource.Region == region && f.Rule.Id == Scans.CmkRule);

        Assert.Equal(ResultStatus.Error, error.Status);
        Assert.Equal($"arn:aws:rds:{region}:111122223333:cluster:*", error.Resource.Id);
        Assert.EndsWith($"failed: {summary}", error.Result.Reason, StringComparison.Ordinal);
        Assert.Equal(calls, _scan.Fake.Count("rds", "DescribeDBClusters", region));
    }

    [Fact]
    public void Throttled_first_calls_are_retried_and_the_verdicts_are_still_right()
    {
        var verdicts = Scans.Verdicts(Inventory, Scans.CmkRule);

        Assert.Equal(ResultStatus.Pass, verdicts["pass_after_throttling"]);
        Assert.Equal(ResultStatus.Fail, verdicts["fail_after_throttling"]);
        Assert.Equal(3, _scan.Fake.Count("rds", "DescribeDBClusters", Scenarios.Throttled));
    }

    [Fact]
    public void A_key_kms_cannot_describe_for_a_transient_reason_is_an_error_for_its_cluster_only()
    {
        var verdicts = Scans.Verdicts(Inventory, Scans.CmkRule);

        Assert.Equal(ResultStatus.Error, verdicts["arn:aws:rds:ca-central-1:111122223333:cluster:error_key_unavailable"]);
        Assert.Equal(ResultStatus.Fail, verdicts["fail_unencrypted_beside_kms_outage"]);

        // and the key itself is an ERROR for the rules that judge keys, once
        var keyErrors = Scans.Judge(Inventory).Where(f => f.Resource.Id == Scenarios.KeyArn(Scenarios.KmsDown, 1)).ToList();
        Assert.NotEmpty(keyErrors);
        Assert.All(keyErrors, error => Assert.Equal(ResultStatus.Error, error.Status));
        Assert.Equal(keyErrors.Count, keyErrors.Select(error => error.Rule.Id).Distinct().Count());
    }

    [Fact]
    public void Another_accounts_key_that_may_not_be_described_is_unknown_with_the_reason()
    {
        var finding = Scans.Judge(Inventory).Single(f => f.Rule.Id == Scans.CmkRule && f.Resource.Name is { IsKnown: true, Value: "unknown_cross_account_denied" });

        Assert.Equal(ResultStatus.Unknown, finding.Status);
        Assert.Contains("999988887777", finding.Result.Reason, StringComparison.Ordinal);
        Assert.Contains("AccessDeniedException", finding.Result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_hears_every_region_and_every_cluster_found()
    {
        Assert.Equal(_scan.Result.Regions.Order(StringComparer.Ordinal), _scan.Progress.FinishedRegions.Order(StringComparer.Ordinal));
        // every listed resource found (keys are described, not listed), the cluster whose key KMS could not describe included
        Assert.Equal(Inventory.Resources.Count(resource => resource is not KmsKey) + 1, _scan.Progress.Resources);
        Assert.True(_scan.Progress.Calls >= _scan.Fake.Calls.Count / 3, "calls are reported to the progress display");
    }
}
