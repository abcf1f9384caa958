using System.CommandLine;
using Kagi.Core.Localization;
using Kagi.Core.Rules;
using Kagi.Store;
using Kagi.Web;

namespace Kagi.Cli;

/// <summary>
/// The native binary's distributed mode: none. Hangfire runs on reflection, so distributed scans are in the JIT build
/// and the .NET tool only; here the options, <c>kagi worker</c> and <c>kagi schedule</c> still parse, and say which build has them.
/// </summary>
internal static class DistributedMode
{
    public static DistributedScan AddScanOptions(Command scanAws) => new(new DistributedScanOptions(scanAws));

    public static void AddCommands(RootCommand root, TextWriter output, TextWriter error, TimeProvider time)
    {
        root.Subcommands.Add(NotHere("worker", "Run distributed scan units (not in the native binary: use the .NET tool).", error));
        root.Subcommands.Add(NotHere("schedule", "Recurring distributed scans (not in the native binary: use the .NET tool).", error));
    }

    /// <summary>No jobs dashboard in <c>kagi serve</c>: Hangfire is not in this build.</summary>
    public static MountedDashboard? JobsDashboard(StoreLocation location) => null;

    // The command parses whatever follows it, to say which build has it.
    private static Command NotHere(string name, string description, TextWriter error)
    {
        var command = new Command(name, description) { TreatUnmatchedTokensAsErrors = false };
        command.SetAction(parsed => NotHere(error, Language.En));
        return command;
    }

    private static int NotHere(TextWriter error, Language language)
    {
        error.WriteLine($"kagi: {Texts.Get(language, "cli.distributed-not-in-build")}");
        return ExitCodes.BadInput;
    }

    /// <summary>The <c>--distributed</c> option, refused here.</summary>
    internal sealed class DistributedScan(DistributedScanOptions options)
    {
        public bool Requested(ParseResult parsed) => options.Requested(parsed);

        [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "The same call as the JIT build's DistributedScan.Run, which needs its instance.")]
        public int Run(ParseResult parsed, ScanAwsRequest scan, TimeProvider time, TextWriter output, TextWriter error) => NotHere(error, scan.Settings.Language);
    }
}
