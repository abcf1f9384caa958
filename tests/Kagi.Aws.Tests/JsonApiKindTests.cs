using Kagi.Aws.Tests.Fake;
using Kagi.Aws.Tests.Fake.Apis;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Aws.Tests;

/// <summary>
/// The kinds read through the JSON-protocol client (Secrets Manager secrets, CloudWatch Logs log groups, Kinesis streams, ECR repositories; Backup vaults through the REST-JSON one) on the fake:
/// each judged by its real key, every page read, throttling retried, and a refused listing an ERROR, never a silence.
/// </summary>
public sealed class JsonApiKindTests(FakeAccountScan scan) : IClassFixture<FakeAccountScan>
{
    /// <summary>One kind: its rule, CloudFormation type, service and listing call, and how its paging region pages.</summary>
    public sealed record Kind(string RuleId, string Type, string Service, string Call, int PagingCount, int PageSize)
    {
        public override string ToString() => RuleId;
    }

    private static readonly Dictionary<string, Kind> Kinds = new Kind[]
    {
        new("secretsmanager-secret-cmk-encryption", Scenarios.Secret, "secretsmanager", "ListSecrets", Scenarios.PagingSecrets, SecretsManagerApi.MaxPageSize),
        new("logs-log-group-cmk-encryption", Scenarios.LogGroup, "logs", "DescribeLogGroups", Scenarios.PagingLogGroups, LogsApi.MaxPageSize),
        new("kinesis-stream-cmk-encryption", Scenarios.Stream, "kinesis", "ListStreams", Scenarios.PagingStreams, KinesisApi.MaxPageSize),
        new("ecr-repository-cmk-encryption", Scenarios.Repository, "ecr", "DescribeRepositories", Scenarios.PagingRepositories, EcrApi.MaxPageSize),
        new("backup-vault-cmk-encryption", Scenarios.Vault, "backup", "ListBackupVaults", Scenarios.PagingVaults, BackupApi.MaxPageSize),
    }.ToDictionary(kind => kind.RuleId);

    public static TheoryData<string> RuleIds => [.. Kinds.Keys];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_resource_of_the_verdict_region_gets_the_verdict_its_name_says(string ruleId)
    {
        var kind = Kinds[ruleId];
        var verdicts = Scans.Verdicts(scan.Result.Inventory, ruleId, Scenarios.Verdicts);

        var names = Scenarios.All()[Scenarios.Verdicts].StoresOf(kind.Type).Select(store => store.Name).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), verdicts.Keys.Order(StringComparer.Ordinal));
        Assert.All(names, name => Assert.Equal(Scans.Expected(name), verdicts[name]));
        Assert.Contains(ResultStatus.Unknown, verdicts.Values);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void A_key_kms_will_not_describe_is_unknown_with_the_refusal_as_reason(string ruleId)
    {
        var finding = Assert.Single(
            Scans.Judge(scan.Result.Inventory),
            f => f.Rule.Id == ruleId && f.Resource.Region == Scenarios.Verdicts && f.Resource.Name.Value.Contains("cross_account_denied", StringComparison.Ordinal));

        Assert.Equal(ResultStatus.Unknown, finding.Status);
        Assert.Contains("kms:DescribeKey", finding.Result.Reason, StringComparison.Ordinal);
        Assert.Contains("999988887777", finding.Result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_page_is_read_and_every_resource_seen(string ruleId)
    {
        var kind = Kinds[ruleId];

        var pages = scan.Fake.Calls.Where(call => call.Service == kind.Service && call.Action == kind.Call && call.Region == Scenarios.Paging).ToList();

        var expectedPages = (kind.PagingCount + kind.PageSize - 1) / kind.PageSize;
        Assert.True(expectedPages > 1, "the paging region must need more than one page");
        Assert.Equal(expectedPages, pages.Count);
        Assert.Equal([null, .. Enumerable.Range(1, expectedPages - 1).Select(page => (page * kind.PageSize).ToString(System.Globalization.CultureInfo.InvariantCulture))], pages.Select(page => page.Subject));
        var verdicts = Scans.Verdicts(scan.Result.Inventory, ruleId, Scenarios.Paging);
        Assert.Equal(kind.PagingCount, verdicts.Count);
        Assert.All(verdicts.Values, status => Assert.Equal(ResultStatus.Pass, status));
    }

    [Fact]
    public void Only_a_stream_without_server_side_encryption_fails_the_storage_rule_and_the_cmk_rule_shows_it_the_unencrypted_fix()
    {
        var verdicts = Scans.Verdicts(scan.Result.Inventory, "kinesis-stream-storage-encrypted", Scenarios.Verdicts);

        Assert.Equal(["fail_stream_unencrypted"], verdicts.Where(verdict => verdict.Value == ResultStatus.Fail).Select(verdict => verdict.Key));
        Assert.Equal(ResultStatus.Pass, verdicts["fail_stream_aws_managed_alias"]);
        var cmk = Scans.Judge(scan.Result.Inventory).Single(f => f.Rule.Id == "kinesis-stream-cmk-encryption" && f.Resource.Name is { IsKnown: true, Value: "fail_stream_unencrypted" });
        Assert.Equal("unencrypted", cmk.Result.RemediationVariant);
    }

    [Fact]
    public async Task A_stream_whose_summary_is_denied_is_an_error_of_its_own_and_the_others_are_judged()
    {
        // Given two streams, the summary of the first denied
        var region = new FakeRegion
        {
            Stores = [new(Scenarios.Stream, "denied"), new(Scenarios.Stream, "fail_readable", Encrypted: false)],
            Faults = [new("kinesis", FaultKind.AccessDenied, Times: 1, Action: "DescribeStreamSummary")],
        };
        await using var fake = await FakeAws.StartAsync(new FakeScenario { Regions = { [Scenarios.Denied] = region } });

        var findings = Scans.Judge(Scans.Run(fake.Endpoint, null, Scenarios.Denied).Inventory).Where(f => f.Rule.Id == "kinesis-stream-cmk-encryption").ToList();

        // Then the stream whose summary could not be read is an ERROR naming it and the call; the other is judged
        var error = Assert.Single(findings, f => f.Status == ResultStatus.Error);
        Assert.Matches(@"^arn:aws:kinesis:ap-northeast-1:111122223333:stream/(denied|fail_readable)$", error.Resource.Id);
        Assert.Contains("kinesis:DescribeStreamSummary", error.Result.Reason, StringComparison.Ordinal);
        Assert.Equal(2, findings.Count);
    }
}
