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
    public async Task Overview_filter_detail_japanese_and_mute_in_chromium(StoreKind kind)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium package");
        await using var dashboard = await Dashboard.StartAsync(kind: kind);
        var profile = Directory.CreateTempSubdirectory("kagi-chromium-");
        var screenshots = Environment.GetEnvironmentVariable("KAGI_SCREENSHOTS") is { Length: > 0 } folder ? folder : profile.FullName;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        try
        {
            var page = browser.Pages.Count > 0 ? browser.Pages[0] : await browser.NewPageAsync();
            var dialogs = 0;
            page.Dialog += (_, dialog) =>
            {
                dialogs++;
                _ = dialog.DismissAsync();
            };

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
            await page.FillAsync("#f-q", "script");
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
            Assert.Contains($"--db-cluster-identifier '{Dashboard.HostileResource}'", cli, StringComparison.Ordinal);
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
            Assert.Equal(0, dialogs);
        }
        finally
        {
            await browser.CloseAsync();
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
