using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hangfire;
using Hangfire.Storage;
using Kagi.Core.Findings;
using Kagi.Core.Localization;
using Kagi.Core.Rules;
using Kagi.Store;
using Kagi.Store.Distributed;

namespace Kagi.Cli;

/// <summary>
/// <c>kagi schedule add|list|remove</c>: recurring distributed scans, kept as Hangfire recurring jobs beside the units.
/// Each run starts the scan as <c>--distributed</c> does (<see cref="ScanJobs.Scheduled"/>); workers run it.
/// </summary>
internal static class ScheduleCommand
{
    public static Command Create(TextWriter output, TextWriter error, TimeProvider time) =>
        new("schedule", "Recurring distributed scans, run by 'kagi worker' processes.")
        {
            Add(output, error),
            List(output, error, time),
            Remove(output, error),
        };

    private static Option<string?> StoreOption() =>
        new("--store") { Description = "The PostgreSQL store the schedules and scans are kept in (postgres://…); default KAGI_STORE." };

    private static Option<string> LangOption() => LanguageOption.Create("Language of the messages: en or ja.");

    private static Command Add(TextWriter output, TextWriter error)
    {
        var cron = new Argument<string>("cron") { Description = "When it runs, a cron expression read in --time-zone: \"0 3 * * *\" is every day at 03:00." };
        var scan = new Argument<string[]>("scan") { Description = "After --: the scan, 'scan aws --all-accounts --role-name R …' as --distributed takes it.", Arity = ArgumentArity.OneOrMore };
        var name = new Option<string?>("--name") { Description = "The schedule's id (default: one made from the cron and the scan); an existing one is replaced." };
        var zone = new Option<string>("--time-zone")
        {
            Description = "The time zone the cron is read in, an IANA id such as Asia/Tokyo (default UTC); its daylight saving time is followed.",
            HelpName = "ZONE",
            DefaultValueFactory = _ => TimeZoneInfo.Utc.Id,
        };
        var store = StoreOption();
        var lang = LangOption();
        var command = new Command("add", "Run a distributed scan on a cron schedule.") { cron, scan, name, zone, store, lang };
        command.SetAction(parsed =>
        {
            var language = LanguageOption.Read(parsed, lang);
            var expression = parsed.GetValue(cron)!;
            if (KnownTimeZone(parsed.GetValue(zone)!, language, error) is not { } timeZone
                || ScanArguments(parsed.GetValue(scan)!, language, error) is not { } arguments
                || DistributedMode.PostgresStore(parsed.GetValue(store), language, error) is not { } location)
            {
                return ExitCodes.BadInput;
            }

            var id = parsed.GetValue(name) ?? DefaultId(expression, arguments);
            return WithJobs(location, language, error, jobs =>
            {
                try
                {
                    new RecurringJobManager(jobs).AddOrUpdate<ScanJobs>(id, scanJobs => scanJobs.Scheduled(arguments), expression, new RecurringJobOptions { TimeZone = timeZone });
                }
                catch (ArgumentException exception) when (exception.ParamName == "cronExpression")
                {
                    error.WriteLine($"kagi: {Texts.Get(language, "cli.schedule-bad-cron", ("cron", TerminalText.Line(expression)), ("reason", TerminalText.Line(exception.InnerException?.Message ?? exception.Message)))}");
                    return ExitCodes.BadInput;
                }

                var added = Schedules(jobs).Single(schedule => schedule.Id == id);
                output.WriteLine(TerminalText.Line(Texts.Get(language, "cli.schedule-added", ("id", id), ("zone", timeZone.Id), ("next", When(added.NextExecution)))));
                return ExitCodes.Clean;
            });
        });
        return command;
    }

    private static Command List(TextWriter output, TextWriter error, TimeProvider time)
    {
        var store = StoreOption();
        var lang = LangOption();
        var format = new Option<string>("--format") { Description = "table (default) or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("list", "List the schedules: when each runs next, and what its last run stored.") { store, format, lang };
        command.SetAction(parsed =>
        {
            var language = LanguageOption.Read(parsed, lang);
            if (DistributedMode.PostgresStore(parsed.GetValue(store), language, error) is not { } location)
            {
                return ExitCodes.BadInput;
            }

            return WithJobs(location, language, error, jobs =>
            {
                using var scans = DistributedScanStore.Open(location, time);
                var views = Schedules(jobs).Select(schedule => View(schedule, jobs, scans)).ToList();
                if (parsed.GetValue(format) == "json")
                {
                    output.WriteLine(JsonSerializer.Serialize(views, ScheduleJson.Default.ListScheduleView));
                    return ExitCodes.Clean;
                }

                FindingsOutput.Table(
                    output,
                    ["ID", "CRON", "TIME ZONE", "NEXT RUN (UTC)", "LAST RUN (UTC)", "LAST SCAN", "SCAN"],
                    views.Select(view => new[]
                    {
                        view.Id, view.Cron, view.TimeZone, When(view.NextRun), When(view.LastRun),
                        view.LastScan?.ToString(CultureInfo.InvariantCulture) ?? "-", string.Join(' ', view.Arguments),
                    }));
                return ExitCodes.Clean;
            });
        });
        return command;
    }

    private static Command Remove(TextWriter output, TextWriter error)
    {
        var id = new Argument<string>("id") { Description = "The schedule's id, as 'kagi schedule list' shows it." };
        var store = StoreOption();
        var lang = LangOption();
        var command = new Command("remove", "Remove a schedule; scans it started are kept.") { id, store, lang };
        command.SetAction(parsed =>
        {
            var language = LanguageOption.Read(parsed, lang);
            var removed = parsed.GetValue(id)!;
            if (DistributedMode.PostgresStore(parsed.GetValue(store), language, error) is not { } location)
            {
                return ExitCodes.BadInput;
            }

            return WithJobs(location, language, error, jobs =>
            {
                if (Schedules(jobs).All(schedule => schedule.Id != removed))
                {
                    error.WriteLine($"kagi: {Texts.Get(language, "cli.schedule-unknown", ("id", TerminalText.Line(removed)))}");
                    return ExitCodes.BadInput;
                }

                new RecurringJobManager(jobs).RemoveIfExists(removed);
                output.WriteLine(TerminalText.Line(Texts.Get(language, "cli.schedule-removed", ("id", removed))));
                return ExitCodes.Clean;
            });
        });
        return command;
    }

    // Workers read the zone by the same id (Hangfire keeps the id, not the rules), from their own time zone database.
    private static TimeZoneInfo? KnownTimeZone(string id, Language language, TextWriter error)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            error.WriteLine($"kagi: {Texts.Get(language, "cli.schedule-unknown-zone", ("zone", TerminalText.Line(id)))}");
            return null;
        }
    }

    // "scan aws …" read exactly as a worker will read it, and as --distributed would refuse it; kept without the options of
    // --distributed, which every run is.
    private static string[]? ScanArguments(string[] scan, Language language, TextWriter error)
    {
        if (scan is not ["scan", "aws", .. var rest])
        {
            error.WriteLine($"kagi: {Texts.Get(language, "cli.schedule-not-a-scan", ("given", TerminalText.Line(string.Join(' ', scan))))}");
            return null;
        }

        var arguments = DistributedScanOptions.WorkerArguments(rest).ToArray();
        if (ScanAwsCommand.ReadArguments(arguments, error) is not { } request)
        {
            return null;
        }

        if (request.Selection is null)
        {
            error.WriteLine($"kagi: {Texts.Get(language, "cli.distributed-needs-accounts")}");
            return null;
        }

        return DistributedMode.ServiceGroupsReadable(arguments, language, error) ? arguments : null;
    }

    private static int WithJobs(StoreLocation location, Language language, TextWriter error, Func<JobStorage, int> action)
    {
        try
        {
            return action(KagiJobStorage.Open(location, WorkerSettings.DefaultLease));
        }
        catch (Exception exception) when (ScanStore.IsStoreFailure(exception))
        {
            error.WriteLine($"kagi: error: {Texts.Get(language, "cli.store-failed", ("reason", exception.Message))}");
            return ExitCodes.BadInput;
        }
    }

    private static List<RecurringJobDto> Schedules(JobStorage jobs)
    {
        using var connection = jobs.GetConnection();
        return connection.GetRecurringJobs();
    }

    // The same cron and scan make the same id: adding a schedule twice replaces it rather than running the scan twice.
    private static string DefaultId(string cron, string[] arguments) =>
        "scan-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\0', [cron, .. arguments]))))[..8];

    private static ScheduleView View(RecurringJobDto schedule, JobStorage jobs, DistributedScanStore scans) => new(
        schedule.Id,
        schedule.Cron,
        schedule.TimeZoneId ?? TimeZoneInfo.Utc.Id,
        schedule.Job?.Args is [string[] arguments] ? arguments : [],
        schedule.NextExecution,
        schedule.LastExecution,
        LastScan(schedule, jobs, scans));

    // The scan the last run stored: its job's result is the distributed scan it started, which names the stored scan once complete.
    private static long? LastScan(RecurringJobDto schedule, JobStorage jobs, DistributedScanStore scans)
    {
        var succeeded = schedule.LastJobId is { } job
            ? jobs.GetMonitoringApi().JobDetails(job)?.History.FirstOrDefault(state => state.StateName == "Succeeded")
            : null;
        return succeeded?.Data.TryGetValue("Result", out var result) == true && long.TryParse(result, CultureInfo.InvariantCulture, out var scanId)
            ? scans.Status(scanId)?.StoredScanId
            : null;
    }

    private static string When(DateTime? time) =>
        time is { } utc ? FindingsOutput.Time(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc))) : "-";
}

/// <summary>A schedule as <c>kagi schedule list</c> shows it: its cron read in <paramref name="TimeZone"/>, its times in UTC.</summary>
internal sealed record ScheduleView(string Id, string Cron, string TimeZone, string[] Arguments, DateTime? NextRun, DateTime? LastRun, long? LastScan);

/// <summary><c>kagi schedule list --format json</c>, serialized by generated code.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(List<ScheduleView>))]
internal sealed partial class ScheduleJson : JsonSerializerContext;
