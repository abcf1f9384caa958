using Kagi.Aws.Organizations;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules;

namespace Kagi.Aws.Tests;

/// <summary>Runs a live scan against an emulator, as <c>kagi scan aws --endpoint-url</c> does, and judges it with the shipped rules.</summary>
internal static class Scans
{
    public const string CmkRule = "neptune-cluster-cmk-encryption";
    public const string EncryptedRule = "neptune-cluster-storage-encrypted";

    static Scans() => ExternalProcess.UseDummyCredentials();

    public static AwsScanResult Run(Uri endpoint, IScanProgress? progress = null, params string[] regions) =>
        Run(new LiveScanOptions { Regions = regions, EndpointUrl = endpoint }, progress);

    public static AwsScanResult Run(LiveScanOptions options, IScanProgress? progress = null, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? attemptTimeout = null) =>
        Scanner(progress, environment, attemptTimeout).RunAsync(options, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>A scan of the accounts <paramref name="selection"/> names, from the emulator's management account.</summary>
    public static OrganizationScanResult Run(LiveScanOptions options, AccountSelection selection, IScanProgress? progress = null) =>
        OrganizationScanResult.GatherAsync(scanned => Scanner(progress, environment: null, attemptTimeout: null).RunAsync(options, selection, scanned, CancellationToken.None)).GetAwaiter().GetResult();

    /// <summary>A scan of the accounts <paramref name="selection"/> names, each handed to <paramref name="scanned"/> as it is done.</summary>
    public static IReadOnlyList<ScanDiagnostic> Stream(LiveScanOptions options, AccountSelection selection, AccountScanned scanned) =>
        Scanner(progress: null, environment: null, attemptTimeout: null).RunAsync(options, selection, scanned, CancellationToken.None).GetAwaiter().GetResult();

    private static LiveScan Scanner(IScanProgress? progress, IReadOnlyDictionary<string, string>? environment, TimeSpan? attemptTimeout) =>
        new(KindCatalog.LiveCollectors, name => environment?.GetValueOrDefault(name), TimeProvider.System, progress ?? new RecordingProgress())
        {
            // Quick retries keep fault-injection tests fast; the policy itself is what is tested.
            ConfigureRetry = policy => new RetryPolicy(TimeProvider.System, () => 0.5)
            {
                MaxAttempts = 3,
                BaseDelay = TimeSpan.FromMilliseconds(5),
                AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(5),
            },
        };

    public static IReadOnlyList<Finding> Judge(Inventory inventory, ScanOptions? options = null) =>
        RuleEngine.Run(inventory, RuleCatalog.All, options ?? ScanOptions.Default);

    /// <summary>Each judged resource's status under one rule, by cluster name (or resource ID for what was not read).</summary>
    public static Dictionary<string, ResultStatus> Verdicts(Inventory inventory, string ruleId, ScanOptions? options = null) =>
        Judge(inventory, options).Where(finding => finding.Rule.Id == ruleId)
            .ToDictionary(finding => finding.Resource.Name.IsKnown ? finding.Resource.Name.Value : finding.Resource.Id, finding => finding.Status);

    /// <summary>Each resource's status under one rule in one region, by name; what was not read (an ERROR scope) is left out.</summary>
    public static Dictionary<string, ResultStatus> Verdicts(Inventory inventory, string ruleId, string region) =>
        Judge(inventory)
            .Where(finding => finding.Rule.Id == ruleId && finding.Resource.Region == region && finding.Resource is not UnscannedResource)
            .ToDictionary(finding => finding.Resource.Name.Value, finding => finding.Status);

    /// <summary>The status a scenario resource's name says it must get: <c>pass_…</c>, <c>fail_…</c> or <c>unknown_…</c> (or <c>pass-…</c> …).</summary>
    public static ResultStatus Expected(string name) => SaidBy(name) ?? throw new InvalidOperationException($"unexpected resource name {name}");

    /// <summary>The status a resource's name says it must get; null for a name that says none.</summary>
    public static ResultStatus? SaidBy(string name) => name.Split('_', '-')[0] switch
    {
        "pass" => ResultStatus.Pass,
        "fail" => ResultStatus.Fail,
        "unknown" => ResultStatus.Unknown,
        _ => null,
    };

    /// <summary>Each resource got the status its name says, by name; a failure names the resource and what it got.</summary>
    public static void AssertEachAsNamed(IReadOnlyDictionary<string, ResultStatus> verdicts) =>
        Assert.All(verdicts, verdict => Assert.True(Expected(verdict.Key) == verdict.Value, $"{verdict.Key}: {verdict.Value}"));
}

/// <summary>Keeps what a scan reported, to check the progress display is fed.</summary>
public sealed class RecordingProgress : IScanProgress
{
    private int _calls;
    private int _resources;

    public int Calls => _calls;

    public int Resources => _resources;

    public System.Collections.Concurrent.ConcurrentBag<string> FinishedRegions { get; } = [];

    public void RegionStarted(string region)
    {
    }

    public void CallFinished(string region, AwsService service, string call, bool succeeded) => Interlocked.Increment(ref _calls);

    public void ResourcesFound(string region, string resourceType, int count) => Interlocked.Add(ref _resources, count);

    public void RegionFinished(string region, int failures) => FinishedRegions.Add(region);
}
