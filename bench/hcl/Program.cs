using System.Diagnostics;
using System.Globalization;
using Kagi.Hcl;

// Parses 20 and then 400 copies of one Neptune cluster file and reports how the time grows with the input: linear
// parsing takes about 20x as long for 20x the input. Fails when it takes more than 80x (plus 200 ms for noise).
// Usage: dotnet run -c Release -- FILE.tf
var resource = File.ReadAllText(args.Length > 0 ? args[0] : "tests/corpus/hcl/terraform/neptune_cluster.tf")
    .Replace("terraform {", "settings {", StringComparison.Ordinal);
var small = Copies(20);
var large = Copies(400);

HclParser.ParseNative(small, "warmup.tf");
var smallTime = Best(() => HclParser.ParseNative(small, "small.tf"));
var largeTime = Best(() => HclParser.ParseNative(large, "large.tf"));
var ratio = largeTime / smallTime;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"20 copies ({small.Length:N0} chars): {smallTime.TotalMilliseconds:F1} ms; 400 copies ({large.Length:N0} chars): {largeTime.TotalMilliseconds:F1} ms; ratio {ratio:F1}x for 20x the input"));
return largeTime < smallTime * 80 + TimeSpan.FromMilliseconds(200) ? 0 : 1;

string Copies(int count) =>
    string.Concat(Enumerable.Range(0, count).Select(i => resource.Replace("\"this\"", $"\"r{i}\"", StringComparison.Ordinal)));

// The best of five runs, so that a busy machine does not decide the result.
static TimeSpan Best(Action action) => Enumerable.Range(0, 5).Select(_ =>
{
    var watch = Stopwatch.StartNew();
    action();
    return watch.Elapsed;
}).Min();
