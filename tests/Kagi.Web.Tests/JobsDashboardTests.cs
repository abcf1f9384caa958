using System.Net;
using System.Text.RegularExpressions;
using Hangfire;
using Hangfire.Storage;
using Kagi.Cli;
using Kagi.Store;
using Microsoft.Playwright;

namespace Kagi.Web.Tests;

/// <summary>
/// Hangfire's dashboard at /jobs in the JIT build's <c>kagi serve</c> (issue 20), over the job storage the workers use on a
/// real PostgreSQL store, behind the dashboard's own guards.
/// </summary>
public sealed partial class JobsDashboardTests
{
    private const string Schedule = "nightly";

    [Fact]
    public async Task Given_a_token_then_jobs_is_refused_without_it_and_served_read_only_with_the_session_cookie()
    {
        // Given a dashboard guarded by a token, with a schedule in the workers' job storage
        await using var dashboard = await Dashboard.StartAsync(token: Dashboard.Token, kind: StoreKind.Postgres, jobs: true);
        var storage = KagiJobStorage.Open(dashboard.Location, WorkerSettings.DefaultLease);
        new RecurringJobManager(storage).AddOrUpdate<ScanJobs>(Schedule, scans => scans.Scheduled(new[] { "--all-accounts" }), "0 3 * * *");

        // When its pages and scripts are asked for without a credential, Then they are refused as every page is, showing nothing of Hangfire's
        using (var anonymous = new HttpClient { BaseAddress = dashboard.Address })
        {
            foreach (var path in new[] { "/jobs", "/jobs/recurring", "/jobs/stats" })
            {
                var refused = await anonymous.GetAsync(new Uri(path, UriKind.Relative));
                Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
                var body = await refused.Content.ReadAsStringAsync();
                Assert.DoesNotContain("Hangfire", body, StringComparison.Ordinal);
                Assert.DoesNotContain(Schedule, body, StringComparison.Ordinal);
            }

            // But the icon a browser asks for before signing in is no refusal: it is empty, for everyone
            var icon = await anonymous.GetAsync(new Uri("/favicon.ico", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NoContent, icon.StatusCode);
        }

        // When the lead signs in and opens /jobs with the session cookie
        using var client = await SignedInAsync(dashboard);
        var home = await client.GetAsync(new Uri("/jobs", UriKind.Relative));

        // Then it is Hangfire's dashboard under our headers, its way back leading to the distributed scans
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var html = await home.Content.ReadAsStringAsync();
        Assert.Contains("\">Kagi · jobs</a>", html, StringComparison.Ordinal);
        Assert.Matches("<a href=\"/distributed\">\\s*<span class=\"glyphicon glyphicon-log-out\">", html);
        Assert.DoesNotContain("Host=127.0.0.1", html, StringComparison.Ordinal);
        var policy = home.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("DENY", home.Headers.GetValues("X-Frame-Options").Single());

        // And the recurring jobs page lists the schedule without the buttons that would change it
        var recurring = await client.GetStringAsync(new Uri("/jobs/recurring", UriKind.Relative));
        Assert.Contains(Schedule, recurring, StringComparison.Ordinal);
        Assert.DoesNotContain("/jobs/recurring/trigger", recurring, StringComparison.Ordinal);

        // When a trigger is posted anyway, with Hangfire's own anti-forgery header
        using var trigger = new HttpRequestMessage(HttpMethod.Post, new Uri("/jobs/recurring/trigger", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["jobs[]"] = Schedule }),
        };
        trigger.Headers.Add(Meta(html, "csrf-header"), Meta(html, "csrf-token"));
        var triggered = await client.SendAsync(trigger);

        // Then it is refused as read-only, and the schedule has never run
        Assert.Equal(HttpStatusCode.Unauthorized, triggered.StatusCode);
        using var connection = storage.GetConnection();
        Assert.Null(connection.GetRecurringJobs().Single(job => job.Id == Schedule).LastJobId);

        // And the distributed scans' page links /jobs
        Assert.Contains("<a id=\"jobs-link\" href=\"/jobs\">", await client.GetStringAsync(new Uri("/distributed", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_host_not_allowed_then_jobs_is_refused_even_with_the_token()
    {
        // Given the jobs dashboard, and a client holding the token
        await using var dashboard = await Dashboard.StartAsync(token: Dashboard.Token, kind: StoreKind.Postgres, jobs: true);
        using var client = new HttpClient { BaseAddress = dashboard.Address };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Dashboard.Token);

        // When /jobs is asked for under a name a DNS-rebinding page would use, and then under the listen address
        using var rebound = new HttpRequestMessage(HttpMethod.Get, new Uri("/jobs", UriKind.Relative));
        rebound.Headers.Host = "attacker.example";
        var refused = await client.SendAsync(rebound);
        var served = await client.GetAsync(new Uri("/jobs", UriKind.Relative));

        // Then the first is refused before Hangfire answers, and the second is served
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.DoesNotContain("Hangfire", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Contains("Hangfire", await served.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_sqlite_store_or_a_build_without_hangfire_then_there_is_no_jobs_page_nor_link()
    {
        // Given a SQLite store, for which kagi serve mounts nothing, and a PostgreSQL store served without the jobs
        // dashboard, as the native build serves it
        Assert.Null(DistributedMode.JobsDashboard(new StoreLocation(StoreKind.Sqlite, "kagi.db")));
        await using var sqlite = await Dashboard.StartAsync(kind: StoreKind.Sqlite, jobs: true);
        await using var native = await Dashboard.StartAsync(kind: StoreKind.Postgres);
        using var sqliteClient = new HttpClient { BaseAddress = sqlite.Address };
        using var nativeClient = new HttpClient { BaseAddress = native.Address };

        // When /jobs and the distributed scans are asked for, Then /jobs is not found and no page links it
        Assert.Equal(HttpStatusCode.NotFound, (await sqliteClient.GetAsync(new Uri("/jobs", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await nativeClient.GetAsync(new Uri("/jobs", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain("/jobs", await sqliteClient.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
        var distributed = await nativeClient.GetStringAsync(new Uri("/distributed", UriKind.Relative));
        Assert.Contains("id=\"no-scans\"", distributed, StringComparison.Ordinal);
        Assert.DoesNotContain("jobs-link", distributed, StringComparison.Ordinal);
    }

    [Fact]
    public Task Sign_in_then_open_jobs_through_the_link_in_chromium() => BrowserTests.BrowseAsync(
        StoreKind.Postgres,
        async (dashboard, _, page, screenshots) =>
        {
            // Given a schedule in the workers' job storage that has run once, whose last run the recurring jobs page labels
            var schedules = new RecurringJobManager(KagiJobStorage.Open(dashboard.Location, WorkerSettings.DefaultLease));
            schedules.AddOrUpdate<ScanJobs>(Schedule, scans => scans.Scheduled(new[] { "--all-accounts" }), "0 3 * * *");
            schedules.Trigger(Schedule);

            // When the lead signs in and follows the distributed scans' link to the jobs
            await page.GotoAsync(new Uri(dashboard.Address, "/login").ToString());
            await page.FillAsync("#token", Dashboard.Token);
            await page.ClickAsync("#login");
            await page.ClickAsync("#nav-distributed");
            await page.ClickAsync("#jobs-link");

            // Then Hangfire's dashboard runs under our policy: its live counters poll without error (a blocked script,
            // style or request would be a console error, which BrowseAsync fails on)
            Assert.Contains("Kagi · jobs", await page.TitleAsync(), StringComparison.Ordinal);
            await page.WaitForResponseAsync(response => response.Url.EndsWith("/jobs/stats", StringComparison.Ordinal) && response.Status == 200);
            Assert.False(await page.Locator("#errorAlert").IsVisibleAsync());
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "jobs.png"), FullPage = true });

            // And its recurring jobs list the schedule, and its way back leads to the distributed scans
            await page.ClickAsync("a[href='/jobs/recurring']");
            Assert.Contains(Schedule, await page.Locator("table").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(1, await page.Locator("table a span.label").CountAsync());
            await page.ClickAsync("a[href='/distributed']");
            Assert.Contains("Distributed scans", await page.TitleAsync(), StringComparison.Ordinal);
        },
        token: Dashboard.Token,
        jobs: true);

    // Signs in through the login form, as a browser does: the client keeps the session cookie.
    private static async Task<HttpClient> SignedInAsync(Dashboard dashboard)
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = dashboard.Address };
        var login = await client.GetStringAsync(new Uri("/login", UriKind.Relative));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__kagi_af"] = AntiforgeryField().Match(login).Groups[1].Value, ["token"] = Dashboard.Token });
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(new Uri("/login", UriKind.Relative), form)).StatusCode);
        return client;
    }

    private static string Meta(string html, string name) =>
        Regex.Match(html, $"<meta name=\"{name}\" content=\"([^\"]+)\">").Groups[1].Value is { Length: > 0 } value ? value : throw new InvalidOperationException($"no meta {name}");

    [GeneratedRegex("name=\"__kagi_af\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
