using System.Data.Common;
using Kagi.Core.Findings;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Rules;
using Kagi.Store;
using Kagi.Web;

namespace Kagi.Cli;

/// <summary>What <c>kagi scan</c> was told about the findings store and baselines.</summary>
/// <param name="NoStore">Neither store the scan nor read mutes from the store.</param>
/// <param name="Location">The <c>--store</c> value; null means <c>KAGI_STORE</c>, else the default file.</param>
internal sealed record StoreSettings(bool NoStore, string? Location, string? Baseline, string? WriteBaseline)
{
    /// <summary>For scans built without the options (tests, other hosts): touch no store.</summary>
    public static StoreSettings None { get; } = new(true, null, null, null);
}

/// <summary>A report after the store saw it: with the store's mutes applied, and whether storing worked.</summary>
internal sealed record StoredReport(ScanReport Report, bool Succeeded);

/// <summary>Wires <c>kagi scan</c> to the findings store and to baselines.</summary>
internal static class ScanStore
{
    /// <summary>
    /// Applies the store's mutes and stores the scan. A store that fails (locked, unreachable) is reported as an
    /// error and the scan goes on: its findings are still printed.
    /// </summary>
    public static StoredReport Record(ScanReport report, Inventory inventory, ScanSettings settings, TimeProvider time, TextWriter error)
    {
        var store = settings.Store;
        if (store.NoStore)
        {
            return new StoredReport(report, true);
        }

        var muted = report;
        try
        {
            var location = StoreLocation.Resolve(store.Location, Environment.GetEnvironmentVariable);
            using var opened = FindingStore.Open(location, time, RuleCatalog.Renamed);
            muted = MuteApplication.Apply(report, opened.Mutes(includeInactive: false));
            // Each key's row is made as it is stored: an organization's keys list a million dependents between them.
            opened.SaveScan(muted, StoredKeys.Of(inventory).Select(StoredKeys.ToStored));
            return new StoredReport(muted, true);
        }
        catch (Exception exception) when (IsStoreFailure(exception))
        {
            error.WriteLine($"kagi: error: {Texts.Get(settings.Language, "cli.store-failed", ("reason", exception.Message))}");
            return new StoredReport(muted, false);
        }
    }

    /// <summary>
    /// <c>--fix PREFIX</c> for a finding the store holds: its fix as the scan that stored it printed it, with no scan, no
    /// AWS call and no new stored scan; the exit code then is 0. Null when the store does not hold exactly one such
    /// finding (or cannot be read, or its rule is gone): the scan runs and answers instead.
    /// </summary>
    public static int? WriteStoredFix(ScanSettings settings, TimeProvider time, TextWriter output, TextWriter error)
    {
        if (settings.Fix is not { } prefix || prefix == "all" || settings.Store.NoStore)
        {
            return null;
        }

        try
        {
            var location = StoreLocation.Resolve(settings.Store.Location, Environment.GetEnvironmentVariable);
            if (location.Kind == StoreKind.Sqlite && !File.Exists(location.ConnectionString))
            {
                return null;
            }

            using var store = FindingStore.OpenForReading(location, time, RuleCatalog.Renamed);
            if (StoredFinding.Find(store, prefix, settings.Language, out _) is not { } finding)
            {
                return null;
            }

            using var fix = new StringWriter();
            if (!StoredFinding.WriteFix(finding, settings.Language, fix))
            {
                return null;
            }

            error.WriteLine($"kagi: {Texts.Get(settings.Language, "cli.fix-from-store", ("fingerprint", finding.Fingerprint[..12]), ("scan", finding.LastScanId), ("at", FindingsOutput.Time(finding.LastSeenAt)))}");
            output.Write(fix.ToString());
            return ExitCodes.Clean;
        }
        catch (Exception exception) when (IsStoreFailure(exception))
        {
            return null;
        }
    }

    /// <summary>Writes the baseline if asked, then the exit code, counting only failures the baseline does not hold.</summary>
    public static int ExitCode(ScanReport report, ScanSettings settings, TextWriter error)
    {
        var store = settings.Store;
        try
        {
            if (store.WriteBaseline is { } path)
            {
                Baseline.From(report).Write(path);
                error.WriteLine($"kagi: {Texts.Get(settings.Language, "cli.baseline-written", ("count", Baseline.From(report).Fingerprints.Count), ("path", path))}");
            }

            var judged = store.Baseline is { } baseline ? Baseline.Read(baseline).Filter(report) : report;
            return ExitCodes.For(judged, settings.FailOn, settings.AllowIncomplete);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine($"kagi: error: {exception.Message}");
            return ExitCodes.BadInput;
        }
    }

    public static bool IsStoreFailure(Exception exception) =>
        exception is StoreException or DbException or IOException or UnauthorizedAccessException or TimeoutException;
}
