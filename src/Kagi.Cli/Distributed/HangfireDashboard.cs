using Hangfire.Dashboard;
using Kagi.Store;
using Kagi.Web;
using Microsoft.AspNetCore.Builder;

namespace Kagi.Cli;

/// <summary>
/// Hangfire's own dashboard in <c>kagi serve</c>, at <c>/jobs</c> over the job storage the workers use: queues, retries,
/// recurring schedules and the workers themselves, which the distributed scans' pages do not show.
/// </summary>
internal static class HangfireDashboard
{
    public const string Path = "/jobs";

    /// <summary>Its "back to site" link: the distributed scans, whose jobs these are.</summary>
    public const string BackTo = "/distributed";

    // Ours, loosened where only /jobs needs it: Hangfire draws its icons with a font, polls its counters by POST, and its
    // bundled scripts set inline styles (Chromium refuses them under style-src 'self'). Scripts stay files of its own
    // ('self'): it has no inline script, and an injected one still cannot run.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static MountedDashboard For(StoreLocation location) =>
        new(Path, branch => Mount(branch, location), ContentSecurityPolicy);

    private static void Mount(IApplicationBuilder branch, StoreLocation location)
    {
        // Read-only: enqueuing, retrying or deleting a unit's job from here would bypass the scan's own bookkeeping
        // (ScanJobs counts attempts and records a unit's end), and one token gives every reader of the dashboard the
        // same rights. Hangfire's default filter (local requests only) is replaced: only requests that passed the
        // dashboard's Host, token and throttle guards reach this branch.
        var options = new Hangfire.DashboardOptions
        {
            AppPath = BackTo,
            DashboardTitle = "Kagi · jobs",
            Authorization = [new PassedTheGuards()],
            IsReadOnlyFunc = _ => true,
            DisplayStorageConnectionString = false,
        };
        branch.UseMiddleware<AspNetCoreDashboardMiddleware>(KagiJobStorage.Open(location, WorkerSettings.DefaultLease), options, DashboardRoutes.Routes, true);
    }

    private sealed class PassedTheGuards : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => true;
    }
}
