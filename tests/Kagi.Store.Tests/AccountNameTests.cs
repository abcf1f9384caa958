using Kagi.Core.Findings;
using Kagi.Core.Rules;
using Kagi.Testing;
using static Kagi.Store.Tests.Scans;

namespace Kagi.Store.Tests;

/// <summary>The store keeps each finding's account name from an organization scan, narrows by account, and reads stores kept before names.</summary>
public sealed class AccountNameTests
{
    private const string Prod = "222233334444";
    private const string Dev = "333344445555";
    private const string HostileName = "<script>alert(5)</script>";

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void Findings_results_and_accounts_keep_the_organizations_names(StoreKind kind)
    {
        // Given two scans of an organization of two named accounts and one the organization does not name
        using var store = TestStores.Open(kind);
        store.SaveScan(Organization(Named("fixed", ResultStatus.Fail, Prod, "prod"), Named("stays", ResultStatus.Fail, Dev, HostileName)));
        store.SaveScan(Organization(
            Named("fixed", ResultStatus.Pass, Prod, "prod"), Named("stays", ResultStatus.Fail, Dev, HostileName), Named("fresh", ResultStatus.Fail, Prod, "prod"), Live("own", ResultStatus.Fail)));

        // Then each finding comes back with its account's name, and none where there was none
        var findings = store.ListFindings(new FindingQuery()).ToDictionary(finding => finding.ResourceId.Split(':')[^1], StringComparer.Ordinal);
        Assert.Equal(("prod", "prod", HostileName, null), (findings["fixed"].AccountName, findings["fresh"].AccountName, findings["stays"].AccountName, findings["own"].AccountName));
        Assert.Equal($"{Prod} (prod)", findings["fresh"].AccountLabel);
        Assert.Equal("111122223333", findings["own"].AccountLabel);

        // And a query narrows to any of the accounts given
        Assert.Equal(["fixed", "fresh"], Names(store.ListFindings(new FindingQuery { Accounts = [Prod] })));
        Assert.Equal(["fixed", "fresh", "stays"], Names(store.ListFindings(new FindingQuery { Accounts = [Prod, Dev] })));

        // And the diff's results carry the names, and narrow to an account
        var diff = store.Diff(null, null)!;
        Assert.Equal([("fresh", "prod"), ("own", null)], diff.New.Select(result => (result.ResourceId.Split(':')[^1], result.AccountName)).Order());
        Assert.Equal("prod", Assert.Single(diff.Resolved).AccountName);
        Assert.Equal($"{Dev} ({HostileName})", Assert.Single(diff.StillOpen).AccountLabel);
        var dev = diff.InAccounts([Dev]);
        Assert.Equal((0, 0, 1), (dev.New.Count, dev.Resolved.Count, dev.StillOpen.Count));
        Assert.Same(diff, diff.InAccounts([]));

        // And the accounts are listed by ID with their names and their findings counted by state
        var accounts = store.Accounts();
        Assert.Equal(["111122223333", Prod, Dev], accounts.Select(account => account.Id));
        Assert.Equal([null, "prod", HostileName], accounts.Select(account => account.Name));
        var prod = accounts[1].Counts;
        Assert.Equal((1L, 1L), (prod[FindingState.New], prod[FindingState.Resolved]));
        Assert.False(prod.ContainsKey(FindingState.Open));
        Assert.Equal(1L, accounts[2].Counts[FindingState.Open]);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void A_store_kept_before_names_upgrades_and_reads_its_findings_without_them(StoreKind kind)
    {
        // Given a store at the schema before account names, holding a scan
        var location = TestStores.NewLocation(kind);
        var dialect = SqlDialect.For(kind);
        using (var connection = dialect.Open(location.ConnectionString))
        {
            Schema.Migrate(connection, dialect, toVersion: 4);
            new Sql(connection, null).Execute(
                "INSERT INTO findings (fingerprint, source, coverage_key, rule_id, resource_id, resource_type, account, region, file, line, severity, state, last_status, " +
                "first_seen_at, first_scan_id, last_seen_at, last_scan_id, changed_at, changed_scan_id) " +
                "VALUES ('f0', 'aws', 'aws:111122223333:eu-west-1', @rule, 'arn:aws:rds:eu-west-1:111122223333:cluster:old', 'AWS::Neptune::DBCluster', '111122223333', 'eu-west-1', NULL, NULL, 'high', 'OPEN', 'FAIL', 0, 1, 0, 1, 0, 1)",
                ("@rule", Rule.Id));
        }

        // When a Kagi that keeps names opens it and stores an organization scan
        using var store = FindingStore.Open(location, TimeProvider.System);
        var old = Assert.Single(store.ListFindings(new FindingQuery()));
        store.SaveScan(Organization(Named("new", ResultStatus.Fail, Prod, "prod")));

        // Then the older finding reads without a name and the new one with its name
        Assert.Null(old.AccountName);
        Assert.Equal("111122223333", old.AccountLabel);
        Assert.Equal("prod", store.ListFindings(new FindingQuery { Accounts = [Prod] }).Single().AccountName);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void Findings_list_and_diff_narrow_to_the_accounts_given_and_show_each_with_its_name(StoreKind kind)
    {
        // Given two stored scans of the organization
        var location = TestStores.NewLocation(kind);
        using (var opened = FindingStore.Open(location, TimeProvider.System))
        {
            opened.SaveScan(Organization(Named("fixed", ResultStatus.Fail, Prod, "prod"), Named("stays", ResultStatus.Fail, Dev, "dev")));
            opened.SaveScan(Organization(Named("stays", ResultStatus.Fail, Dev, "dev"), Named("fresh", ResultStatus.Fail, Prod, "prod"), Live("own", ResultStatus.Fail)));
        }

        var store = location.ConnectionString;
        var diff = CliTests.Run("findings", "diff", "--account", Dev, "--store", store);
        var diffJson = CliTests.Run("findings", "diff", "--account", Prod, "--store", store, "--format", "json");
        var everyDiff = CliTests.Run("findings", "diff", "--store", store);
        var list = CliTests.Run("findings", "list", "--account", Prod, "--account", Dev, "--store", store);
        var listJson = CliTests.Run("findings", "list", "--account", Dev, "--store", store, "--format", "json");

        // Then the diff of one account holds that account's results alone, the account shown with its name
        Assert.Equal(0, diff.ExitCode);
        Assert.Contains($"{Dev} (dev)", diff.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Prod, diff.Output, StringComparison.Ordinal);
        Assert.Contains("0 new, 0 resolved, 1 still open", diff.Output, StringComparison.Ordinal);
        Assert.Contains("2 new, 1 resolved, 1 still open", everyDiff.Output, StringComparison.Ordinal);
        using (var json = System.Text.Json.JsonDocument.Parse(diffJson.Output))
        {
            var fresh = Assert.Single(json.RootElement.GetProperty("new").EnumerateArray()).GetProperty("resource");
            Assert.Equal((Prod, "prod"), (fresh.GetProperty("account").GetString(), fresh.GetProperty("accountName").GetString()));
            Assert.Equal(1, json.RootElement.GetProperty("resolved").GetArrayLength());
            Assert.Equal(0, json.RootElement.GetProperty("stillOpen").GetArrayLength());
        }

        // And the list narrows to any of the accounts given, with each account's name in its ACCOUNT column and its JSON
        Assert.Equal(0, list.ExitCode);
        Assert.Contains($"{Prod} (prod)", list.Output, StringComparison.Ordinal);
        Assert.Contains($"{Dev} (dev)", list.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(":own", list.Output, StringComparison.Ordinal);
        Assert.EndsWith("3 findings", list.Output.TrimEnd(), StringComparison.Ordinal);
        using (var json = System.Text.Json.JsonDocument.Parse(listJson.Output))
        {
            var resource = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray()).GetProperty("resource");
            Assert.Equal("dev", resource.GetProperty("accountName").GetString());
        }
    }

    private static Finding Named(string name, ResultStatus status, string account, string accountName)
    {
        var finding = Live(name, status, account: account);
        return finding with { Resource = finding.Resource with { AccountName = accountName } };
    }

    private static ScanReport Organization(params Finding[] findings) =>
        Report(ScanSource.Aws, ["account 111122223333", "eu-west-1", $"account {Prod} (prod)", "eu-west-1", $"account {Dev} ({HostileName})", "eu-west-1"], findings);

    private static List<string> Names(IEnumerable<TrackedFinding> findings) => [.. findings.Select(finding => finding.ResourceId.Split(':')[^1]).Order(StringComparer.Ordinal)];
}
