using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules;
using Kagi.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Kagi.Web.Tests;

/// <summary>A temp SQLite store seeded through the store API, and the real server on a free loopback port.</summary>
internal sealed class Dashboard : IAsyncDisposable
{
    public const string HostileResource = "<script>alert(1)</script>";

    private readonly WebApplication _app;
    private readonly string _directory;

    private Dashboard(WebApplication app, string directory, Uri address, string hostileFingerprint)
    {
        _app = app;
        _directory = directory;
        Address = address;
        HostileFingerprint = hostileFingerprint;
    }

    public Uri Address { get; }

    public string HostileFingerprint { get; }

    public static async Task<Dashboard> StartAsync(string? token = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "kagi-web-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var location = new StoreLocation(StoreKind.Sqlite, Path.Combine(directory, "kagi.db"));
        string hostile;
        using (var store = FindingStore.Open(location, TimeProvider.System))
        {
            var rule = RuleCatalog.Find("neptune-cluster-cmk-encryption")!.Metadata;
            var hostileFinding = Live(rule, HostileResource, ResultStatus.Fail);
            hostile = hostileFinding.Fingerprint;
            store.SaveScan(Report([Live(rule, "orders", ResultStatus.Fail), Live(rule, "billing", ResultStatus.Pass)]));
            store.SaveScan(Report([Live(rule, "orders", ResultStatus.Pass), Live(rule, "billing", ResultStatus.Fail), hostileFinding, Live(rule, "audit", ResultStatus.Fail, "us-east-1")]));
        }

        var (options, error) = DashboardOptions.Create(location, "127.0.0.1:0", token);
        Assert.Null(error);
        var app = DashboardServer.Build(options!, TimeProvider.System);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Dashboard(app, directory, new Uri(address), hostile);
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

    private static Finding Live(RuleMetadata rule, string name, ResultStatus status, string region = "eu-west-1") =>
        new(rule, new TestResource
        {
            Id = $"arn:aws:rds:{region}:111122223333:cluster:{name}",
            Name = Fact.Known(name),
            Region = region,
            Account = "111122223333",
        }, new RuleResult(status, rule.Messages.Keys.First(), new Dictionary<string, string?>()));

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

    private sealed record TestResource : CloudResource
    {
        public override string Type => "AWS::Neptune::DBCluster";
    }
}
