using System.Diagnostics;
using System.Globalization;
using Kagi.Core.Findings;
using Kagi.Core.Localization;
using Kagi.Core.Rules;
using Kagi.Hcl;
using Kagi.Reporting;
using Kagi.Rules;
using Kagi.Terraform;

// Where a Terraform scan spends its time: the phases of `kagi scan iac TREE --format json` timed one by one in one
// process. The first round includes compiling the code each phase reaches (as a fresh `kagi` process does); the best
// of the next RUNS is the steady state. Parsing is timed alone too, so "evaluate + map" is the scan less read and parse;
// rendering the findings' texts is timed alone too, as the JSON writer renders them again while it writes. "Kept" is
// the memory still reachable after each phase (its result held), so the scan's is the inventory's footprint.
// Usage: Kagi.Bench.Iac TREE [RUNS]
var tree = args[0];
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var files = Directory.EnumerateFiles(tree, "*.tf", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
string[] phases = ["read", "parse", "scan (read, parse, evaluate, map)", "judge", "render finding texts (every fix)", "write json"];

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{files.Count} files; phase: wall ms / allocated MB / GC pause ms / kept MB"));
for (var round = 0; round <= runs; round++)
{
    var measured = new List<(double Ms, double Mb, double GcMs, double KeptMb)>();
    var texts = Measure(measured, () => files.Select(File.ReadAllText).ToList());
    Measure(measured, () => texts.Select((text, i) => HclParser.Parse(text, files[i])).ToList());
    var inventory = Measure(measured, () => new TerraformScanner(KindCatalog.TerraformMappers).Scan([tree]));
    var findings = Measure(measured, () => RuleEngine.Run(inventory, RuleCatalog.All, ScanOptions.Default));
    Measure(measured, () => findings.Select(finding => FindingText.Render(finding, Language.En)).Sum(text => text.Fixes.Count));
    Measure(measured, () =>
    {
        var report = new ScanReport
        {
            Source = ScanSource.Iac,
            Targets = [tree],
            StartedAt = DateTimeOffset.UnixEpoch,
            FinishedAt = DateTimeOffset.UnixEpoch,
            Findings = findings,
            Diagnostics = inventory.Diagnostics,
            Options = ScanOptions.Default,
            Inventory = inventory,
        };
        using var output = new StreamWriter(Path.Combine(Path.GetTempPath(), "kagi-bench-iac-profile.json"));
        new JsonReportWriter().Write(report, output);
        return output.BaseStream.Length;
    });
    var line = string.Join("; ", phases.Zip(measured, (phase, m) => string.Create(CultureInfo.InvariantCulture, $"{phase} {m.Ms:F0} / {m.Mb:F1} / {m.GcMs:F0} / {m.KeptMb:F1}")));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(round == 0 ? "first" : $"run {round}")}: {line}; {inventory.Resources.Count} resources, {findings.Count} findings"));
}

static T Measure<T>(List<(double Ms, double Mb, double GcMs, double KeptMb)> measured, Func<T> phase)
{
    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    var paused = GC.GetTotalPauseDuration();
    var wall = Stopwatch.StartNew();
    var result = phase();
    var (ms, mb, gcMs) = (wall.Elapsed.TotalMilliseconds, (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6, (GC.GetTotalPauseDuration() - paused).TotalMilliseconds);
    measured.Add((ms, mb, gcMs, GC.GetTotalMemory(forceFullCollection: true) / 1e6));
    GC.KeepAlive(result);
    return result;
}
