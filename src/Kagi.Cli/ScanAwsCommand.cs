using System.CommandLine;
using Amazon.Runtime;
using Kagi.Aws;
using Kagi.Aws.Organizations;
using Kagi.Core.Findings;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules;
using Spectre.Console;

namespace Kagi.Cli;

/// <summary><c>kagi scan aws</c>: every Neptune cluster of the account in the chosen regions, judged by its real key.</summary>
internal static class ScanAwsCommand
{
    public static Command Create(TextWriter output, TextWriter error, TimeProvider time)
    {
        var options = new ScanAwsOptions();
        var command = new Command("aws", "Scan a live AWS account, or the accounts of an organization, with read-only credentials.");
        options.AddTo(command);
        var distributed = DistributedMode.AddScanOptions(command);
        command.SetAction(parsed =>
        {
            var (scan, exitCode) = options.Read(parsed, error);
            if (scan is null)
            {
                return exitCode;
            }

            if (ScanStore.WriteStoredFix(scan.Settings, time, output, error) is { } storedFix)
            {
                return storedFix;
            }

            return distributed.Requested(parsed)
                ? distributed.Run(parsed, scan, time, output, error)
                : Scan(scan.Request, scan.Selection, scan.SavePath, scan.Quiet, scan.Settings, time, output, error);
        });
        return command;
    }

    /// <summary>
    /// Reads <paramref name="arguments"/> (what follows <c>kagi scan aws</c>) as the command would: how a worker learns
    /// the scan it serves a part of. Null, with the problem written to <paramref name="error"/>, when they do not read.
    /// </summary>
    public static ScanAwsRequest? ReadArguments(IReadOnlyList<string> arguments, TextWriter error)
    {
        var options = new ScanAwsOptions();
        var command = new Command("aws");
        options.AddTo(command);
        DistributedMode.AddScanOptions(command);
        var parsed = command.Parse([.. arguments]);
        foreach (var parseError in parsed.Errors)
        {
            error.WriteLine($"kagi: {parseError.Message}");
        }

        return parsed.Errors.Count == 0 ? options.Read(parsed, error).Scan : null;
    }

    private static int Scan(LiveScanOptions request, AccountSelection? selection, string? savePath, bool quiet, ScanSettings settings, TimeProvider time, TextWriter output, TextWriter error)
    {
        var language = settings.Language;
        var startedAt = time.GetUtcNow();
        var onTerminal = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
        LiveScanned result;
        try
        {
            LiveScanned Run(IScanProgress progress) => ScanAwsCommand.Run(request, selection, settings.Options, time, progress);
            result = (quiet, onTerminal, selection) switch
            {
                (true, _, _) => Run(new SilentProgress()),
                (false, true, _) => ScanWithLiveProgress(selection is not null, language, Run),
                (false, false, null) => Run(new LogLineProgress(error, language)),
                (false, false, _) => Run(new OrganizationLogLines(error, language)),
            };
        }
        catch (MissingRegionException)
        {
            error.WriteLine($"kagi: {Texts.Get(language, "cli.no-region")}");
            return ExitCodes.BadInput;
        }
        catch (AmazonClientException exception)
        {
            error.WriteLine($"kagi: {Texts.Get(language, "cli.no-credentials", ("reason", exception.Message))}");
            return ExitCodes.BadInput;
        }
        catch (IOException exception)
        {
            // Only an organization's scan writes to disk while it scans: its resources, kept out of memory.
            error.WriteLine($"kagi: error: {Texts.Get(language, "cli.spill-failed", ("reason", exception.Message))}");
            return ExitCodes.BadInput;
        }

        using var organization = result.Organization;
        var saved = savePath is null || Save(savePath, result, language, error);
        var report = organization is null
            ? ScanReports.Judge(ScanSource.Aws, result.Targets, result.Inventory, settings, startedAt, time)
            : ScanReports.Of(ScanSource.Aws, result.Targets, organization, result.Inventory, settings, startedAt, time);
        var exitCode = ScanOutput.Write(report, report.Inventory!, settings, time, FixCommandFor(request, selection, settings), output, error);

        // The findings are still worth printing when the inventory could not be saved; the exit code says it was not.
        return saved ? exitCode : ExitCodes.BadInput;
    }

    // Written a resource at a time: an organization's resources are read back from disk as they are written.
    private static bool Save(string path, LiveScanned result, Language language, TextWriter error)
    {
        try
        {
            using (var file = File.Create(path))
            {
                var resources = result.Organization?.Resources() ?? result.Inventory.Resources;
                var diagnostics = result.Organization?.ScanDiagnostics(result.Notes) ?? result.Inventory.Diagnostics;
                InventoryFile.Write(file, "aws", result.Targets, resources, result.Inventory.Unscanned, diagnostics);
            }

            error.WriteLine($"kagi: {Texts.Get(language, "cli.inventory-saved", ("path", path))}");
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"kagi: {Texts.Get(language, "cli.inventory-unsaved", ("path", path), ("reason", exception.Message))}");
            return false;
        }
    }

    private static LiveScanned ScanWithLiveProgress(bool organization, Language language, Func<IScanProgress, LiveScanned> run)
    {
        // Standard error is known to be a terminal here; Spectre would otherwise judge by standard output, which may be piped.
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Ansi = AnsiSupport.Yes,
            Interactive = InteractionSupport.Yes,
        });
        if (organization)
        {
            return OrganizationLiveDisplay.Run(console, language, run);
        }

        LiveScanned? result = null;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new SpinnerColumn(), new ElapsedTimeColumn())
            .Start(context => result = run(new LiveProgress(context, language)));
        return result!;
    }

    private static LiveScanned Run(LiveScanOptions request, AccountSelection? selection, ScanOptions options, TimeProvider time, IScanProgress progress)
    {
        var scan = new LiveScan(KindCatalog.LiveCollectors, Environment.GetEnvironmentVariable, time, progress);
        if (!request.AllRegions && scan.DefaultRegion(request) is null)
        {
            throw new MissingRegionException();
        }

        if (selection is null)
        {
            var result = scan.RunAsync(request, CancellationToken.None).GetAwaiter().GetResult();
            return new([$"account {result.Account}", .. result.Regions], result.Inventory, [], null);
        }

        // Each account is judged and its resources put on disk as it finishes; the scan holds no account's inventory.
        var organization = new OrganizationVerdicts(KindCatalog.Kinds, RuleCatalog.All, options);
        try
        {
            var targets = new List<(int Position, string[] Targets)>();
            var notes = scan.RunAsync(request, selection, (position, account) =>
            {
                organization.Add(position, account.Inventory);
                lock (targets)
                {
                    // The account, named as Organizations names it, followed by the regions read in it: the store's scopes.
                    targets.Add((position, [$"account {account.Label}", .. account.Result.Regions]));
                }

                return Task.CompletedTask;
            }, CancellationToken.None).GetAwaiter().GetResult();
            return new([.. targets.OrderBy(account => account.Position).SelectMany(account => account.Targets)], organization.Complete(notes), notes, organization);
        }
        catch
        {
            organization.Dispose();
            throw;
        }
    }

    private static Func<Finding, string> FixCommandFor(LiveScanOptions request, AccountSelection? selection, ScanSettings settings)
    {
        var words = new List<string> { "kagi", "scan", "aws" };
        if (request.Profile is { } profile)
        {
            words.AddRange(["--profile", Placeholders.ShellWord(profile)]);
        }

        if (selection is not null)
        {
            words.AddRange(AccountOptions.Words(selection));
        }

        words.AddRange(request.AllRegions ? ["--all-regions"] : request.Regions.SelectMany(region => new[] { "--region", Placeholders.ShellWord(region) }));
        if (request.EndpointUrl is { } endpoint)
        {
            words.AddRange(["--endpoint-url", Placeholders.ShellWord(endpoint.ToString())]);
        }

        if (settings.Language == Language.Ja)
        {
            words.AddRange(["--lang", "ja"]);
        }

        var command = string.Join(" ", words);
        return finding => $"{command} --fix {finding.Fingerprint[..12]}";
    }

    private sealed class MissingRegionException : Exception;

    /// <summary>
    /// What a live scan read: its targets (each account, then the regions read in it) and the inventory; of an
    /// organization, its verdicts already judged, the inventory then only what stays in memory (keys, unread scopes,
    /// diagnostics), and the notes of the accounts passed over.
    /// </summary>
    private sealed record LiveScanned(IReadOnlyList<string> Targets, Inventory Inventory, IReadOnlyList<ScanDiagnostic> Notes, OrganizationVerdicts? Organization);

    /// <summary>Plain lines on standard error when it is not a terminal: one when a region starts, one when it ends.</summary>
    private sealed class LogLineProgress(TextWriter error, Language language) : IScanProgress
    {
        private readonly Lock _lock = new();
        private readonly Dictionary<string, RegionTally> _regions = new(StringComparer.Ordinal);

        public void RegionStarted(string region) => Write($"kagi: {Texts.Get(language, "cli.region-started", ("region", region))}");

        public void CallFinished(string region, AwsService service, string call, bool succeeded) => Update(region, tally => tally.Calls++);

        public void ResourcesFound(string region, string resourceType, int count) => Update(region, tally => tally.Found(resourceType, count));

        public void RegionFinished(string region, int failures)
        {
            string counts;
            int calls;
            lock (_lock)
            {
                (counts, calls) = (Tally(region).Describe(language), Tally(region).Calls);
            }

            var unread = failures > 0 ? $", {Texts.Get(language, "cli.region-unread", ("failures", failures))}" : string.Empty;
            Write($"kagi: {Texts.Get(language, "cli.region-finished", ("region", region), ("resources", counts), ("calls", calls))}{unread}");
        }

        private void Update(string region, Action<RegionTally> change)
        {
            lock (_lock)
            {
                change(Tally(region));
            }
        }

        private RegionTally Tally(string region) => _regions.TryGetValue(region, out var tally) ? tally : _regions[region] = new RegionTally();

        private void Write(string line)
        {
            lock (_lock)
            {
                error.WriteLine(line);
            }
        }
    }

    /// <summary>A live display on a terminal: one line per region with its calls and what it found of each kind so far.</summary>
    private sealed class LiveProgress(ProgressContext context, Language language) : IScanProgress
    {
        private readonly Lock _lock = new();
        private readonly Dictionary<string, (ProgressTask Task, RegionTally Tally)> _regions = new(StringComparer.Ordinal);

        public void RegionStarted(string region)
        {
            lock (_lock)
            {
                _regions[region] = (context.AddTask(Markup.Escape(region), autoStart: true, maxValue: 1).IsIndeterminate(), new RegionTally());
            }
        }

        public void CallFinished(string region, AwsService service, string call, bool succeeded) => Update(region, tally => tally.Calls++, null);

        public void ResourcesFound(string region, string resourceType, int count) => Update(region, tally => tally.Found(resourceType, count), null);

        public void RegionFinished(string region, int failures) => Update(region, _ => { }, failures);

        private void Update(string region, Action<RegionTally> change, int? failures)
        {
            lock (_lock)
            {
                if (!_regions.TryGetValue(region, out var state))
                {
                    return;
                }

                change(state.Tally);
                var status = failures switch
                {
                    null => string.Empty,
                    0 => $" [green]{Markup.Escape(Texts.Get(language, "cli.region-done"))}[/]",
                    _ => $" [red]{Markup.Escape(Texts.Get(language, "cli.region-unread", ("failures", failures)))}[/]",
                };
                var counts = Texts.Get(language, "cli.region-progress", ("region", region), ("resources", state.Tally.Describe(language)), ("calls", state.Tally.Calls));
                state.Task.Description = $"{Markup.Escape(counts)}{status}";
                if (failures is not null)
                {
                    state.Task.IsIndeterminate(false).Value(1).StopTask();
                }
            }
        }
    }

    /// <summary>
    /// One region's calls so far, and what it found of each kind counted apart — "3 Neptune::DBCluster,
    /// 4 Neptune::DBClusterSnapshot", not "7 clusters". Not thread-safe: its owner locks.
    /// </summary>
    private sealed class RegionTally
    {
        private readonly SortedDictionary<string, int> _found = new(StringComparer.Ordinal);

        public int Calls { get; set; }

        public void Found(string resourceType, int count) => _found[resourceType] = _found.GetValueOrDefault(resourceType) + count;

        public string Describe(Language language)
        {
            var kinds = _found.Where(kind => kind.Value > 0)
                .Select(kind => Texts.Get(language, "cli.region-kind-count", ("kind", kind.Key.StartsWith("AWS::", StringComparison.Ordinal) ? kind.Key[5..] : kind.Key), ("count", kind.Value)))
                .ToList();
            return kinds.Count > 0 ? string.Join(Texts.Get(language, "cli.region-kind-separator"), kinds) : Texts.Get(language, "cli.region-nothing-found");
        }
    }
}
