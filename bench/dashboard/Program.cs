using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules;
using Kagi.Rules.Aws.Neptune.Clusters;
using Kagi.Store;
using Kagi.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

// The dashboard on a store that follows FINDINGS failing findings: each page's response time over HTTP, as a browser
// would ask for it. Usage: dotnet run -c Release -- sqlite|postgres [FINDINGS] [POSTGRES-CONNECTION-STRING]
var kind = args.Length > 0 && args[0] == "postgres" ? StoreKind.Postgres : StoreKind.Sqlite;
var wanted = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
var location = kind == StoreKind.Sqlite
    ? new StoreLocation(StoreKind.Sqlite, Path.Combine(Directory.CreateTempSubdirectory("kagi-bench-dashboard-").FullName, "kagi.db"))
    : BenchStores.FreshSchema(args.Length > 2 ? args[2] : Environment.GetEnvironmentVariable("KAGI_TEST_POSTGRES") ?? throw new InvalidOperationException("give a PostgreSQL connection string"), "bench_dashboard");

var regions = new[] { "eu-west-1", "us-east-1", "ap-northeast-1", "eu-central-1", "us-west-2" };
var seeding = Stopwatch.StartNew();
string someFingerprint;
long followed;
using (var store = FindingStore.Open(location, TimeProvider.System))
{
    // Two daily scans, the second with a few clusters fixed, so the overview has new and resolved findings to show.
    var (first, firstKeys) = Scan(fixedEvery: 0);
    store.SaveScan(first, firstKeys);
    var (second, secondKeys) = Scan(fixedEvery: 50);
    store.SaveScan(second, secondKeys);
    someFingerprint = first.Findings.First(finding => finding.Status == ResultStatus.Fail).Fingerprint;

    // Mutes of every kind, as a team accumulates them: a rule, fingerprints, and resource globs.
    store.Mute(MuteKind.Rule, "neptune-cluster-multi-az", "single-AZ by design in dev", null, "bench");
    foreach (var finding in first.Findings.Where(finding => finding.Status == ResultStatus.Fail).Take(20))
    {
        store.Mute(MuteKind.Fingerprint, finding.Fingerprint[..12], "accepted", null, "bench");
    }

    for (var glob = 0; glob < 20; glob++)
    {
        store.Mute(MuteKind.Resource, $"arn:aws:rds:*:*:cluster:graph-{glob:D2}*", "sandbox clusters", null, "bench");
    }

    followed = store.PageFindings(new FindingQuery(), null, FindingSort.Changed, descending: true, 0, 1).Total;
}

Console.Error.WriteLine($"seeded {followed} findings in {seeding.Elapsed.TotalSeconds:F1} s");
var (options, error) = DashboardOptions.Create(location, "127.0.0.1:0", null);
if (options is null)
{
    throw new InvalidOperationException(error);
}

await using var app = DashboardServer.Build(options, TimeProvider.System);
await app.StartAsync();
var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
using var http = new HttpClient { BaseAddress = address };

var pages = new (string Name, string Path)[]
{
    ("overview", "/"),
    ("findings, first page (by severity)", "/findings"),
    ("findings, page 1,000 (offset 49,950)", "/findings?page=1000"),
    ("findings, region + severity", "/findings?region=eu-west-1&severity=high"),
    ("findings, text search", "/findings?q=graph-04242"),
    ("findings, muted (41 mutes incl. 20 globs)", "/findings?status=muted"),
    ("findings, not resolved, sorted by resource", "/findings?status=open&sort=resource&dir=asc"),
    ("finding detail", "/findings/" + someFingerprint),
    ($"keys, all {CustomerKeys + 1:N0} of the latest scan", "/keys"),
    ("keys, customer keys by name", "/keys?level=customer&sort=key&dir=asc"),
    ("one key: aws/rds and its 14,286 clusters", "/key?scan=2&key=" + Uri.EscapeDataString(AwsRdsArn)),
};

Console.WriteLine($"| page ({kind}, {followed:N0} findings) | median | best | rows on page |");
Console.WriteLine("| --- | --- | --- | --- |");
foreach (var (name, path) in pages)
{
    var times = new List<double>();
    string body = string.Empty;
    for (var run = 0; run < 6; run++)
    {
        var watch = Stopwatch.StartNew();
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        body = await response.Content.ReadAsStringAsync();
        watch.Stop();
        response.EnsureSuccessStatusCode();
        if (run > 0)
        {
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
    }

    times.Sort();
    var rows = ListRow().Count(body);
    if (path.StartsWith("/findings", StringComparison.Ordinal) && !path.StartsWith("/findings/", StringComparison.Ordinal) && rows == 0)
    {
        throw new InvalidOperationException($"{path} listed no findings: the bench would time an empty page");
    }

    if (path.StartsWith("/key", StringComparison.Ordinal) && rows == 0)
    {
        Console.Error.WriteLine($"bench: {name} listed no keys or dependents");
        return 1;
    }

    if (path.StartsWith("/findings/", StringComparison.Ordinal) && !body.Contains("id=\"evidence\"", StringComparison.Ordinal))
    {
        throw new InvalidOperationException($"{path} is not a finding's page");
    }

    if (Environment.GetEnvironmentVariable("KAGI_BENCH_DUMP") is { Length: > 0 } dump && path.Contains(dump, StringComparison.Ordinal))
    {
        Console.Error.WriteLine(body);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {times[times.Count / 2]:F0} ms | {times[0]:F0} ms | {rows} |"));
}

await app.StopAsync();
return 0;

// Seven failing rules per cluster: on aws/rds, one day of backups, no deletion protection, IAM auth, audit log,
// tag copying or Multi-AZ. The scan's keys: aws/rds protecting every cluster, and 5,000 customer keys protecting nothing.
(ScanReport Report, IReadOnlyList<ScanKey> Keys) Scan(int fixedEvery)
{
    const int FailingRulesPerCluster = 7;
    var awsManaged = new KmsKey
    {
        Id = "arn:aws:kms:eu-west-1:111122223333:key/aws-rds",
        Name = Fact.Known("aws/rds"),
        Account = "111122223333",
        Region = "eu-west-1",
        Arn = Fact.Known(AwsRdsArn),
        Manager = Fact.Known(KeyManager.Aws),
        InCustomKeyStore = Fact.Known(false),
    };
    var clusters = new List<CloudResource>();
    for (var i = 0; clusters.Count * FailingRulesPerCluster < wanted; i++)
    {
        var region = regions[i % regions.Length];
        var isFixed = fixedEvery > 0 && i % fixedEvery == 0;
        clusters.Add(new NeptuneCluster
        {
            Id = $"arn:aws:rds:{region}:111122223333:cluster:graph-{i:D5}",
            Name = Fact.Known($"graph-{i:D5}"),
            Account = "111122223333",
            Region = region,
            StorageEncrypted = Fact.Known(true),
            KmsKeyId = Fact.Known<string?>(awsManaged.Arn.Value),
            Key = new KeyReference.Described(awsManaged),
            DeletionProtection = Fact.Known(isFixed),
            BackupRetentionPeriod = Fact.Known(isFixed ? 7 : 1),
            IamDatabaseAuthentication = Fact.Known(isFixed),
            EnabledCloudwatchLogsExports = Fact.Known<IReadOnlyList<string>>(isFixed ? ["audit"] : []),
            CopyTagsToSnapshot = Fact.Known(isFixed),
            MultiAz = Fact.Known(false),
        });
    }

    var customerKeys = Enumerable.Range(0, CustomerKeys).Select(index => new KmsKey
    {
        Id = $"arn:aws:kms:{regions[index % regions.Length]}:111122223333:key/cmk-{index:D4}",
        Name = Fact.Known($"cmk-{index:D4}"),
        Account = "111122223333",
        Region = regions[index % regions.Length],
        Arn = Fact.Known($"arn:aws:kms:{regions[index % regions.Length]}:111122223333:key/cmk-{index:D4}"),
        Manager = Fact.Known(KeyManager.Customer),
        InCustomKeyStore = Fact.Known(false),
        State = Fact.Known(index % 100 == 0 ? "PendingDeletion" : "Enabled"),
        Aliases = Fact.Known<IReadOnlyList<string>>([$"alias/app-{index:D4}"]),
    });
    var keys = StoredKeys.Of(new Inventory([.. clusters, awsManaged, .. customerKeys], [])).Select(StoredKeys.ToStored).ToList();
    return (new ScanReport
    {
        Source = ScanSource.Aws,
        Targets = [.. regions.Prepend("account 111122223333")],
        StartedAt = DateTimeOffset.UtcNow,
        FinishedAt = DateTimeOffset.UtcNow,
        Findings = RuleEngine.Run(new Inventory(clusters, []), RuleCatalog.All, ScanOptions.Default),
        Diagnostics = [],
        Options = ScanOptions.Default,
    }, keys);
}

internal static partial class Program
{
    private const int CustomerKeys = 5_000;

    private const string AwsRdsArn = "arn:aws:kms:eu-west-1:111122223333:key/0c1d2e3f-aaaa-bbbb-cccc-123456789012";

    [GeneratedRegex("<tr class=\"(finding|key|dependent)")]
    private static partial Regex ListRow();
}
