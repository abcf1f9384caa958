using System.Net;
using System.Text.RegularExpressions;
using Kagi.Store;
using Kagi.Store.Distributed;
using Microsoft.Playwright;

namespace Kagi.Web.Tests;

/// <summary>The distributed scans' pages on a real PostgreSQL store, their scans and units written by the store's own API.</summary>
public sealed partial class DistributedPagesTests
{
    private const string HostileAccountName = "<script>alert(4)</script>";

    private const string HostileWorker = "<b onmouseover=alert(5)>worker-2</b>";

    private const string HostileError = "AccessDenied: <script>alert(6)</script>";

    [Fact]
    public async Task Given_a_scan_with_units_when_its_pages_are_read_then_they_show_the_stores_counts_and_states_escaped()
    {
        // Given a running scan of three units (one done, one failed for good, one pending) and a newer scan still planning
        await using var dashboard = await Dashboard.StartAsync(kind: StoreKind.Postgres);
        var (running, planning) = Seed(dashboard.Location);
        using var client = new HttpClient { BaseAddress = dashboard.Address };

        // When the overview and the list are read
        var overview = await client.GetStringAsync("/");
        var list = await client.GetStringAsync("/distributed");

        // Then the navigation links the list, which shows the newest scan first and the running one's counts as stored
        Assert.Contains("id=\"nav-distributed\"", overview, StringComparison.Ordinal);
        var rows = ScanRows().Matches(list).Select(match => match.Value).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains($">#{planning}</a>", rows[0], StringComparison.Ordinal);
        Assert.Contains(">planning</td>", rows[0], StringComparison.Ordinal);
        Assert.Contains($">#{running}</a>", rows[1], StringComparison.Ordinal);
        Assert.Contains("<td class=\"state\">running</td><td class=\"finished\">2 / 3</td><td class=\"errors\">1</td>", rows[1], StringComparison.Ordinal);

        // When the running scan's page is read
        var page = await client.GetStringAsync($"/distributed/{running}");

        // Then its units are in order with their workers, attempts and counts, every outside text escaped
        var units = UnitRows().Matches(page).Select(match => match.Value).ToList();
        Assert.Equal(3, units.Count);
        Assert.Contains("<td class=\"account\">111122223333 (&lt;script&gt;alert(4)&lt;/script&gt;)</td><td>eu-west-1</td><td class=\"state\">done</td><td class=\"attempts\">1</td><td class=\"worker\">worker-1</td>", units[0], StringComparison.Ordinal);
        Assert.Contains("<td class=\"count-pass\">5</td><td class=\"count-fail\">2</td><td class=\"count-error\">0</td><td class=\"count-unknown\">1</td>", units[0], StringComparison.Ordinal);
        Assert.Contains("<td class=\"state\">error</td><td class=\"attempts\">2</td><td class=\"worker\">&lt;b onmouseover=alert(5)&gt;worker-2&lt;/b&gt;</td>", units[1], StringComparison.Ordinal);
        Assert.Contains("<td class=\"error-text\">AccessDenied: &lt;script&gt;alert(6)&lt;/script&gt;</td>", units[1], StringComparison.Ordinal);
        Assert.Contains("<td class=\"account\">444455556666 (audit)</td><td>us-east-1</td><td class=\"state\">pending</td><td class=\"attempts\">0</td>", units[2], StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b onmouseover", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_state_filter_then_only_those_units_are_shown_and_a_bad_value_filters_nothing()
    {
        // Given the running scan of three units, one in each state
        await using var dashboard = await Dashboard.StartAsync(kind: StoreKind.Postgres);
        var (running, _) = Seed(dashboard.Location);
        using var client = new HttpClient { BaseAddress = dashboard.Address };

        // When the units are filtered by each state, and by values that name none
        async Task<IReadOnlyList<string>> Units(string state)
        {
            var response = await client.GetAsync($"/distributed/{running}?state={Uri.EscapeDataString(state)}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return [.. UnitRows().Matches(await response.Content.ReadAsStringAsync()).Select(match => match.Value)];
        }

        // Then each state keeps its own units, and anything else keeps all three
        Assert.Contains("AccessDenied", Assert.Single(await Units("error")), StringComparison.Ordinal);
        Assert.Contains("data-state=\"done\"", Assert.Single(await Units("done")), StringComparison.Ordinal);
        Assert.Contains("data-state=\"pending\"", Assert.Single(await Units("pending")), StringComparison.Ordinal);
        Assert.Empty(await Units("running"));
        foreach (var bad in new[] { "ERROR", "bogus", "<script>alert(7)</script>", new string('x', 5000) })
        {
            Assert.Equal(3, (await Units(bad)).Count);
        }

        Assert.DoesNotContain("alert(7)", await client.GetStringAsync("/distributed/" + running + "?state=%3Cscript%3Ealert(7)%3C%2Fscript%3E"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_an_unknown_or_malformed_id_then_the_answer_is_a_404_page()
    {
        // Given a store with one scan
        await using var dashboard = await Dashboard.StartAsync(kind: StoreKind.Postgres);
        var (running, planning) = Seed(dashboard.Location);
        using var client = new HttpClient { BaseAddress = dashboard.Address };

        // When scans that do not exist are asked for, Then each is a 404 page that names what was not found
        foreach (var id in new[] { (planning + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "0", "-1", "abc", "1e3", "99999999999999999999999" })
        {
            var response = await client.GetAsync($"/distributed/{id}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("No distributed scan has this number.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/distributed/{running}")).StatusCode);
    }

    [Fact]
    public async Task Given_a_sqlite_store_then_there_is_no_distributed_page_nor_link()
    {
        // Given the dashboard on a SQLite store, which cannot hold distributed scans
        await using var dashboard = await Dashboard.StartAsync(kind: StoreKind.Sqlite);
        using var client = new HttpClient { BaseAddress = dashboard.Address };

        // When its pages are read, Then the navigation has no link and the pages are not found
        Assert.DoesNotContain("nav-distributed", await client.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain("/distributed", await client.GetStringAsync("/findings"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/distributed")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/distributed/1")).StatusCode);
    }

    [Fact]
    public async Task Given_a_token_then_the_distributed_pages_need_it()
    {
        // Given a dashboard guarded by a token
        await using var dashboard = await Dashboard.StartAsync(token: Dashboard.Token, kind: StoreKind.Postgres);
        var (running, _) = Seed(dashboard.Location);
        using var client = new HttpClient { BaseAddress = dashboard.Address };

        // When the pages are asked for without it, Then they are refused without their content
        foreach (var path in new[] { "/distributed", $"/distributed/{running}" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.DoesNotContain("worker-1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // And with it they answer
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Dashboard.Token);
        Assert.Contains("worker-1", await client.GetStringAsync($"/distributed/{running}"), StringComparison.Ordinal);
    }

    [Fact]
    public Task Navigate_filter_and_switch_to_japanese_in_chromium() => BrowserTests.BrowseAsync(StoreKind.Postgres, async (dashboard, _, page, screenshots) =>
    {
        // Given the running scan of three units with hostile names
        var (running, _) = Seed(dashboard.Location);

        // When the lead follows the navigation to the scan and filters its failed units
        await page.GotoAsync(new Uri(dashboard.Address, "/").ToString());
        await page.ClickAsync("#nav-distributed");
        Assert.Contains("Distributed scans", await page.TitleAsync(), StringComparison.Ordinal);
        await page.ClickAsync($"tr.distributed-scan a:text-is('#{running}')");
        Assert.Equal(3, await page.Locator("tr.unit").CountAsync());
        await page.SelectOptionAsync("#u-state", "error");
        await page.ClickAsync("#apply");

        // Then the one failed unit shows the hostile texts as text, and no script of theirs exists or ran
        Assert.Equal(1, await page.Locator("tr.unit").CountAsync());
        Assert.Equal($"111122223333 ({HostileAccountName})", await page.Locator("tr.unit td.account").TextContentAsync());
        Assert.Equal(HostileError, await page.Locator("tr.unit td.error-text").TextContentAsync());
        Assert.Equal(0, await page.Locator("main script, main b").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "distributed-units.png"), FullPage = true });

        // And the language switch keeps the filter and shows the page in Japanese
        await page.ClickAsync("#lang-ja");
        Assert.Contains("分散スキャン", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("tr.unit").CountAsync());
        Assert.Equal("エラー", await page.Locator("tr.unit td.state").TextContentAsync());
        Assert.Equal("error", await page.Locator("#u-state").InputValueAsync());
    });

    // A running scan: its first unit done on worker-1, its second failed for good at its second attempt, its third
    // pending; then a newer scan still planning. Returns both numbers.
    private static (long Running, long Planning) Seed(StoreLocation location)
    {
        using var store = DistributedScanStore.Open(location, TimeProvider.System);
        var running = store.CreateScan("{\"accounts\":\"all\"}");
        store.AddUnits(running, [
            new PlannedUnit("111122223333/eu-west-1", "111122223333", HostileAccountName, "eu-west-1", 0),
            new PlannedUnit("111122223333/us-east-1", "111122223333", HostileAccountName, "us-east-1", 1),
            new PlannedUnit("444455556666/us-east-1", "444455556666", "audit", "us-east-1", 2),
        ]);
        Assert.True(store.StartUnit(running, "111122223333/eu-west-1", "worker-1"));
        Assert.Equal(UnitFinish.Recorded, store.FinishUnit(running, "111122223333/eu-west-1", new UnitOutcome([1, 2, 3], 5, 2, 0, 1, null)));
        Assert.True(store.StartUnit(running, "111122223333/us-east-1", "worker-1"));
        Assert.True(store.StartUnit(running, "111122223333/us-east-1", HostileWorker));
        Assert.Equal(UnitFinish.Recorded, store.FinishUnit(running, "111122223333/us-east-1", UnitOutcome.Failed(HostileError)));
        return (running, store.CreateScan("{\"accounts\":\"all\"}"));
    }

    [GeneratedRegex("<tr class=\"distributed-scan\".*?</tr>")]
    private static partial Regex ScanRows();

    [GeneratedRegex("<tr class=\"unit\".*?</tr>")]
    private static partial Regex UnitRows();
}
