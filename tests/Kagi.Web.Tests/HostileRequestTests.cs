using System.Net;
using System.Text.RegularExpressions;
using Kagi.Cli;
using Kagi.Store;
using Kagi.Testing;

namespace Kagi.Web.Tests;

/// <summary>The attacks found against the dashboard, replayed over real HTTP.</summary>
public sealed partial class HostileRequestTests
{
    [Fact]
    public async Task Given_a_foreign_host_header_when_any_page_is_asked_then_it_is_refused_with_the_security_headers_and_no_content()
    {
        await using var dashboard = await Dashboard.StartAsync();
        using var client = new HttpClient { BaseAddress = dashboard.Address };
        foreach (var path in new[] { "/", "/findings", $"/findings/{dashboard.HostileFingerprint}", "/static/dashboard.js", "/nowhere" })
        {
            var response = await client.SendAsync(WithHost(HttpMethod.Get, path, "evil.example"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            AssertSecurityHeaders(response);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<html", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("cluster", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Given_localhost_or_the_listen_address_with_or_without_port_then_pages_answer()
    {
        await using var dashboard = await Dashboard.StartAsync();
        using var client = new HttpClient { BaseAddress = dashboard.Address };
        var port = dashboard.Address.Port;
        foreach (var host in new[] { "localhost", $"localhost:{port}", "LOCALHOST", "127.0.0.1", $"127.0.0.1:{port}" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(WithHost(HttpMethod.Get, "/findings", host))).StatusCode);
        }

        // A resolver may read these as names, or as addresses other than the one listened on.
        foreach (var host in new[] { "127.1", "0x7f.0.0.1", "localhost.", "127.0.0.2", "[::1]" })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(WithHost(HttpMethod.Get, "/findings", host))).StatusCode);
        }
    }

    [Fact]
    public async Task Given_an_allowed_host_then_that_name_answers_and_others_still_do_not()
    {
        await using var dashboard = await Dashboard.StartAsync(allowedHosts: ["Kagi.Example.com"]);
        using var client = new HttpClient { BaseAddress = dashboard.Address };
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(WithHost(HttpMethod.Get, "/", "kagi.example.com"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(WithHost(HttpMethod.Get, "/", $"kagi.example.com:{dashboard.Address.Port}"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(WithHost(HttpMethod.Get, "/", "kagi.example.com.evil.example"))).StatusCode);
    }

    [Fact]
    public async Task Given_a_dns_rebinding_page_when_it_posts_a_mute_with_a_token_it_read_then_nothing_is_muted()
    {
        await using var dashboard = await Dashboard.StartAsync();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = dashboard.Address };
        var finding = $"/findings/{dashboard.HostileFingerprint}";

        // The rebound page can neither read the form (and its anti-forgery token) under its own name...
        var read = await client.SendAsync(WithHost(HttpMethod.Get, finding, "attacker.example"));
        Assert.Equal(HttpStatusCode.BadRequest, read.StatusCode);
        Assert.DoesNotContain("__kagi_af", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // ...nor use one it got any other way.
        var token = await FormToken(client, finding);
        var post = WithHost(HttpMethod.Post, finding + "/mute", "attacker.example");
        post.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__kagi_af"] = token, ["reason"] = "rebound" });
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(post)).StatusCode);
        Assert.Empty(dashboard.Mutes());
    }

    [Fact]
    public async Task Given_a_spoofed_by_without_a_token_then_the_mute_is_by_local_and_the_name_only_a_note()
    {
        await using var dashboard = await Dashboard.StartAsync();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = dashboard.Address };
        var response = await PostMute(client, dashboard, new() { ["reason"] = "accepted risk", ["by"] = "security-lead" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var mute = Assert.Single(dashboard.Mutes());
        Assert.Equal("dashboard:local (as given: security-lead)", mute.CreatedBy);
        Assert.Equal("accepted risk", mute.Reason);

        var unmute = await PostForm(client, $"/findings/{dashboard.HostileFingerprint}", $"/findings/{dashboard.HostileFingerprint}/unmute", new() { ["by"] = "ciso" });
        Assert.Equal(HttpStatusCode.Redirect, unmute.StatusCode);
        Assert.Equal("dashboard:local (as given: ciso)", Assert.Single(dashboard.Mutes()).RemovedBy);
    }

    [Fact]
    public async Task Given_a_token_then_the_mute_names_the_token_by_a_digest_that_is_not_the_token()
    {
        await using var dashboard = await Dashboard.StartAsync(token: Dashboard.Token);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = dashboard.Address };
        client.DefaultRequestHeaders.Authorization = new("Bearer", Dashboard.Token);
        Assert.Equal(HttpStatusCode.Redirect, (await PostMute(client, dashboard, new() { ["reason"] = "accepted risk" })).StatusCode);
        var mute = Assert.Single(dashboard.Mutes());
        Assert.Matches("^dashboard:token:[0-9a-f]{8}$", mute.CreatedBy);
        Assert.DoesNotContain(Dashboard.Token[..8], mute.CreatedBy, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/findings?page=42949674")]
    [InlineData("/findings?page=0")]
    [InlineData("/findings?page=-1")]
    [InlineData("/findings?page=two")]
    public async Task Given_a_page_number_out_of_range_then_400_with_the_security_headers(string path)
    {
        await using var dashboard = await Dashboard.StartAsync();
        using var client = new HttpClient { BaseAddress = dashboard.Address };
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertSecurityHeaders(response);
        Assert.Contains("page number", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_the_last_allowed_page_then_it_answers_with_an_empty_list()
    {
        await using var dashboard = await Dashboard.StartAsync();
        using var client = new HttpClient { BaseAddress = dashboard.Address };
        var page = await client.GetStringAsync(new Uri($"/findings?page={Pages.MaxPage}", UriKind.Relative));
        Assert.DoesNotContain("<tr class=\"finding\">", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9999-12-31", "within 10 years")]
    [InlineData("2001-01-01", "in the past")]
    [InlineData("yesterday", "not a date")]
    public async Task Given_an_expiry_too_far_past_or_unreadable_then_a_form_error_and_no_mute(string until, string message)
    {
        await using var dashboard = await Dashboard.StartAsync();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = dashboard.Address };
        var response = await PostMute(client, dashboard, new() { ["reason"] = "accepted risk", ["until"] = until });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertSecurityHeaders(response);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(dashboard.Mutes());
    }

    [Fact]
    public async Task Given_a_japanese_form_then_its_error_is_in_japanese_and_encoded()
    {
        await using var dashboard = await Dashboard.StartAsync();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = dashboard.Address };
        var response = await PostForm(client, $"/findings/{dashboard.HostileFingerprint}?lang=ja", $"/findings/{dashboard.HostileFingerprint}/mute?lang=ja", new() { ["reason"] = "   " });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"ja\">", page, StringComparison.Ordinal);
        Assert.Contains("<p class=\"error\">検出結果をミュートするには理由が必要です。</p>", page, StringComparison.Ordinal);
        Assert.Empty(dashboard.Mutes());
    }

    [Fact]
    public async Task Given_an_expiry_of_today_then_the_mute_lasts_to_the_end_of_the_day()
    {
        await using var dashboard = await Dashboard.StartAsync();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = dashboard.Address };
        var today = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await PostMute(client, dashboard, new() { ["reason"] = "until tonight", ["until"] = today })).StatusCode);
        Assert.Equal(DateTimeOffset.UtcNow.Date.AddDays(1), Assert.Single(dashboard.Mutes()).Until!.Value.UtcDateTime);
    }

    [Fact]
    public async Task Given_a_3_MB_reason_then_413_and_nothing_is_stored()
    {
        await using var dashboard = await Dashboard.StartAsync();

        // As a careful client sends a large body: announced, and sent only if the server wants it. The server refuses it on
        // its length alone; without the announcement the client may still be writing when the refused connection closes
        // (a broken pipe instead of the 413, depending on timing).
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, Expect100ContinueTimeout = TimeSpan.FromSeconds(30) };
        using var client = new HttpClient(handler) { BaseAddress = dashboard.Address };
        client.DefaultRequestHeaders.ExpectContinue = true;
        var response = await PostMute(client, dashboard, new() { ["reason"] = new string('a', 3 * 1024 * 1024) });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        AssertSecurityHeaders(response);
        Assert.Empty(dashboard.Mutes());
    }

    [Theory]
    [InlineData(Pages.MaxReasonLength + 1, "", "at most 1000 characters")]
    [InlineData(1, "", "A reason is required")]
    [InlineData(10, "two\nlines", "Your name must be one line")]
    public async Task Given_a_reason_or_name_out_of_bounds_then_a_form_error_and_no_mute(int reasonLength, string by, string message)
    {
        await using var dashboard = await Dashboard.StartAsync();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = dashboard.Address };
        var reason = reasonLength == 1 ? "   " : new string('a', reasonLength);
        var response = await PostMute(client, dashboard, new() { ["reason"] = reason, ["by"] = by });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(dashboard.Mutes());
    }

    [Fact]
    public async Task Given_a_post_that_is_not_a_form_then_415_with_the_security_headers()
    {
        await using var dashboard = await Dashboard.StartAsync();
        using var client = new HttpClient { BaseAddress = dashboard.Address };
        using var json = new StringContent("{\"reason\":\"x\"}", System.Text.Encoding.UTF8, "application/json");
        var response = await client.PostAsync(new Uri($"/findings/{dashboard.HostileFingerprint}/mute", UriKind.Relative), json);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task Given_a_store_that_fails_then_500_with_the_security_headers_and_no_detail()
    {
        await using var dashboard = await Dashboard.StartAsync();
        using var client = new HttpClient { BaseAddress = dashboard.Address };
        dashboard.CloseStore();
        var response = await client.GetAsync(new Uri("/findings", UriKind.Relative));
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        AssertSecurityHeaders(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("could not answer", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_five_wrong_tokens_then_the_sixth_attempt_is_429_even_with_the_right_token_until_a_minute_passes()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var dashboard = await Dashboard.StartAsync(token: Dashboard.Token, time: clock);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = dashboard.Address };
        var field = await FormToken(client, "/login");
        async Task<HttpResponseMessage> SignIn(string token)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__kagi_af"] = field, ["token"] = token });
            return await client.PostAsync(new Uri("/login", UriKind.Relative), form);
        }

        for (var attempt = 0; attempt < SignInThrottle.MaxFailures - 1; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn("wrong-token-guess-" + attempt)).StatusCode);
        }

        // Bearer guesses count as much as form guesses.
        using var bearer = new HttpRequestMessage(HttpMethod.Get, "/");
        bearer.Headers.Authorization = new("Bearer", "wrong-token-guess-by-header");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(bearer)).StatusCode);

        var refused = await SignIn(Dashboard.Token);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), refused.Headers.RetryAfter!.Delta);
        AssertSecurityHeaders(refused);

        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn(Dashboard.Token)).StatusCode);
    }

    [Fact]
    public void Given_guesses_from_one_ipv6_64_then_they_share_one_budget_and_other_clients_keep_theirs()
    {
        var throttle = new SignInThrottle(new ManualClock(DateTimeOffset.UtcNow));
        for (var host = 1; host <= SignInThrottle.MaxFailures; host++)
        {
            throttle.Fail(IPAddress.Parse($"2001:db8:1:2::{host:x}"));
        }

        Assert.True(throttle.Wait(IPAddress.Parse("2001:db8:1:2:ffff::1")) > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, throttle.Wait(IPAddress.Parse("2001:db8:1:3::1")));
        Assert.Equal(TimeSpan.Zero, throttle.Wait(IPAddress.Loopback));
    }

    [Fact]
    public async Task Given_a_session_cookie_then_it_expires_in_12_hours_and_the_server_refuses_it_after()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var dashboard = await Dashboard.StartAsync(token: Dashboard.Token, time: clock);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = dashboard.Address };
        var field = await FormToken(client, "/login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__kagi_af"] = field, ["token"] = Dashboard.Token });
        var login = await client.PostAsync(new Uri("/login", UriKind.Relative), form);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), value => value.StartsWith("kagi_session=", StringComparison.Ordinal));
        Assert.Contains("max-age=43200", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=", cookie, StringComparison.OrdinalIgnoreCase);
        var session = cookie["kagi_session=".Length..cookie.IndexOf(';', StringComparison.Ordinal)];

        // Sent by hand, as a copied cookie would be, whatever the browser would have dropped.
        async Task<HttpStatusCode> With(string value)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/findings");
            request.Headers.Add("Cookie", $"kagi_session={value}");
            using var bare = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = dashboard.Address };
            return (await bare.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await With(session));
        var seconds = long.Parse(session[..session.IndexOf('.', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Unauthorized, await With((seconds + 86400) + session[session.IndexOf('.', StringComparison.Ordinal)..]));
        clock.Advance(TokenGate.SessionLifetime + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, await With(session));
    }

    [Theory]
    [InlineData("x")]
    [InlineData("                    ")]
    [InlineData("fifteen-chars-x")]
    [InlineData(" sixteen-chars-x ")]
    public void Given_a_token_too_short_blank_or_padded_then_the_options_are_refused(string token)
    {
        var (options, error) = DashboardOptions.Create(new StoreLocation(StoreKind.Sqlite, "/tmp/kagi.db"), "0.0.0.0:8080", token);
        Assert.Null(options);
        Assert.Contains("at least 16 characters", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_16_character_token_then_the_options_are_accepted()
    {
        var (options, error) = DashboardOptions.Create(new StoreLocation(StoreKind.Sqlite, "/tmp/kagi.db"), "0.0.0.0:8080", "sixteen-chars-xy");
        Assert.Null(error);
        Assert.Equal("sixteen-chars-xy", options!.Token);
    }

    [Theory]
    [InlineData("--token", "short", "at least 16 characters")]
    [InlineData("--token", "   ", "at least 16 characters")]
    [InlineData("--allowed-host", "kagi.example.com:8080", "--allowed-host")]
    [InlineData("--allowed-host", "https://kagi.example.com", "--allowed-host")]
    public void Kagi_serve_exits_2_on_a_bad_token_or_allowed_host(string option, string value, string message)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = KagiCommandLine.Run(["serve", "--listen", "127.0.0.1:0", option, value, "--store", Path.Combine(Path.GetTempPath(), "never.db")], output, error, TimeProvider.System);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_wildcard_bind_then_address_literals_pass_and_names_need_allowing()
    {
        var (options, _) = DashboardOptions.Create(new StoreLocation(StoreKind.Sqlite, "/tmp/kagi.db"), "0.0.0.0:8080", Dashboard.Token, ["kagi.internal"]);
        var hosts = new HostAllowList(options!);
        Assert.True(hosts.Allows(new Microsoft.AspNetCore.Http.HostString("10.1.2.3:8080")));
        Assert.True(hosts.Allows(new Microsoft.AspNetCore.Http.HostString("kagi.internal:8080")));
        Assert.False(hosts.Allows(new Microsoft.AspNetCore.Http.HostString("attacker.example:8080")));
        Assert.False(hosts.Allows(new Microsoft.AspNetCore.Http.HostString("0x0a.1.2.3")));
        Assert.False(hosts.Allows(default));
    }

    private static HttpRequestMessage WithHost(HttpMethod method, string path, string host)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Host = host;
        return request;
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    private static async Task<string> FormToken(HttpClient client, string path)
    {
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        Assert.NotEmpty(token);
        return token;
    }

    private static async Task<HttpResponseMessage> PostForm(HttpClient client, string formPage, string action, Dictionary<string, string> fields)
    {
        fields["__kagi_af"] = await FormToken(client, formPage);
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(action, UriKind.Relative), form);
    }

    private static Task<HttpResponseMessage> PostMute(HttpClient client, Dashboard dashboard, Dictionary<string, string> fields) =>
        PostForm(client, $"/findings/{dashboard.HostileFingerprint}", $"/findings/{dashboard.HostileFingerprint}/mute", fields);

    [GeneratedRegex("name=\"__kagi_af\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
