using Kagi.Store;
using Kagi.Testing;
using Microsoft.Playwright;

namespace Kagi.Web.Tests;

/// <summary>Drives Debian's Chromium (never a downloaded browser) through the dashboard as a security lead would.</summary>
public sealed class BrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public Task Overview_filter_detail_japanese_and_mute_in_chromium(StoreKind kind) => BrowseAsync(kind, async (dashboard, browser, page, screenshots) =>
    {
        await page.GotoAsync(new Uri(dashboard.Address, "/").ToString());
        Assert.Contains("Overview", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Equal("3", await page.Locator(".new-count").TextContentAsync());
        Assert.Equal("1", await page.Locator(".resolved-count").TextContentAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "overview.png"), FullPage = true });

        await page.ClickAsync("#nav-findings");
        await page.FillAsync("#f-region", "us-east-1");
        await page.ClickAsync("#apply");
        Assert.Equal(1, await page.Locator("tr.finding").CountAsync());
        Assert.Contains("cluster:audit", await page.Locator("tr.finding").InnerTextAsync(), StringComparison.Ordinal);

        await page.FillAsync("#f-region", string.Empty);
        await page.FillAsync("#f-q", "alert(1)");
        await page.ClickAsync("#apply");
        Assert.Equal(1, await page.Locator("tr.finding").CountAsync());
        await page.ClickAsync("tr.finding a");
        Assert.Equal($"arn:aws:rds:eu-west-1:111122223333:cluster:{Dashboard.HostileResource}", await page.Locator("#resource").TextContentAsync());
        Assert.Equal(0, await page.Locator("main script").CountAsync());
        Assert.Equal(Dashboard.HostileResource, await page.Locator("#resource-name").TextContentAsync());
        Assert.Contains("keyLevel", await page.Locator("#evidence").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("none", await page.Locator("#evidence").InnerTextAsync(), StringComparison.Ordinal);

        // The fix is the one the scan printed, for this cluster: its identifier shell-quoted, shown as text.
        var cli = await page.Locator(".tabs .panel").Nth(2).Locator("code").TextContentAsync();
        Assert.Contains($"\nOLD='{Dashboard.HostileResource}'\n", cli, StringComparison.Ordinal);
        Assert.DoesNotContain("<name>", cli, StringComparison.Ordinal);
        await browser.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.ClickAsync("label[for=fix-2]");
        await page.ClickAsync(".tabs .panel >> nth=2 >> button.copy");
        Assert.Equal(cli, await page.EvaluateAsync<string>("navigator.clipboard.readText()"));

        await page.ClickAsync("#lang-ja");
        Assert.Equal("ja", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("リスク", await page.Locator(".tabs").InnerTextAsync(), StringComparison.Ordinal);

        await page.FillAsync("#reason", "Accepted: test cluster, no data");
        await page.ClickAsync("#mute");
        Assert.Contains("MUTED", await page.Locator("#state").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Accepted: test cluster, no data", await page.Locator("#muted-by").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("ja", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal(1, await page.Locator("#audit tr").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "finding.png"), FullPage = true });
    });

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public Task Keys_page_filters_and_leads_to_a_key_and_its_dependents_findings_in_chromium(StoreKind kind) => BrowseAsync(kind, async (dashboard, _, page, screenshots) =>
    {
        // The overview counts the data on AWS-managed keys as the latest scan saw it: aws-rds protects two clusters
        await page.GotoAsync(new Uri(dashboard.Address, "/").ToString());
        Assert.Equal("2", await page.Locator("#backlog-count").TextContentAsync());
        Assert.Equal(2, await page.Locator("#backlog-trend circle").CountAsync());

        // The Keys page lists the latest scan's keys, the hostile alias as text, and filters by level and state
        await page.ClickAsync("#nav-keys");
        Assert.Equal(3, await page.Locator("tr.key").CountAsync());
        Assert.Contains(Dashboard.HostileAlias, await page.Locator("#keys").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("main img").CountAsync());
        await page.SelectOptionAsync("#k-level", "aws-managed");
        await page.ClickAsync("#apply");
        Assert.Equal(["aws-managed"], await page.Locator("tr.key td.level").AllTextContentsAsync());
        await page.SelectOptionAsync("#k-level", string.Empty);
        await page.SelectOptionAsync("#k-state", "PendingDeletion");
        await page.ClickAsync("#apply");
        Assert.Contains("2027-01-15", await page.Locator("tr.key td.state").InnerTextAsync(), StringComparison.Ordinal);
        await page.SelectOptionAsync("#k-state", string.Empty);
        await page.SelectOptionAsync("#k-sort", "key");
        await page.SelectOptionAsync("#k-dir", "asc");
        await page.ClickAsync("#apply");
        var keys = await page.Locator("tr.key td.res").AllTextContentsAsync();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "keys.png"), FullPage = true });

        // The aws-rds key's page lists its two clusters, each leading to that cluster's findings
        await page.ClickAsync("tr.key a:has-text('aws-rds')");
        Assert.Equal(2, await page.Locator("tr.dependent").CountAsync());
        await page.ClickAsync("tr.dependent a:has-text('cluster:audit')");
        Assert.Equal(1, await page.Locator("tr.finding").CountAsync());
        Assert.Contains("cluster:audit", await page.Locator("tr.finding").InnerTextAsync(), StringComparison.Ordinal);

        // In Japanese the Keys page keeps its filters and speaks Japanese
        await page.GotoAsync(new Uri(dashboard.Address, "/keys?level=customer&lang=ja").ToString());
        Assert.Equal("ja", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("キー", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await page.Locator("tr.key").CountAsync());
    });

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public Task The_overview_breaks_findings_down_by_named_account_and_leads_to_each_accounts_findings_in_chromium(StoreKind kind) => BrowseAsync(kind, async (dashboard, _, page, screenshots) =>
    {
        // The overview lists each account of the store with its name, the hostile one as text, and its findings by state
        await page.GotoAsync(new Uri(dashboard.Address, "/").ToString());
        var hostile = $"{LiveResources.Account} ({Dashboard.HostileAccountName})";
        var audit = $"{Dashboard.AuditAccount} ({Dashboard.AuditAccountName})";
        Assert.Equal([hostile, audit], await page.Locator("#accounts tr.account td:first-child").AllTextContentsAsync());
        Assert.Equal(0, await page.Locator("main script").CountAsync());
        var named = page.Locator("#accounts tr.account").Nth(0);
        Assert.Equal(("2", "1"), (await named.Locator("td.count-new").TextContentAsync(), await named.Locator("td.count-resolved").TextContentAsync()));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "accounts.png"), FullPage = true });

        // A count leads to that account's findings in that state, the filter showing the account by its name
        await page.ClickAsync("#accounts tr.account >> nth=1 >> td.count-new a");
        Assert.Equal(1, await page.Locator("tr.finding").CountAsync());
        Assert.Contains($"{audit} us-east-1", await page.Locator("tr.finding").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(audit, await page.Locator("#f-account option:checked").TextContentAsync());

        // And choosing the other account in the filter lists that account's findings alone, under its name
        await page.SelectOptionAsync("#f-account", LiveResources.Account);
        await page.SelectOptionAsync("#f-status", string.Empty);
        await page.ClickAsync("#apply");
        var rows = await page.Locator("tr.finding").AllInnerTextsAsync();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, row => Assert.Contains(hostile, row, StringComparison.Ordinal));
        Assert.Equal(0, await page.Locator("main script").CountAsync());
    });

    // Starts the dashboard on a fresh store of this kind and Chromium on it, takes the steps on one page, and then checks
    // that no script failed and no dialog opened (an injected alert would open one).
    internal static async Task BrowseAsync(StoreKind kind, Func<Dashboard, IBrowserContext, IPage, string, Task> steps, string? token = null, bool jobs = false)
    {
        await using var dashboard = await Dashboard.StartAsync(token: token, kind: kind, jobs: jobs);
        var (browser, profile, playwright) = await LaunchAsync();
        try
        {
            var page = browser.Pages.Count > 0 ? browser.Pages[0] : await browser.NewPageAsync();
            var (errors, dialogs) = Watch(page);
            await steps(dashboard, browser, page, Screenshots(profile));
            Assert.Equal(0, dialogs());
            Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
            Delete(profile);
        }
    }

    private static async Task<(IBrowserContext Browser, DirectoryInfo Profile, IPlaywright Playwright)> LaunchAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium package");
        var profile = Directory.CreateTempSubdirectory("kagi-chromium-");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        return (browser, profile, playwright);
    }

    // Script errors and console errors the page raised, and a count of dialogs (an injected alert would open one).
    private static (List<string> Errors, Func<int> Dialogs) Watch(IPage page)
    {
        var errors = new List<string>();
        var dialogs = 0;
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"{message.Text} ({message.Location})");
            }
        };
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };
        return (errors, () => dialogs);
    }

    private static string Screenshots(DirectoryInfo profile) =>
        Environment.GetEnvironmentVariable("KAGI_SCREENSHOTS") is { Length: > 0 } folder ? folder : profile.FullName;

    private static void Delete(DirectoryInfo profile)
    {
        try
        {
            profile.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
