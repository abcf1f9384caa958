using Kagi.Cli;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules;
using Kagi.Rules.Aws.Neptune.Clusters;
using Kagi.Store;
using Kagi.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Kagi.Web.Tests;

/// <summary>A fresh store (SQLite file or PostgreSQL schema) seeded with two real scans, and the real server on a free loopback port.</summary>
internal sealed class Dashboard : IAsyncDisposable
{
    public const string HostileResource = "<script>alert(1)</script>";

    /// <summary>The alias of the one key pending deletion: a name that would run if rendered as markup.</summary>
    public const string HostileAlias = "alias/<img src=x onerror=alert(2)>";

    /// <summary>The name the organization gives the account of the latest scan's clusters, but the audit cluster's.</summary>
    public const string HostileAccountName = "<script>alert(3)</script>";

    /// <summary>The account of the audit cluster (us-east-1), named <see cref="AuditAccountName"/>.</summary>
    public const string AuditAccount = "444455556666";

    public const string AuditAccountName = "audit";

    /// <summary>An access token long enough to be accepted.</summary>
    public const string Token = "s3cret-token-for-tests";

    public const string RuleId = "neptune-cluster-cmk-encryption";

    /// <summary>The cluster identifier of the one Terraform finding, whose ID is its address.</summary>
    public const string TerraformClusterName = "orders-graph-tf";

    private readonly WebApplication _app;
    private readonly string _directory;

    private Dashboard(WebApplication app, string directory, StoreLocation location, Uri address, string hostileFingerprint)
    {
        _app = app;
        _directory = directory;
        Location = location;
        Address = address;
        HostileFingerprint = hostileFingerprint;
    }

    public StoreLocation Location { get; }

    public Uri Address { get; }

    public string HostileFingerprint { get; }

    /// <param name="jobs">Mounts the jobs dashboard as the JIT build's <c>kagi serve</c> does: on PostgreSQL only.</param>
    public static async Task<Dashboard> StartAsync(string? token = null, StoreKind kind = StoreKind.Sqlite, TimeProvider? time = null, IReadOnlyList<string>? allowedHosts = null, bool jobs = false)
    {
        var directory = Path.Combine(Path.GetTempPath(), "kagi-web-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var location = kind == StoreKind.Sqlite ? new StoreLocation(StoreKind.Sqlite, Path.Combine(directory, "kagi.db")) : TestStores.NewLocation(kind);
        string hostile;
        using (var store = FindingStore.Open(location, TimeProvider.System))
        {
            // Real verdicts of the real rule, so the pages show the evidence and fixes a scan would.
            var cmk = LiveResources.Key("cmk", KeyManager.Customer);
            var awsManaged = LiveResources.Key("aws-rds", KeyManager.Aws);
            var hostileFinding = Judge(Cluster(HostileResource, null) with { Tags = Fact.Known<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { ["owner"] = HostileResource }) });
            hostile = hostileFinding.Fingerprint;
            // A Terraform scan first, so the live scans stay the latest pair the overview compares.
            var planned = Cluster(TerraformClusterName, awsManaged) with
            {
                Id = "aws_neptune_cluster.graph",
                Account = null,
                Location = new SourceLocation("infra/main.tf", 12),
                Declaration = new SourceAddress(ResourceSources.Terraform, "aws_neptune_cluster", "graph"),
            };
            store.SaveScan(Report([Judge(planned)]) with { Source = ScanSource.Iac, Targets = ["infra"] });
            store.SaveScan(Report([Judge(Cluster("orders", awsManaged)), Judge(Cluster("billing", cmk))]), Keys(Cluster("orders", awsManaged), Cluster("billing", cmk), awsManaged, cmk));

            // The latest scan: aws-rds protects two clusters, the CMK one, and a key with a hostile alias is pending deletion.
            var retiring = LiveResources.Key("retiring", KeyManager.Customer) with
            {
                Aliases = Fact.Known<IReadOnlyList<string>>([HostileAlias]),
                State = Fact.Known("PendingDeletion"),
                DeletionDate = Fact.Known<string?>("2027-01-15T00:00:00Z"),
            };
            // It is of the organization: its clusters' account is named, and the audit cluster is in an account of its own.
            var audit = Cluster("audit", awsManaged, "us-east-1") with
            {
                Id = $"arn:aws:rds:us-east-1:{AuditAccount}:cluster:audit",
                Account = AuditAccount,
                AccountName = AuditAccountName,
            };
            store.SaveScan(
                Report([.. new[] { Judge(Cluster("orders", cmk)), Judge(Cluster("billing", awsManaged)), hostileFinding }.Select(InHostileAccount), Judge(audit)]),
                Keys(Cluster("orders", cmk), Cluster("billing", awsManaged), audit, awsManaged, cmk, retiring));
        }

        var (options, error) = DashboardOptions.Create(location, "127.0.0.1:0", token, allowedHosts);
        Assert.Null(error);
        var app = DashboardServer.Build(options! with { Jobs = jobs ? DistributedMode.JobsDashboard(location) : null }, time ?? TimeProvider.System);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Dashboard(app, directory, location, new Uri(address), hostile);
    }

    /// <summary>Closes the server's store under it, as a lost database connection would.</summary>
    public void CloseStore() => _app.Services.GetRequiredService<StoreGate>().Dispose();

    /// <summary>Every mute the store holds, lifted ones too, read through a connection of its own.</summary>
    public IReadOnlyList<MuteRule> Mutes()
    {
        using var store = FindingStore.Open(Location, TimeProvider.System);
        return store.Mutes(includeInactive: true);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    // The keys of a scan's resources as a real scan stores them: joined to their dependents, the policy judged.
    private static IReadOnlyList<ScanKey> Keys(params CloudResource[] resources) =>
        [.. StoredKeys.Of(new Inventory(resources, [])).Select(StoredKeys.ToStored)];

    private static Finding Judge(NeptuneCluster cluster) => LiveResources.Judge(RuleCatalog.Find(RuleId)!, cluster);

    private static Finding InHostileAccount(Finding finding) => finding with { Resource = finding.Resource with { AccountName = HostileAccountName } };

    // A null key: the cluster is not encrypted at all.
    private static NeptuneCluster Cluster(string name, KmsKey? key, string region = "eu-west-1") =>
        LiveResources.Cluster(name, key is null ? new KeyReference.ServiceDefault() : new KeyReference.Described(key), encrypted: key is not null, region);

    private static ScanReport Report(IReadOnlyList<Finding> findings) => new()
    {
        Source = ScanSource.Aws,
        Targets = ["account 111122223333", "eu-west-1", "us-east-1"],
        StartedAt = DateTimeOffset.UtcNow,
        FinishedAt = DateTimeOffset.UtcNow,
        Findings = findings,
        Diagnostics = [],
        Options = ScanOptions.Default,
    };
}
