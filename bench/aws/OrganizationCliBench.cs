using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

/// <summary>
/// The command itself on a whole organization: <c>kagi scan aws --all-accounts --all-regions</c>, run as the user runs it
/// (the built CLI in its own process) against the fake with latency, storing the scan in a fresh SQLite store and writing
/// the table and a SARIF report. Measures what the user waits for and the memory the process needs from the scan's
/// start to its last report: wall time, CPU, peak RSS (GNU time's maximum resident set), and the calls against the
/// minimum. Usage: bench/aws/run.sh org-cli KAGI-DLL [accounts] [regions] [per-kind] [keys] [latency-ms] [accounts-in-flight]
/// </summary>
internal static class OrganizationCliBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var kagi = args[0];
        var accounts = Argument(args, 1, 200);
        var regions = Argument(args, 2, 17);
        var perKind = Argument(args, 3, 20);
        var keysPerRegion = Argument(args, 4, 10);
        var latency = Argument(args, 5, 50);
        var accountsInFlight = Argument(args, 6, 4);
        var estate = new BenchEstate(regions, perKind, keysPerRegion);
        Console.WriteLine($"organization: {accounts} accounts x {regions} regions x {BenchEstate.Kinds.Count} kinds x {perKind} resources x {keysPerRegion} keys = {accounts * estate.Resources:N0} resources, {latency} ms latency per call, {Environment.ProcessorCount} cores");

        var folder = Directory.CreateTempSubdirectory("kagi-bench-org-cli-");
        try
        {
            using var organization = new FakeProcess([regions, perKind, keysPerRegion, latency, accounts]);
            var served = await organization.StartAsync();
            var store = Path.Combine(folder.FullName, "kagi.db");
            var sarif = Path.Combine(folder.FullName, "report.sarif");
            var table = Path.Combine(folder.FullName, "table.txt");
            var measures = Path.Combine(folder.FullName, "time.txt");
            var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardError = true };
            foreach (var word in new[]
            {
                "-f", "%M %U %S %e", "-o", measures, "dotnet", kagi, "scan", "aws", "--endpoint-url", served.ToString(), "--region", "us-east-1", "--all-regions",
                "--all-accounts", "--role-name", BenchOrganization.Role, "--max-accounts-in-flight", accountsInFlight.ToString(CultureInfo.InvariantCulture),
                "--quiet", "--store", store, "--format", $"table={table}", "--format", $"sarif={sarif}",
            })
            {
                start.ArgumentList.Add(word);
            }

            using var scan = Process.Start(start)!;
            var errors = await scan.StandardError.ReadToEndAsync();
            await scan.WaitForExitAsync();
            var calls = await organization.StopAsync();

            // Exit code 1: the estate holds failing resources by design; anything else is the bench's failure.
            if (scan.ExitCode != 1)
            {
                Console.Error.Write(errors);
                throw new InvalidOperationException($"kagi exited {scan.ExitCode}");
            }

            var measured = File.ReadAllText(measures).Trim().Split('\n')[^1].Split(' ');
            var (peakKiB, user, system, wall) = (long.Parse(measured[0], CultureInfo.InvariantCulture), double.Parse(measured[1], CultureInfo.InvariantCulture), double.Parse(measured[2], CultureInfo.InvariantCulture), double.Parse(measured[3], CultureInfo.InvariantCulture));
            var minimumPerAccount = calls.Calls / (double)accounts;
            var results = SarifResults(sarif);
            Console.WriteLine();
            Console.WriteLine("| measure | value |");
            Console.WriteLine("| --- | --- |");
            Console.WriteLine($"| organization | {accounts} accounts x {regions} regions x {BenchEstate.Kinds.Count} kinds x {perKind} resources x {keysPerRegion} keys ({accounts * estate.Resources:N0} resources), {latency} ms per call |");
            Console.WriteLine($"| accounts in flight at most | {accountsInFlight} |");
            Console.WriteLine($"| what the command writes | the SQLite store ({folder.GetFiles("kagi.db*").Sum(file => file.Length) / (1024 * 1024):N0} MiB), the table ({new FileInfo(table).Length / 1024:N0} KiB), SARIF ({new FileInfo(sarif).Length / (1024 * 1024):N0} MiB, {results:N0} results) |");
            Console.WriteLine($"| wall time, scan to last report | {wall:F1} s |");
            Console.WriteLine($"| CPU time of the command (user + system) | {user + system:F1} s ({user:F1} + {system:F1}) |");
            Console.WriteLine($"| CPU time of the fake (its own process) | {calls.CpuMilliseconds / 1000:F1} s |");
            Console.WriteLine($"| peak RSS of the command's process | {peakKiB / 1024:N0} MiB ({peakKiB * 1024 / 1_000_000:N0} MB) |");
            Console.WriteLine($"| API calls served (per account) | {calls.Calls:N0} ({minimumPerAccount:N1}) |");
            Console.WriteLine($"| repeated calls (same action, region and key or page) | {calls.Repeated} |");
            return calls.Repeated == 0 ? 0 : 1;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static int SarifResults(string path)
    {
        using var file = File.OpenRead(path);
        using var sarif = JsonDocument.Parse(file);
        return sarif.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength();
    }

    private static int Argument(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
}
