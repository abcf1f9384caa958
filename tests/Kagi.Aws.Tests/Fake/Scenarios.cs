namespace Kagi.Aws.Tests.Fake;

/// <summary>The scenarios of issue 4, one per region of one account, so one scan covers them all.</summary>
internal static partial class Scenarios
{
    public const string Account = "111122223333";
    public const string Verdicts = "eu-west-1";
    public const string Paging = "eu-central-1";
    public const string Denied = "ap-northeast-1";
    public const string Throttled = "us-east-1";
    public const string Truncated = "us-west-2";
    public const string Unavailable = "sa-east-1";
    public const string KmsDown = "ca-central-1";
    public const int PagingClusters = 250;
    public const int PagingKeys = 20;
    public const string DeletionDate = "2027-01-15T00:00:00Z";

    public static string KeyArn(string region, int number, string account = Account) =>
        $"arn:aws:kms:{region}:{account}:key/{number:D8}-0000-4000-8000-000000000000";

    public static FakeScenario All()
    {
        var scenario = new FakeScenario();
        scenario.Regions[Verdicts] = VerdictRegion();
        scenario.Regions[Paging] = PagingRegion();
        scenario.Regions[Denied] = new FakeRegion
        {
            Clusters = [new("never-seen", "neptune", false, null)],
            Faults = [new("rds", FaultKind.AccessDenied)],
        };
        scenario.Regions[Throttled] = new FakeRegion
        {
            Clusters = [new("pass_after_throttling", "neptune", true, KeyArn(Throttled, 1)), new("fail_after_throttling", "neptune", false, null)],
            Keys = [new(KeyArn(Throttled, 1))],
            Faults = [new("rds", FaultKind.Throttle, Times: 2, Action: "DescribeDBClusters"), new("kms", FaultKind.Throttle, Times: 2)],
        };
        scenario.Regions[Truncated] = new FakeRegion
        {
            Clusters = [new("never-parsed", "neptune", true, null)],
            Faults = [new("rds", FaultKind.TruncatedXml)],
        };
        scenario.Regions[Unavailable] = new FakeRegion
        {
            Clusters = [new("never-answered", "neptune", true, null)],
            Faults = [new("rds", FaultKind.ServerError)],
        };
        scenario.Regions[KmsDown] = new FakeRegion
        {
            Clusters = [new("error_key_unavailable", "neptune", true, KeyArn(KmsDown, 1)), new("fail_unencrypted_beside_kms_outage", "neptune", false, null)],
            Keys = [new(KeyArn(KmsDown, 1))],
            Faults = [new("kms", FaultKind.ServerError)],
        };
        AddJsonApiStores(scenario);
        AddRdsKinds(scenario);
        AddSdkStores(scenario);
        AddQueryStores(scenario);
        AddSnsOpenSearchStores(scenario);
        AddEbsAndEfs(scenario);
        return scenario;
    }

    private static FakeRegion VerdictRegion()
    {
        string Key(int number, string account = Account) => KeyArn(Verdicts, number, account);
        return new FakeRegion
        {
            Keys =
            [
                new(Key(1)) { Tags = new Dictionary<string, string> { ["owner"] = "security" } },
                new(Key(2), Origin: "AWS_CLOUDHSM"),
                new(Key(3), Origin: "EXTERNAL_KEY_STORE"),
                new(Key(4), State: "Disabled"),
                new(Key(5), State: "PendingDeletion") { DeletionDate = DeletionDate },
                new(Key(6), Manager: "AWS", Alias: "alias/aws/rds"),
                new(Key(7, "999988887777"), Denied: true),
                new(Key(8, "444455556666")),
                new(Key(9), Alias: "alias/app-data", Rotation: false) { PublicPolicy = true },

                // Protects nothing the scan reads; one that KMS will not describe; imported material that expired.
                new(Key(10)),
                new(Key(11), Denied: true),
                new(Key(12), Origin: "EXTERNAL", State: "PendingImport"),
            ],
            Clusters =
            [
                new("pass_cmk", "neptune", true, Key(1)) { Tags = new Dictionary<string, string> { ["owner"] = "team-a", ["env"] = "prod" } },
                new("pass_cmk_shared", "neptune", true, Key(1), DeletionProtection: false, AuditLogs: false),
                new("pass_cloudhsm", "neptune", true, Key(2)) { BackupRetentionDays = 1, MultiAz = true },
                new("pass_external_key_store", "neptune", true, Key(3)) { IamAuth = false, CopyTags = false },
                new("pass_disabled_cmk", "neptune", true, Key(4)),
                new("pass_pending_deletion_cmk", "neptune", true, Key(5)),
                new("fail_aws_managed", "neptune", true, Key(6)),
                new("fail_aws_owned", "neptune", true, null),
                new("fail_unencrypted", "neptune", false, null),
                new("unknown_cross_account_denied", "neptune", true, Key(7, "999988887777")),
                new("pass_cross_account_shared", "neptune", true, Key(8, "444455556666")),
                new("pass_aliased_cmk", "neptune", true, Key(9)),
                new("pass_imported_material_expired", "neptune", true, Key(12)),
                new("aurora", "aurora-postgresql", true, Key(1)),
                new("docdb", "docdb", false, null),
            ],
            Snapshots =
            [
                new("public-cmk", "neptune", true, Key(1), Public: true) { Tags = new Dictionary<string, string> { ["owner"] = "team-b" } },
                new("private-unencrypted", "neptune", false, null),
                new("automated-aws-managed", "neptune", true, Key(6), Manual: false),
                new("aurora-snapshot", "aurora-postgresql", true, Key(1), Public: true),
                new("shared-in-unencrypted", "neptune", false, null) { Owner = "999988887777" },
                new("foreign-public", "neptune", false, null, Public: true) { Owner = "444455556666" },
            ],
        };
    }

    private static FakeRegion PagingRegion()
    {
        var keys = Enumerable.Range(1, PagingKeys).Select(number => new FakeKey(KeyArn(Paging, number))).ToList();
        // Every cluster tagged, so the region's tag listing takes several pages too.
        var neptune = Enumerable.Range(0, PagingClusters).Select(i => new FakeCluster($"pass_graph_{i:D3}", "neptune", true, keys[i % PagingKeys].Arn)
        {
            Tags = new Dictionary<string, string> { ["index"] = $"{i:D3}" },
        });
        var aurora = Enumerable.Range(0, 30).Select(i => new FakeCluster($"aurora_{i:D3}", "aurora-mysql", true, keys[0].Arn));
        return new FakeRegion { Keys = keys, Clusters = [.. aurora.Concat(neptune)] };
    }
}
