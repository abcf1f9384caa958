using System.Text.Json;
using Kagi.Aws.Organizations;
using Kagi.Aws.Tests.Cli;
using Kagi.Aws.Tests.Fake;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Testing;

namespace Kagi.Aws.Tests;

/// <summary>
/// Scans of several accounts on the fake organization: each member reached by assuming its role, every resource under
/// its own account, an account whose role cannot be assumed an ERROR of that account alone, suspended accounts passed
/// over with a note, and a listing that fails an ERROR of everything rather than a scan of nothing that passes.
/// </summary>
public sealed class OrganizationScanTests
{
    // The fake organization's accounts (Organization()), shared with the tests of what is done with its scans.
    internal const string Region = "eu-west-1";
    internal const string Management = "111122223333";
    internal const string Prod = "222233334444";
    internal const string Denied = "333344445555";
    internal const string Suspended = "444455556666";
    internal const string Nested = "555566667777";
    internal const string Role = "KagiReadOnly";

    internal static readonly AccountSelection AllAccounts = new() { AllAccounts = true, RoleName = Role };

    [Fact]
    public async Task Every_active_account_is_scanned_under_its_own_account_through_its_role()
    {
        // Given an organization of five accounts: the caller's own, two members that let the role be assumed, one that
        // denies it, and one suspended; listed two to a page
        await using var fake = await FakeAws.StartAsync(Organization());

        // When every account is scanned
        var result = Scans.Run(Options(fake), AllAccounts);
        var findings = Scans.Judge(result.Inventory).Where(finding => finding.Rule.Id == Scans.CmkRule).ToList();

        // Then each reachable account's cluster is judged under that account's ARN, with the verdict its key gives
        Assert.Equal(ResultStatus.Pass, Status(findings, $"arn:aws:rds:{Region}:{Management}:cluster:pass_management"));
        Assert.Equal(ResultStatus.Fail, Status(findings, $"arn:aws:rds:{Region}:{Prod}:cluster:fail_prod"));
        Assert.Equal(ResultStatus.Pass, Status(findings, $"arn:aws:rds:{Region}:{Nested}:cluster:pass_nested"));

        // And no account's resources leak into another's: each scanned account's resources carry its own ID
        Assert.All(result.Accounts, account => Assert.All(account.Result.Inventory.Resources, resource => Assert.Equal(account.Account, resource.Account)));

        // And the account that denies the role is an ERROR in its own scope, naming the account, role and failure
        var denied = Assert.Single(findings, finding => finding.Resource.Account == Denied);
        Assert.Equal(ResultStatus.Error, denied.Status);
        Assert.Contains($"arn:aws:iam::{Denied}:role/{Role}", denied.Result.Reason, StringComparison.Ordinal);
        Assert.Contains("AccessDenied", denied.Result.Reason, StringComparison.Ordinal);
        Assert.Contains("sts:AssumeRole", denied.Result.Reason, StringComparison.Ordinal);

        // And the suspended account is passed over with a note, not scanned and not an ERROR
        Assert.DoesNotContain(findings, finding => finding.Resource.Account == Suspended);
        Assert.Contains(result.Inventory.Diagnostics, note => note.Message.Contains(Suspended, StringComparison.Ordinal) && note.Message.Contains("SUSPENDED", StringComparison.Ordinal));

        // And the calls were the minimum: every page of the listing once, one AssumeRole per active member, none for the caller
        Assert.Equal(3, fake.Count("organizations", "ListAccounts"));
        Assert.Equal([Prod, Denied, Nested], AssumedAccounts(fake));

        // And the accounts keep the names Organizations gives them
        Assert.Equal("prod", result.Accounts.Single(account => account.Account == Prod).Name);
    }

    [Fact]
    public async Task Each_finding_carries_its_accounts_name_into_every_report_and_the_saved_inventory()
    {
        // Given the organization, scanned in full into every machine-read format and a saved inventory
        await using var fake = await FakeAws.StartAsync(Organization());
        var folder = Directory.CreateTempSubdirectory("kagi-names-");
        try
        {
            string File(string name) => Path.Combine(folder.FullName, name);
            var (exitCode, _, error) = ScanAwsCommandTests.Kagi(
                "scan", "aws", "--endpoint-url", fake.Endpoint.ToString(), "--region", Region, "--all-accounts", "--role-name", Role,
                "--format", $"json={File("report.json")}", "--format", $"sarif={File("report.sarif")}", "--format", $"ocsf={File("report.ocsf.json")}",
                "--format", $"asff={File("report.asff.json")}", "--format", $"csv={File("report.csv")}", "--save-inventory", File("inventory.json"));
            var (_, replayed, _) = ScanAwsCommandTests.Kagi("scan", "inventory", File("inventory.json"), "--format", "json");
            Assert.True(exitCode == 1, error);

            // Then each account's findings name that account in every format: the prod cluster's FAIL, the management
            // account's PASS, and the ERROR of the account whose role was denied (an unread scope, not a resource)
            var prod = $"arn:aws:rds:{Region}:{Prod}:cluster:fail_prod";
            var management = $"arn:aws:rds:{Region}:{Management}:cluster:pass_management";
            var denied = $"arn:aws:rds:{Region}:{Denied}:cluster:*";
            var expected = new Dictionary<string, string> { [prod] = "prod", [management] = "management", [denied] = "denied" };
            foreach (var json in new[] { System.IO.File.ReadAllText(File("report.json")), replayed })
            {
                using var report = JsonDocument.Parse(json);
                var names = report.RootElement.GetProperty("findings").EnumerateArray()
                    .Where(finding => finding.GetProperty("ruleId").GetString() == Scans.CmkRule)
                    .ToDictionary(finding => finding.GetProperty("resource").GetProperty("id").GetString()!, finding => finding.GetProperty("resource").GetProperty("accountName").GetString());
                Assert.All(expected, pair => Assert.Equal(pair.Value, names[pair.Key]));
                Assert.Equal("nested", names[$"arn:aws:rds:{Region}:{Nested}:cluster:pass_nested"]);
            }

            using var sarif = JsonDocument.Parse(System.IO.File.ReadAllText(File("report.sarif")));
            var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Where(result => result.GetProperty("ruleId").GetString() == Scans.CmkRule)
                .ToDictionary(result => result.GetProperty("properties").GetProperty("resourceId").GetString()!, result => result.GetProperty("properties").GetProperty("accountName").GetString());
            Assert.Equal(("prod", "denied"), (results[prod], results[denied]));

            using var ocsf = JsonDocument.Parse(System.IO.File.ReadAllText(File("report.ocsf.json")));
            var detections = ocsf.RootElement.EnumerateArray()
                .Where(detection => detection.GetProperty("metadata").GetProperty("event_code").GetString() == Scans.CmkRule)
                .ToDictionary(detection => detection.GetProperty("resources")[0].GetProperty("uid").GetString()!, detection => detection.GetProperty("cloud").GetProperty("account"));
            Assert.All(expected, pair => Assert.Equal(pair.Value, detections[pair.Key].GetProperty("name").GetString()));
            Assert.Equal(Prod, detections[prod].GetProperty("uid").GetString());

            using var asff = JsonDocument.Parse(System.IO.File.ReadAllText(File("report.asff.json")));
            var security = asff.RootElement.EnumerateArray()
                .Where(finding => finding.GetProperty("GeneratorId").GetString() == $"kagi/{Scans.CmkRule}")
                .ToDictionary(finding => finding.GetProperty("Resources")[0].GetProperty("Id").GetString()!, finding => (finding.GetProperty("AwsAccountId").GetString(), finding.GetProperty("AwsAccountName").GetString()));
            Assert.Equal((Prod, "prod"), security[prod]);
            Assert.Equal((Denied, "denied"), security[denied]);

            // And the CSV's last column, after the columns it always had, is the account's name
            var rows = System.IO.File.ReadAllLines(File("report.csv")).Select(line => line.TrimStart('\uFEFF').Trim('"').Split("\",\"")).ToList();
            Assert.Equal("account_name", rows[0][^1]);
            Assert.Equal("tags", rows[0][^2]);
            var resourceColumn = Array.IndexOf(rows[0], "resource_id");
            Assert.Equal("prod", rows.Single(row => row[resourceColumn] == prod && row[2] == Scans.CmkRule)[^1]);
            Assert.Equal("denied", rows.Single(row => row[resourceColumn] == denied && row[2] == Scans.CmkRule)[^1]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Named_accounts_are_scanned_without_listing_the_organization_and_excluded_ones_are_not()
    {
        await using var fake = await FakeAws.StartAsync(Organization());

        var result = Scans.Run(Options(fake), new AccountSelection { Accounts = [Prod, Nested, Management], ExcludedAccounts = [Nested], RoleName = Role });

        Assert.Equal([Management, Prod], result.Accounts.Select(account => account.Account).Order(StringComparer.Ordinal));
        Assert.Equal(0, fake.Count("organizations", "ListAccounts"));
        Assert.Equal([Prod], AssumedAccounts(fake));
    }

    [Fact]
    public async Task An_organizational_unit_covers_the_accounts_under_it_at_any_depth()
    {
        // Given a member two units below the root
        await using var fake = await FakeAws.StartAsync(Organization());

        // When the outer unit is scanned
        var result = Scans.Run(Options(fake), new AccountSelection { OrganizationalUnits = ["ou-fake-outer000"], RoleName = Role });

        // Then the nested member is scanned, and no account outside the unit
        Assert.Equal([Nested], result.Accounts.Select(account => account.Account));
    }

    [Fact]
    public async Task A_role_arn_template_names_each_accounts_role()
    {
        await using var fake = await FakeAws.StartAsync(Organization());

        Scans.Run(Options(fake), new AccountSelection { Accounts = [Prod], RoleArnTemplate = "arn:{partition}:iam::{account}:role/audit/Kagi-{account}" });

        Assert.Equal($"arn:aws:iam::{Prod}:role/audit/Kagi-{Prod}", Assert.Single(fake.Calls, call => call.Action == "AssumeRole").Subject);
    }

    [Fact]
    public async Task Credentials_that_expire_mid_scan_are_renewed_before_they_lapse()
    {
        // Given a member whose assumed-role credentials last one second, and answers slow enough that its scan outlasts them
        var organization = new FakeOrganization
        {
            Management = new FakeScenario { Account = Management, Regions = { [Region] = new FakeRegion() } },
            Members = [new FakeMember(Account(Prod, "fail_prod", kmsKeyArn: null, TimeSpan.FromMilliseconds(300)), "prod")],
            CredentialLifetime = TimeSpan.FromSeconds(1),
        };
        await using var fake = await FakeAws.StartAsync(organization);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        // When it is scanned
        var result = Scans.Run(Options(fake), new AccountSelection { Accounts = [Prod], RoleName = Role });

        // Then the scan outlasted the first credentials, the role was assumed again, no request went out on lapsed
        // credentials, and the account was read in full
        Assert.True(watch.Elapsed > TimeSpan.FromSeconds(1), $"the scan took {watch.Elapsed}, shorter than the credentials last");
        Assert.True(fake.Count("sts", "AssumeRole") > 1);
        Assert.Equal(0, fake.ExpiredRequests);
        Assert.Empty(result.Inventory.Unscanned);
        Assert.Equal(ResultStatus.Fail, Status(Scans.Judge(result.Inventory).Where(finding => finding.Rule.Id == Scans.CmkRule), $"arn:aws:rds:{Region}:{Prod}:cluster:fail_prod"));
    }

    [Fact]
    public async Task A_region_an_scp_denies_is_an_error_of_that_account_and_region_alone()
    {
        // Given a member where a service control policy denies every call in one region
        var denied = Account(Prod, "fail_prod", kmsKeyArn: null);
        denied.Regions["eu-central-1"] = new FakeRegion { Faults = [.. Services().Select(service => new FakeFault(service, FaultKind.AccessDenied))] };
        var organization = Organization();
        organization.Members[0] = new FakeMember(denied, "prod");
        await using var fake = await FakeAws.StartAsync(organization);

        // When both regions of the organization are scanned
        var result = Scans.Run(new LiveScanOptions { Regions = [Region, "eu-central-1"], EndpointUrl = fake.Endpoint }, AllAccounts);
        var findings = Scans.Judge(result.Inventory);

        // Then the denied region is an ERROR of every kind there, for that account only, each naming account and region
        var errors = findings.Where(finding => finding.Status == ResultStatus.Error && finding.Resource.Account != Denied).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, finding => Assert.Equal((Prod, "eu-central-1"), (finding.Resource.Account, finding.Resource.Region)));
        Assert.All(errors, finding => Assert.Contains($"{Prod}/eu-central-1", finding.Result.Reason, StringComparison.Ordinal));

        // And the member's other region, and every other account, were read in full
        Assert.Equal(ResultStatus.Fail, Status(findings.Where(finding => finding.Rule.Id == Scans.CmkRule), $"arn:aws:rds:{Region}:{Prod}:cluster:fail_prod"));
        Assert.Equal(ResultStatus.Pass, Status(findings.Where(finding => finding.Rule.Id == Scans.CmkRule), $"arn:aws:rds:{Region}:{Nested}:cluster:pass_nested"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task An_account_handed_over_is_not_kept_so_no_more_inventories_live_than_accounts_in_flight(int limit)
    {
        // Given an organization of four active accounts, scanned at most `limit` at a time
        await using var fake = await FakeAws.StartAsync(Organization());
        var handedOver = new List<WeakReference>();
        var mostAlive = 0;

        // When each account, as it is handed over, counts the inventories of the accounts handed over before it that
        // are still alive after a full collection, and keeps only a weak reference to its own
        Scans.Stream(Options(fake) with { MaxAccountsInFlight = limit }, AllAccounts, (_, scan) =>
        {
            lock (handedOver)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                mostAlive = Math.Max(mostAlive, handedOver.Count(reference => reference.IsAlive));
                handedOver.Add(new WeakReference(scan.Result.Inventory));
            }

            return Task.CompletedTask;
        });

        // Then every account was handed over, and the scanner held none that was done: at most the other accounts
        // still in flight were alive (gathering the accounts for the whole organization would keep all three before the last)
        Assert.Equal(4, handedOver.Count);
        Assert.InRange(mostAlive, 0, limit - 1);
    }

    [Fact]
    public async Task Accounts_handed_over_as_they_finish_gather_into_the_order_chosen_with_each_account_named()
    {
        // Given an organization whose second account listed answers slowly, so that it finishes last
        var organization = Organization();
        organization.Members[0] = new FakeMember(Account(Prod, "fail_prod", kmsKeyArn: null, latency: TimeSpan.FromMilliseconds(300)), "prod");
        await using var fake = await FakeAws.StartAsync(organization);
        var finished = new List<string>();

        // When the accounts are gathered from a scan that hands each over as it finishes
        var gathered = await OrganizationScanResult.GatherAsync(scanned => Task.FromResult(Scans.Stream(Options(fake), AllAccounts, (position, scan) =>
        {
            lock (finished)
            {
                finished.Add(scan.Account);
            }

            return scanned(position, scan);
        })));

        // Then the slow account was handed over last, yet the accounts are in the listing's order, each resource under its account's name
        Assert.Equal(Prod, finished[^1]);
        Assert.Equal([Management, Prod, Denied, Nested], gathered.Accounts.Select(account => account.Account));
        Assert.All(gathered.Inventory.Resources, resource => Assert.Equal(gathered.Accounts.Single(account => account.Account == resource.Account).Name, resource.AccountName));
        Assert.Contains(gathered.Inventory.Resources, resource => resource.AccountName == "nested");
    }

    [Fact]
    public async Task A_listing_throttled_once_is_retried_and_the_scan_is_complete()
    {
        await using var fake = await FakeAws.StartAsync(Organization([new FakeFault("organizations", FaultKind.Throttle, Times: 1, Action: "ListAccounts")]));

        var result = Scans.Run(Options(fake), AllAccounts);

        Assert.Equal(4, result.Accounts.Count);
        Assert.Equal(4, fake.Count("organizations", "ListAccounts"));
    }

    [Fact]
    public async Task A_listing_that_fails_for_good_is_an_error_of_every_kind_and_nothing_passes()
    {
        // Given Organizations throttles every attempt to list the accounts
        await using var fake = await FakeAws.StartAsync(Organization([new FakeFault("organizations", FaultKind.Throttle, Action: "ListAccounts")]));

        // When every account is to be scanned
        var result = Scans.Run(Options(fake), AllAccounts);
        var findings = Scans.Judge(result.Inventory);

        // Then no account is scanned, nothing passes, and every rule's kind is an ERROR naming the listing call
        Assert.DoesNotContain(fake.Calls, call => call.Action == "AssumeRole");
        Assert.NotEmpty(findings);
        Assert.All(findings, finding => Assert.Equal(ResultStatus.Error, finding.Status));
        Assert.All(findings, finding => Assert.Contains("organizations:ListAccounts", finding.Result.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void The_command_line_refuses_role_options_without_accounts_and_accounts_without_a_role()
    {
        var (noAccounts, _, noAccountsError) = ScanAwsCommandTests.Kagi("scan", "aws", "--region", Region, "--role-name", Role);
        var (noRole, _, noRoleError) = ScanAwsCommandTests.Kagi("scan", "aws", "--region", Region, "--all-accounts");
        var (badAccount, _, badAccountError) = ScanAwsCommandTests.Kagi("scan", "aws", "--region", Region, "--account", "12345", "--role-name", Role, "--lang", "ja");

        Assert.Equal((2, 2, 2), (noAccounts, noRole, badAccount));
        Assert.Contains("--all-accounts, --ou or --account", noAccountsError, StringComparison.Ordinal);
        Assert.Contains("--role-name or --role-arn", noRoleError, StringComparison.Ordinal);
        Assert.Contains("'12345' は AWS アカウント ID", badAccountError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_line_reports_each_account_and_exits_one_for_the_account_it_could_not_reach()
    {
        await using var fake = await FakeAws.StartAsync(Organization());

        var (exitCode, output, error) = ScanAwsCommandTests.Kagi(
            "scan", "aws", "--endpoint-url", fake.Endpoint.ToString(), "--region", Region, "--all-accounts", "--role-name", Role, "--format", "json");

        Assert.Equal(1, exitCode);
        var findings = ScanAwsCommandTests.Findings(output);
        Assert.Equal("FAIL", findings[(Scans.CmkRule, $"arn:aws:rds:{Region}:{Prod}:cluster:fail_prod")]);
        Assert.Equal("ERROR", findings[(Scans.CmkRule, $"arn:aws:rds:{Region}:{Denied}:cluster:*")]);

        // Progress tells each account apart, and the note names the suspended account
        Assert.Contains($"kagi: {Prod} (prod): 1 regions", error, StringComparison.Ordinal);
        Assert.Contains(Suspended, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_organization_policy_grants_exactly_what_the_caller_calls_beyond_its_own_account()
    {
        // Given scans through every path: the whole organization, and an organizational unit
        await using var fake = await FakeAws.StartAsync(Organization());
        Scans.Run(Options(fake), AllAccounts);
        Scans.Run(Options(fake), new AccountSelection { OrganizationalUnits = ["ou-fake-outer000"], RoleName = Role });

        // Then what the caller's credentials called beyond a one-account scan is what docs/iam-policy-organization.json grants
        var oneAccount = new HashSet<string>(StringComparer.Ordinal) { "sts:GetCallerIdentity" };
        var called = fake.Calls.Where(call => call.Account == Management && (call.Service is "organizations" || call.Action == "AssumeRole"))
            .Select(call => $"{call.Service}:{call.Action}").ToHashSet(StringComparer.Ordinal);
        var granted = IamPolicyTests.PolicyActions("iam-policy-organization.json");
        Assert.Equal(granted.Order(StringComparer.Ordinal), called.Except(oneAccount).Order(StringComparer.Ordinal));
    }

    private static LiveScanOptions Options(FakeAws fake) => new() { Regions = [Region], EndpointUrl = fake.Endpoint };

    private static ResultStatus Status(IEnumerable<Finding> findings, string id) => findings.Single(finding => finding.Resource.Id == id).Status;

    private static List<string> AssumedAccounts(FakeAws fake) =>
        [.. fake.Calls.Where(call => call.Action == "AssumeRole").Select(call => call.Subject!.Split(':')[4]).Order(StringComparer.Ordinal)];

    internal static FakeOrganization Organization(List<FakeFault>? faults = null) => new()
    {
        Management = Account(Management, "pass_management", Key(Management)),
        Members =
        [
            new FakeMember(Account(Prod, "fail_prod", kmsKeyArn: null), "prod"),
            new FakeMember(Account(Denied, "pass_denied", Key(Denied)), "denied") { DeniesAssumeRole = true },
            new FakeMember(Account(Suspended, "pass_suspended", Key(Suspended)), "old", "SUSPENDED"),
            new FakeMember(Account(Nested, "pass_nested", Key(Nested)), "nested") { Parent = "ou-fake-inner000" },
        ],
        Units = [("ou-fake-outer000", FakeOrganization.Root), ("ou-fake-inner000", "ou-fake-outer000")],
        PageSize = 2,
        Faults = faults ?? [],
    };

    // Every service a scan of one region calls: a service control policy that denies the region denies them all.
    private static IEnumerable<string> Services() =>
        Kagi.Rules.KindCatalog.LiveCollectors.Select(collector => collector.Service.SigningName).Concat(["kms", "tagging", "sts", "ec2"]).Distinct(StringComparer.Ordinal);

    private static string Key(string account) => $"arn:aws:kms:{Region}:{account}:key/{account}-0000-0000-0000-000000000000";

    // One Neptune cluster per account: on a CMK of the account, or with no key (the AWS-managed default).
    internal static FakeScenario Account(string account, string cluster, string? kmsKeyArn, TimeSpan latency = default) => new()
    {
        Account = account,
        Latency = latency,
        Regions =
        {
            [Region] = new FakeRegion
            {
                Clusters = [new FakeCluster(cluster, "neptune", Encrypted: true, kmsKeyArn ?? $"arn:aws:kms:{Region}:{account}:key/aws-managed-{account}")],
                Keys = kmsKeyArn is null
                    ? [new FakeKey($"arn:aws:kms:{Region}:{account}:key/aws-managed-{account}", Manager: "AWS", Alias: "alias/aws/rds")]
                    : [new FakeKey(kmsKeyArn)],
            },
        },
    };
}
