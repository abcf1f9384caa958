using System.Net;
using Kagi.Cli;
using Kagi.Store;
using Kagi.Testing;

namespace Kagi.Web.Tests;

public sealed class SecurityTests
{
    [Fact]
    public void A_non_loopback_bind_without_a_token_is_refused()
    {
        var (options, error) = DashboardOptions.Create(new StoreLocation(StoreKind.Sqlite, "/nonexistent/kagi.db"), "0.0.0.0:8080", token: null);
        Assert.Null(options);
        Assert.Contains("token", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Kagi_serve_exits_2_on_a_non_loopback_bind_without_a_token()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var previous = Environment.GetEnvironmentVariable(DashboardOptions.TokenVariable);
        Environment.SetEnvironmentVariable(DashboardOptions.TokenVariable, null);
        try
        {
            var code = KagiCommandLine.Run(["serve", "--listen", "0.0.0.0:0", "--store", Path.Combine(Path.GetTempPath(), "never.db")], output, error, TimeProvider.System);
            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Contains("refusing to listen", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(DashboardOptions.TokenVariable, previous);
        }
    }

    [Fact]
    public void Kagi_serve_refuses_a_store_that_does_not_exist()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = KagiCommandLine.Run(["serve", "--listen", "127.0.0.1:0", "--store", Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".db")], output, error, TimeProvider.System);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("no findings store", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_loopback_bind_with_a_token_is_allowed()
    {
        var (options, error) = DashboardOptions.Create(new StoreLocation(StoreKind.Sqlite, "/tmp/kagi.db"), "0.0.0.0:8080", Dashboard.Token);
        Assert.Null(error);
        Assert.Equal(Dashboard.Token, options!.Token);
    }

    [Fact]
    public async Task Without_the_token_requests_are_401_and_with_it_200()
    {
        await using var dashboard = await Dashboard.StartAsync(token: Dashboard.Token);
        using var client = new HttpClient { BaseAddress = dashboard.Address };
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/findings", UriKind.Relative))).StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/");
        wrong.Headers.Authorization = new("Bearer", "nope");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrong)).StatusCode);
        using var right = new HttpRequestMessage(HttpMethod.Get, "/");
        right.Headers.Authorization = new("Bearer", Dashboard.Token);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(right)).StatusCode);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_400_and_mutes_nothing()
    {
        await using var dashboard = await Dashboard.StartAsync();
        using var client = new HttpClient { BaseAddress = dashboard.Address };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "accepted" });
        var response = await client.PostAsync(new Uri($"/findings/{dashboard.HostileFingerprint}/mute", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await client.GetStringAsync(new Uri($"/findings/{dashboard.HostileFingerprint}", UriKind.Relative));
        Assert.DoesNotContain("MUTED", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_sends_the_security_headers()
    {
        await using var dashboard = await Dashboard.StartAsync();
        using var client = new HttpClient { BaseAddress = dashboard.Address };
        foreach (var path in new[] { "/", "/findings", $"/findings/{dashboard.HostileFingerprint}" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        }
    }

    [Fact]
    public async Task A_hostile_resource_id_tag_value_and_account_name_are_encoded_everywhere()
    {
        await using var dashboard = await Dashboard.StartAsync();
        using var client = new HttpClient { BaseAddress = dashboard.Address };
        foreach (var path in new[] { "/", "/findings", $"/findings/{dashboard.HostileFingerprint}", $"/findings/{dashboard.HostileFingerprint}?lang=ja" })
        {
            var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
            Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        }

        var detail = await client.GetStringAsync(new Uri($"/findings/{dashboard.HostileFingerprint}", UriKind.Relative));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", detail, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"tags\">owner=&lt;script&gt;alert(1)&lt;/script&gt;</dd>", detail, StringComparison.Ordinal);

        // The account's hostile name, on the finding, in the overview's breakdown and among the findings filter's choices
        const string Account = $"{LiveResources.Account} (&lt;script&gt;alert(3)&lt;/script&gt;)";
        Assert.Contains($"<dd id=\"account\">{Account}</dd>", detail, StringComparison.Ordinal);
        Assert.Contains($">{Account}</a></td>", await client.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains($">{Account}</option>", await client.GetStringAsync(new Uri("/findings", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_login_form_sets_an_http_only_strict_cookie_that_opens_the_pages()
    {
        await using var dashboard = await Dashboard.StartAsync(token: Dashboard.Token);
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true };
        using var client = new HttpClient(handler) { BaseAddress = dashboard.Address };
        var login = await client.GetStringAsync(new Uri("/login", UriKind.Relative));
        var field = System.Text.RegularExpressions.Regex.Match(login, "name=\"__kagi_af\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(field);

        using var wrong = new FormUrlEncodedContent(new Dictionary<string, string> { ["__kagi_af"] = field, ["token"] = "nope" });
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync(new Uri("/login", UriKind.Relative), wrong)).StatusCode);

        using var right = new FormUrlEncodedContent(new Dictionary<string, string> { ["__kagi_af"] = field, ["token"] = Dashboard.Token });
        var response = await client.PostAsync(new Uri("/login", UriKind.Relative), right);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), value => value.StartsWith("kagi_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Dashboard.Token, cookie, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/findings", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_login_without_the_antiforgery_token_is_400()
    {
        await using var dashboard = await Dashboard.StartAsync(token: Dashboard.Token);
        using var client = new HttpClient { BaseAddress = dashboard.Address };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = Dashboard.Token });
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync(new Uri("/login", UriKind.Relative), form)).StatusCode);
    }

    [Fact]
    public async Task Findings_page_in_sql_and_filter_by_text()
    {
        await using var dashboard = await Dashboard.StartAsync();
        using var client = new HttpClient { BaseAddress = dashboard.Address };
        var all = await client.GetStringAsync(new Uri("/findings?sort=resource&dir=asc", UriKind.Relative));
        Assert.Contains("<p id=\"total\">5 ", all, StringComparison.Ordinal);
        Assert.Contains($"<code>aws_neptune_cluster.graph</code></a><br><small class=\"name\">{Dashboard.TerraformClusterName}</small>", all, StringComparison.Ordinal);
        Assert.DoesNotContain("<small class=\"name\">orders</small>", all, StringComparison.Ordinal);
        var byName = await client.GetStringAsync(new Uri($"/findings?q={Dashboard.TerraformClusterName}", UriKind.Relative));
        Assert.Contains("<p id=\"total\">1 ", byName, StringComparison.Ordinal);
        var open = await client.GetStringAsync(new Uri("/findings?status=resolved", UriKind.Relative));
        Assert.Contains("<p id=\"total\">1 ", open, StringComparison.Ordinal);
        Assert.Contains("cluster:orders", open, StringComparison.Ordinal);
        var text = await client.GetStringAsync(new Uri("/findings?q=AUDIT", UriKind.Relative));
        Assert.Contains("<p id=\"total\">1 ", text, StringComparison.Ordinal);
    }
}
