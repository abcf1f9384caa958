using System.CommandLine;
using Kagi.Core.Localization;
using Kagi.Core.Rules;
using Kagi.Store;
using Kagi.Web;
using Microsoft.Extensions.Hosting;

namespace Kagi.Cli;

/// <summary><c>kagi serve</c>: the dashboard over the findings store; the server itself lives in Kagi.Web.</summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter output, TextWriter error, TimeProvider time)
    {
        var store = new Option<string?>("--store")
        {
            Description = $"The findings store: a SQLite file, or a PostgreSQL URL or connection string (default ${StoreLocation.EnvironmentVariable}, else ~/.kagi/kagi.db).",
            HelpName = "PATH-or-URL",
        };
        var listen = new Option<string>("--listen")
        {
            Description = "HOST:PORT to listen on; anything but loopback requires an access token.",
            DefaultValueFactory = _ => DashboardOptions.DefaultListen,
        };
        var token = new Option<string?>("--token")
        {
            Description = $"The access token (default ${DashboardOptions.TokenVariable}), at least {DashboardOptions.MinimumTokenLength} characters: a bearer header, or the login form.",
        };
        var allowedHosts = new Option<string[]>("--allowed-host")
        {
            Description = "A host name browsers use to reach the dashboard, besides localhost and the listen address; repeat for more. Others are refused (DNS rebinding).",
            HelpName = "NAME",
        };
        var command = new Command("serve", "Serve the findings dashboard in a browser: overview, findings, detail, mute and unmute; on PostgreSQL, distributed scans and their jobs.") { store, listen, token, allowedHosts };
        // kagi serve has no --lang: the dashboard picks its language per request, and these few lines are in English.
        command.SetAction(parsed =>
        {
            StoreLocation location;
            try
            {
                location = StoreLocation.Resolve(parsed.GetValue(store), Environment.GetEnvironmentVariable);
            }
            catch (Exception exception) when (exception is ArgumentException or UriFormatException)
            {
                error.WriteLine($"kagi: --store: {exception.Message}");
                return ExitCodes.BadInput;
            }

            // An empty variable is an unset one; an empty --token is a token too short.
            var givenToken = parsed.GetValue(token) ?? (Environment.GetEnvironmentVariable(DashboardOptions.TokenVariable) is { Length: > 0 } variable ? variable : null);
            var (options, problem) = DashboardOptions.Create(location, parsed.GetValue(listen), givenToken, parsed.GetValue(allowedHosts));
            if (options is null)
            {
                error.WriteLine($"kagi: {problem}");
                return ExitCodes.BadInput;
            }

            // As 'kagi findings list' does: a mistyped path should say so, not serve an empty new store.
            if (location.Kind == StoreKind.Sqlite && !File.Exists(location.ConnectionString))
            {
                error.WriteLine($"kagi: {Texts.Get(Language.En, "cli.no-store-at", ("path", location.ConnectionString))}");
                return ExitCodes.BadInput;
            }

            try
            {
                using var app = DashboardServer.Build(options with { Jobs = DistributedMode.JobsDashboard(location) }, time);
                app.Start();
                output.WriteLine($"kagi: {Texts.Get(Language.En, "cli.serving", ("store", location.Describe()), ("listen", options.Listen))}");
                app.WaitForShutdown();
                return ExitCodes.Clean;
            }
            catch (Exception exception) when (ScanStore.IsStoreFailure(exception) || exception is IOException)
            {
                error.WriteLine($"kagi: error: {exception.Message}");
                return ExitCodes.BadInput;
            }
        });
        return command;
    }
}
