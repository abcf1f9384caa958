using System.Diagnostics;
using System.Globalization;
using Kagi.Aws;
using Kagi.Aws.Organizations;
using Kagi.Core.Findings;
using Kagi.Core.Rules;
using Kagi.Rules;

/// <summary>
/// A scan of a whole organization (<c>kagi scan aws --all-accounts --all-regions</c>) against the fake with latency:
/// wall time, CPU time, peak memory, and the calls against the minimum (the listing's pages, one AssumeRole per member,
/// and each account's own minimum: the calls of the same estate scanned alone, which the one-account bench shows to make
/// each call once). Each account is checked and judged as the scan hands it over, and then dropped: the peak memory is
/// the streaming scan's, not a gathered organization's. Usage: bench/aws/run.sh org [accounts] [regions] [per-kind] [keys] [latency-ms] [accounts-in-flight]
/// </summary>
internal static class OrganizationBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var accounts = Argument(args, 0, 200);
        var regions = Argument(args, 1, 17);
        var perKind = Argument(args, 2, 20);
        var keysPerRegion = Argument(args, 3, 10);
        var latency = Argument(args, 4, 50);
        var accountsInFlight = Argument(args, 5, OrganizationScanner.DefaultMaxAccountsInFlight);
        var estate = new BenchEstate(regions, perKind, keysPerRegion);
        Console.WriteLine($"organization: {accounts} accounts x {regions} regions x {BenchEstate.Kinds.Count} kinds x {perKind} resources x {keysPerRegion} keys = {accounts * estate.Resources:N0} resources, {latency} ms latency per call, {Environment.ProcessorCount} cores");

        // One account alone first: it warms up the JIT and the connection pools, and its calls are each account's minimum.
        FakeCalls alone;
        using (var fake = new FakeProcess([regions, perKind, keysPerRegion, latency]))
        {
            var endpoint = await fake.StartAsync();
            estate.Check((await Scan().RunAsync(Options(endpoint), CancellationToken.None)).Inventory);
            alone = await fake.StopAsync();
        }

        using var organization = new FakeProcess([regions, perKind, keysPerRegion, latency, accounts]);
        var served = await organization.StartAsync();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        // Each account is checked and judged as it is handed over, then dropped, as a streaming consumer would.
        var verdicts = 0L;
        var handedOver = 0;
        var notes = await Scan().RunAsync(Options(served) with { MaxAccountsInFlight = accountsInFlight }, new AccountSelection { AllAccounts = true, RoleName = BenchOrganization.Role }, (_, scan) =>
        {
            estate.Check(scan.Inventory);
            var judged = RuleEngine.Run(scan.Inventory, RuleCatalog.All, ScanOptions.Default).Count;
            Interlocked.Add(ref verdicts, judged);
            Interlocked.Increment(ref handedOver);
            return Task.CompletedTask;
        }, CancellationToken.None);
        watch.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        if (handedOver != accounts || notes.Count > 0)
        {
            throw new InvalidOperationException($"{handedOver} of {accounts} accounts handed over, {notes.Count} notes");
        }

        var calls = await organization.StopAsync();

        var minimum = BenchOrganization.ListingPages(accounts) + (accounts - 1) + (accounts * alone.Calls);
        Console.WriteLine();
        Console.WriteLine("| measure | value |");
        Console.WriteLine("| --- | --- |");
        Console.WriteLine($"| organization | {accounts} accounts x {regions} regions x {BenchEstate.Kinds.Count} kinds x {perKind} resources x {keysPerRegion} keys ({accounts * estate.Resources:N0} resources), {latency} ms per call |");
        Console.WriteLine($"| accounts in flight at most | {accountsInFlight} |");
        Console.WriteLine($"| what is done with each account as it is handed over | checked, judged by every rule ({verdicts:N0} verdicts in all), dropped |");
        Console.WriteLine($"| wall time | {watch.Elapsed.TotalSeconds:F2} s |");
        Console.WriteLine($"| CPU time of the scanner | {cpu.TotalSeconds:F2} s |");
        Console.WriteLine($"| CPU time of the fake (its own process) | {calls.CpuMilliseconds / 1000:F2} s |");
        Console.WriteLine($"| peak RSS of the scanner's process | {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MiB |");
        Console.WriteLine($"| API calls / minimum ({BenchOrganization.ListingPages(accounts)} ListAccounts pages + {accounts - 1} AssumeRole + {accounts} x {alone.Calls:N0} per account) | {calls.Calls:N0} / {minimum:N0} |");
        Console.WriteLine($"| repeated calls (same action, region and key or page) | {calls.Repeated} |");
        Console.WriteLine();
        Console.WriteLine("| service | action | calls | one account alone |");
        Console.WriteLine("| --- | --- | --- | --- |");
        foreach (var (action, count) in calls.CallsByAction.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"| {action.Replace(" ", " | ", StringComparison.Ordinal)} | {count:N0} | {alone.CallsByAction.GetValueOrDefault(action):N0} |");
        }

        return calls.Repeated == 0 ? 0 : 1;
    }

    private static LiveScan Scan() => new(KindCatalog.LiveCollectors, Environment.GetEnvironmentVariable, TimeProvider.System, new SilentProgress());

    private static LiveScanOptions Options(Uri endpoint) => new() { AllRegions = true, EndpointUrl = endpoint, Regions = ["us-east-1"] };

    private static int Argument(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
}
