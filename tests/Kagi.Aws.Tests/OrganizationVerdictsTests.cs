using System.Text;
using System.Text.Json;
using Kagi.Aws.Organizations;
using Kagi.Aws.Tests.Cli;
using Kagi.Aws.Tests.Fake;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Reporting;
using Kagi.Rules;
using Kagi.Rules.Aws.Ebs.Volumes;
using Kagi.Store;
using Kagi.Testing;

namespace Kagi.Aws.Tests;

/// <summary>
/// An organization judged account by account as each account's scan is handed over, its resources kept on disk: the
/// verdicts and findings must be those of the same organization gathered whole and judged at once, keys must list what
/// they protect in any account, and the store and reports must read it as they read any scan.
/// </summary>
public sealed class OrganizationVerdictsTests
{
    private const string Region = OrganizationScanTests.Region;
    private const string Management = OrganizationScanTests.Management;
    private const string Prod = OrganizationScanTests.Prod;
    private const string Nested = OrganizationScanTests.Nested;
    private const string Role = OrganizationScanTests.Role;

    [Fact]
    public async Task Judged_account_by_account_the_verdicts_are_those_of_the_organization_judged_whole()
    {
        // Given the fake organization (a FAIL, PASSes, and an account whose role is denied: ERRORs of unread scopes)
        await using var fake = await FakeAws.StartAsync(OrganizationScanTests.Organization());
        var gathered = Scans.Run(Options(fake), OrganizationScanTests.AllAccounts);
        var expected = Scans.Judge(gathered.Inventory).Select(Described).Order().ToList();

        // When each account is judged on its own, in the reverse of the order chosen
        using var verdicts = new OrganizationVerdicts(KindCatalog.Kinds, RuleCatalog.All, ScanOptions.Default);
        foreach (var (account, position) in gathered.Accounts.Select((account, position) => (account, position)).Reverse())
        {
            verdicts.Add(position, account.Inventory);
        }

        verdicts.Complete(gathered.Notes);

        // Then every verdict is the one the whole organization gets: rule, resource, status, reason and fingerprint
        var actual = verdicts.Select(Described).Order().ToList();
        Assert.Equal(expected, actual);
        Assert.Contains(verdicts, finding => finding.Status == ResultStatus.Fail);
        Assert.Contains(verdicts, finding => finding.Status == ResultStatus.Pass);
        Assert.Contains(verdicts, finding => finding.Status == ResultStatus.Error);

        // And the key rules that read what a key protects judged each key with its dependents known
        Assert.Contains(verdicts, finding => finding.Rule.Id == "kms-key-in-use-usable" && finding.Status == ResultStatus.Pass);

        // And what is kept of each verdict in memory agrees with its finding, judged again from the disk
        for (var index = 0; index < verdicts.Count; index++)
        {
            var finding = verdicts[index];
            Assert.Equal(finding.Fingerprint, verdicts.FingerprintAt(index));
            Assert.Equal(finding.Status, verdicts.StatusAt(index));
            Assert.Equal(finding.Resource is UnscannedResource, verdicts.IsUnreadAt(index));
            Assert.Equal((finding.Resource.Account, finding.Resource.Region), verdicts.PlaceAt(index));
        }
    }

    [Fact]
    public async Task A_key_lists_what_it_protects_in_another_account_and_what_the_tag_filter_leaves_out_is_kept_but_not_judged()
    {
        // Given the management account's key, protecting a volume in the prod account, and a second volume there that
        // the scan's tag filter leaves out
        var (management, key, prod) = await ManagementKeyAndProd();
        var judgedVolume = Volume("vol-judged", key, "payments");
        var leftOutVolume = Volume("vol-left-out", key, "sandbox");
        var options = ScanOptions.Default with { Tags = new TagFilter { Excluded = [new TagCondition("team", "sandbox")] } };

        // When the accounts are judged one by one, the prod account with the two volumes
        using var verdicts = new OrganizationVerdicts(KindCatalog.Kinds, RuleCatalog.All, options);
        verdicts.Add(0, management);
        verdicts.Add(1, prod with { Resources = [.. prod.Resources, judgedVolume, leftOutVolume] });

        // Then the key lists the volume of the other account it protects, and not the one left out of the scan
        var joined = verdicts.Complete([]).Resources.OfType<KmsKey>().Single(summary => summary.Id == key.Id);
        var dependents = joined.Dependents.Value.Select(dependent => dependent.Id).ToList();
        Assert.Contains(judgedVolume.Id, dependents);
        Assert.DoesNotContain(leftOutVolume.Id, dependents);
        Assert.Contains(dependents, dependent => dependent.Contains($":{Management}:cluster:", StringComparison.Ordinal));

        // And only the volume the filter selects is judged, while both are kept for the saved inventory
        var judgedIds = verdicts.Select(finding => finding.Resource.Id).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(judgedVolume.Id, judgedIds);
        Assert.DoesNotContain(leftOutVolume.Id, judgedIds);
        Assert.Contains(leftOutVolume.Id, verdicts.Resources().Select(resource => resource.Id));
    }

    [Fact]
    public async Task A_key_read_in_two_accounts_lists_what_it_protects_in_both_copies()
    {
        // Given the management account's key, listed there and described again by the prod account, whose volume it
        // protects (a scan adds a key it described but did not list)
        var (management, key, prod) = await ManagementKeyAndProd();
        var volume = Volume("vol-on-shared-key", key, "payments");

        // When the accounts are judged one by one
        using var verdicts = new OrganizationVerdicts(KindCatalog.Kinds, RuleCatalog.All, ScanOptions.Default);
        verdicts.Add(0, management);
        verdicts.Add(1, prod with { Resources = [.. prod.Resources, key, volume] });

        // Then both copies of the key list the same dependents, the volume among them, and neither is judged unused
        var copies = verdicts.Complete([]).Resources.OfType<KmsKey>().Where(summary => summary.Id == key.Id).ToList();
        Assert.Equal(2, copies.Count);
        Assert.All(copies, copy => Assert.Contains(volume.Id, copy.Dependents.Value.Select(dependent => dependent.Id)));
        Assert.Equal(copies[0].Dependents.Value.Select(dependent => dependent.Id), copies[1].Dependents.Value.Select(dependent => dependent.Id));
        Assert.DoesNotContain(verdicts, finding => finding.Resource.Id == key.Id && finding.Rule.Id == "kms-key-unused" && finding.Status == ResultStatus.Fail);
    }

    [Fact]
    public async Task Findings_of_one_rule_and_status_are_listed_account_by_account_in_the_order_chosen()
    {
        // Given two accounts whose clusters both pass, the nested account chosen first although its ID sorts last
        await using var fake = await FakeAws.StartAsync(OrganizationScanTests.Organization());
        var gathered = Scans.Run(Options(fake), OrganizationScanTests.AllAccounts);
        using var verdicts = new OrganizationVerdicts(KindCatalog.Kinds, RuleCatalog.All, ScanOptions.Default);
        verdicts.Add(1, gathered.Accounts.Single(account => account.Account == Management).Inventory);
        verdicts.Add(0, gathered.Accounts.Single(account => account.Account == Nested).Inventory);
        var summary = verdicts.Complete([]);

        // When the report is written
        using var csv = new StringWriter();
        ReportWriters.Find("csv")!.Write(Report(verdicts, summary), csv);

        // Then the nested account's cluster comes before the management account's in the rule's PASS rows
        var clusters = csv.ToString().Split('\n')
            .Where(row => row.Contains(Scans.CmkRule, StringComparison.Ordinal) && row.Contains("\"PASS\"", StringComparison.Ordinal))
            .Select(row => row.Contains(Nested, StringComparison.Ordinal) ? Nested : Management)
            .ToList();
        Assert.Equal([Nested, Management], clusters);
    }

    [Fact]
    public async Task The_resources_wait_on_disk_in_a_private_directory_come_back_as_scanned_and_are_removed_at_the_end()
    {
        // Given the organization, the prod account with a volume on EBS's default key too (a key known only by name),
        // judged account by account in the order chosen
        await using var fake = await FakeAws.StartAsync(OrganizationScanTests.Organization());
        var scanned = Scans.Run(Options(fake), OrganizationScanTests.AllAccounts);
        var accounts = scanned.Accounts.Select(account => account.Account == Prod
            ? account.Inventory with { Resources = [.. account.Inventory.Resources, Volume("vol-default", new KeyReference.ServiceDefault(), "payments")] }
            : account.Inventory).ToList();
        var gathered = new Inventory([.. accounts.SelectMany(account => account.Resources)], [.. scanned.Notes, .. accounts.SelectMany(account => account.Diagnostics)])
        {
            Unscanned = [.. accounts.SelectMany(account => account.Unscanned)],
        };
        var verdicts = new OrganizationVerdicts(KindCatalog.Kinds, RuleCatalog.All, ScanOptions.Default);
        var directory = verdicts.SpillLocation;
        foreach (var (account, position) in accounts.Select((account, position) => (account, position)))
        {
            verdicts.Add(position, account);
        }

        // Then the directory the resources wait in is the user's alone (on Linux, where CI runs)
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, OperatingSystem.IsWindows() ? default : File.GetUnixFileMode(directory));

        // And the resources read back from it save as the inventory gathered whole saves, record for record
        var summary = verdicts.Complete(scanned.Notes);
        Assert.Equal(Saved(gathered.Resources, gathered), Saved(verdicts.Resources(), summary));

        // And every verdict is the gathered organization's, the volume on a key known only by name judged too
        Assert.Equal(Scans.Judge(gathered).Select(Described).Order().ToList(), verdicts.Select(Described).Order().ToList());
        Assert.Contains(verdicts, finding => finding.Resource.Id.EndsWith("vol-default", StringComparison.Ordinal));

        // And the key inventory the store and the reports read from the summary is the organization's gathered whole:
        // each key with what it protects in any account, and the keys known only by name (AWS-managed ones) with theirs
        var expectedKeys = KeyRows(gathered);
        Assert.Equal(expectedKeys, KeyRows(summary));
        Assert.Contains(expectedKeys, row => row.StartsWith("alias/aws/ebs", StringComparison.Ordinal) && row.Contains("vol-default", StringComparison.Ordinal));

        // And nothing is left on disk once the scan is done
        verdicts.Dispose();
        Assert.False(Directory.Exists(directory));
    }

    [Fact]
    public async Task The_command_line_stores_the_organization_judged_account_by_account_with_the_counts_it_reports()
    {
        ExternalProcess.UseDummyCredentials();

        // Given the fake organization, scanned into a store of its own with a JSON report
        await using var fake = await FakeAws.StartAsync(OrganizationScanTests.Organization());
        var folder = Directory.CreateTempSubdirectory("kagi-org-store-");
        try
        {
            var store = Path.Combine(folder.FullName, "kagi.db");
            var (exitCode, output, error) = ScanAwsCommandTests.Kagi(
                "scan", "aws", "--endpoint-url", fake.Endpoint.ToString(), "--region", Region, "--all-accounts", "--role-name", Role,
                "--format", "json", "--store", store);
            Assert.True(exitCode == 1, error);

            // Then the stored scan counts what the report lists, status by status
            var reported = ScanAwsCommandTests.Findings(output);
            using var opened = FindingStore.OpenForReading(StoreLocation.Parse(store), TimeProvider.System);
            var scan = Assert.Single(opened.Scans());
            foreach (var status in new[] { ResultStatus.Pass, ResultStatus.Fail, ResultStatus.Error })
            {
                Assert.Equal(reported.Values.Count(value => value == status.ToName()), scan.Counts[status]);
            }

            // And the prod cluster's failure is tracked under its account and the name Organizations gives it
            var prod = Assert.Single(opened.ListFindings(new FindingQuery { RuleId = Scans.CmkRule }), finding => finding.Account == Prod);
            Assert.Equal(($"arn:aws:rds:{Region}:{Prod}:cluster:fail_prod", "prod"), (prod.ResourceId, prod.AccountName));
            Assert.Contains(scan.Targets, target => target == $"account {Prod} (prod)");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static LiveScanOptions Options(FakeAws fake) => new() { Regions = [Region], EndpointUrl = fake.Endpoint };

    private static string Described(Finding finding) =>
        $"{finding.Rule.Id} {finding.Resource.Id} {finding.Status} {finding.Fingerprint} {finding.Result.Reason}";

    // The fake organization scanned: the management account's inventory and a key of its own, and the prod account's.
    private static async Task<(Inventory Management, KmsKey Key, Inventory Prod)> ManagementKeyAndProd()
    {
        await using var fake = await FakeAws.StartAsync(OrganizationScanTests.Organization());
        var gathered = Scans.Run(Options(fake), OrganizationScanTests.AllAccounts);
        var management = gathered.Accounts.Single(account => account.Account == Management).Inventory;
        var key = management.Resources.OfType<KmsKey>().First(key => key.Id.Contains(Management, StringComparison.Ordinal));
        return (management, key, gathered.Accounts.Single(account => account.Account == Prod).Inventory);
    }

    private static EbsVolume Volume(string id, KmsKey key, string team) => Volume(id, new KeyReference.Described(key), team) with { KmsKeyId = Fact.Known<string?>(key.Id) };

    private static EbsVolume Volume(string id, KeyReference key, string team) => new()
    {
        Id = $"arn:aws:ec2:{Region}:{Prod}:volume/{id}",
        Name = Fact.Known(id),
        Region = Region,
        Account = Prod,
        Tags = Fact.Known<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>(StringComparer.Ordinal) { ["team"] = team }),
        StorageEncrypted = Fact.Known(true),
        KmsKeyId = Fact.Known<string?>(null),
        Key = key,
    };

    private static ScanReport Report(VerdictSet verdicts, Inventory summary) => new()
    {
        Source = ScanSource.Aws,
        Targets = [],
        StartedAt = DateTimeOffset.UnixEpoch,
        FinishedAt = DateTimeOffset.UnixEpoch,
        Findings = verdicts,
        Diagnostics = summary.Diagnostics,
        Options = ScanOptions.Default,
        Inventory = summary,
    };

    private static List<string> KeyRows(Inventory inventory) =>
        [.. Kagi.Web.StoredKeys.Of(inventory).Select(Kagi.Web.StoredKeys.ToStored).Select(key => $"{key.Key} {key.Account} {key.Region} {key.Level} {key.State} {key.Detail}")];

    private static string Saved(IEnumerable<CloudResource> resources, Inventory inventory)
    {
        using var stream = new MemoryStream();
        InventoryFile.Write(stream, "aws", [], resources, inventory.Unscanned, inventory.Diagnostics);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
