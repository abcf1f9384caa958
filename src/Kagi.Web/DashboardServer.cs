using System.Globalization;
using System.Text;
using Kagi.Core.Localization;
using Kagi.Reporting;
using Kagi.Rules;
using Kagi.Store;
using Kagi.Store.Distributed;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kagi.Web;

/// <summary>
/// The composition root of <c>kagi serve</c>: Kestrel on one endpoint, security headers, the Host allow-list, the token
/// gate with its throttle, anti-forgery and size limits on every POST, the pages of <see cref="Pages"/>, and the job
/// engine's dashboard when the options mount one.
/// </summary>
public static class DashboardServer
{
    internal const string AntiforgeryField = "__kagi_af";

    /// <summary>Who mutes in the audit trail when there is no token: someone on this machine.</summary>
    internal const string LocalIdentity = "dashboard:local";

    /// <summary>Forms carry a reason, a date and a token: nothing near this size.</summary>
    internal const int MaxRequestBytes = 16 * 1024;

    private const string Csp =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static readonly string Css = Asset(typeof(HtmlReportWriter).Assembly, "Kagi.Reporting.Assets.report.css") + "\n" + Asset(typeof(DashboardServer).Assembly, "Kagi.Web.Assets.dashboard.css");
    private static readonly string Script = HtmlReportWriter.CopyScript + "\n" + Asset(typeof(DashboardServer).Assembly, "Kagi.Web.Assets.dashboard.js");

    /// <summary>Builds the server; the store is opened here and closed with the application.</summary>
    public static WebApplication Build(DashboardOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(DashboardServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBytes;
            kestrel.Listen(options.Listen);
        });
        builder.Services.Configure<FormOptions>(form =>
        {
            form.ValueCountLimit = 16;
            form.ValueLengthLimit = MaxRequestBytes;
            form.MultipartBodyLengthLimit = MaxRequestBytes;
        });
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.FormFieldName = AntiforgeryField;
            antiforgery.Cookie.Name = "kagi_af";
            antiforgery.Cookie.HttpOnly = true;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.SuppressXFrameOptionsHeader = true;
        });
        var gate = new StoreGate(
            FindingStore.Open(options.Store, time, RuleCatalog.Renamed),
            options.Store.Kind == StoreKind.Postgres ? DistributedScanStore.Open(options.Store, time) : null);
        builder.Services.AddSingleton(gate);
        var app = builder.Build();
        app.Use(Guard(new HostAllowList(options), options.Jobs));
        var tokens = options.Token is { } token ? new TokenGate(token, time) : null;
        var throttle = new SignInThrottle(time);
        if (tokens is not null)
        {
            app.Use(RequireToken(tokens, throttle));
        }

        if (options.Jobs is { } jobs)
        {
            app.Map(new PathString(jobs.Path), jobs.Mount);
        }

        var pages = new Pages(gate, time, tokens?.Identity ?? LocalIdentity, options.Jobs?.Path);
        app.MapGet("/static/dashboard.css", () => Results.Text(Css, "text/css; charset=utf-8"));
        app.MapGet("/static/dashboard.js", () => Results.Text(Script, "text/javascript; charset=utf-8"));

        // Browsers ask for it on every first visit; no icon is an answer, not an error in their console.
        app.MapGet("/favicon.ico", () => Results.NoContent());
        app.MapGet("/login", context => Html(context, Pages.Login(Language(context), Antiforgery(context), failed: false)));
        app.MapPost("/login", async context =>
        {
            if (await ValidForm(context) is not { } form || await Throttled(context, throttle))
            {
                return;
            }

            if (tokens is null || !tokens.Matches(form["token"].ToString()))
            {
                throttle.Fail(context.Connection.RemoteIpAddress);
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await Html(context, Pages.Login(Language(context), Antiforgery(context), failed: true));
                return;
            }

            var (session, expires) = tokens.NewSession();
            context.Response.Cookies.Append(TokenGate.SessionCookie, session, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                Path = "/",
                Expires = expires,
                MaxAge = TokenGate.SessionLifetime,
            });
            context.Response.Redirect("/");
        });
        app.MapGet("/", context => Html(context, pages.Overview(Language(context))));
        app.MapGet("/findings", context =>
        {
            var language = Language(context);
            if (Pages.RequestedPage(context.Request.Query) is not { } page)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return Html(context, Pages.Problem(Texts.Get(language, "dashboard.page-out-of-range", ("max", Pages.MaxPage)), language));
            }

            return Html(context, pages.Findings(context.Request.Query, page, language));
        });
        app.MapGet("/keys", context => Html(context, pages.Keys(context.Request.Query, Language(context))));
        app.MapGet("/key", context =>
        {
            var query = context.Request.Query;
            if (!long.TryParse(query["scan"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var scan)
                || pages.Key(scan, query["key"].ToString(), Language(context)) is not { } html)
            {
                return NotFound(context, Texts.Name("dashboard.no-such-fingerprint"));
            }

            return Html(context, html);
        });
        app.MapGet("/distributed", context => pages.DistributedScans(Language(context)) is { } html ? Html(context, html) : NotFound(context, Texts.Name("dashboard.no-such-page")));
        app.MapGet("/distributed/{id}", context =>
        {
            if (!long.TryParse((string)context.Request.RouteValues["id"]!, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                || pages.DistributedScan(id, context.Request.Query, Language(context)) is not { } html)
            {
                return NotFound(context, Texts.Name("dashboard.no-such-distributed-scan"));
            }

            return Html(context, html);
        });
        app.MapGet("/findings/{fingerprint}", context =>
        {
            var fingerprint = (string)context.Request.RouteValues["fingerprint"]!;
            if (pages.Finding(fingerprint, Language(context), Antiforgery(context)) is not { } html)
            {
                return NotFound(context, Texts.Name("dashboard.no-such-fingerprint"));
            }

            return Html(context, html);
        });
        app.MapPost("/findings/{fingerprint}/mute", async context =>
        {
            if (await ValidForm(context) is not { } form)
            {
                return;
            }

            var fingerprint = (string)context.Request.RouteValues["fingerprint"]!;
            await Answer(context, fingerprint, pages.Mute(fingerprint, form["reason"].ToString(), form["until"].ToString(), form["by"].ToString(), Language(context)));
        });
        app.MapPost("/findings/{fingerprint}/unmute", async context =>
        {
            if (await ValidForm(context) is not { } form)
            {
                return;
            }

            var fingerprint = (string)context.Request.RouteValues["fingerprint"]!;
            await Answer(context, fingerprint, pages.Unmute(fingerprint, form["by"].ToString(), Language(context)));
        });
        app.Lifetime.ApplicationStopped.Register(gate.Dispose);
        return app;
    }

    /// <summary>
    /// The first step of every request: the security headers, then the Host check before anything reads or writes, and
    /// around the rest an error answer that keeps the headers. A mounted dashboard's pages get its own policy.
    /// </summary>
    private static Func<HttpContext, RequestDelegate, Task> Guard(HostAllowList hosts, MountedDashboard? mounted) => async (context, next) =>
    {
        var policy = mounted is not null && context.Request.Path.StartsWithSegments(mounted.Path) ? mounted.ContentSecurityPolicy : Csp;
        SecureHeaders(context.Response, policy);
        var language = Language(context);
        if (!hosts.Allows(context.Request.Host))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(Texts.Get(language, "dashboard.unknown-host") + "\n");
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            // Kestrel's own 500 drops every header set so far; this one keeps them and says nothing of the cause.
            context.Response.Clear();
            SecureHeaders(context.Response, policy);
            context.Response.StatusCode = exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
            await Html(context, Pages.Problem(Texts.Get(language, "dashboard.could-not-answer"), language));
        }
    };

    /// <summary>
    /// Every page but the assets, the (empty) icon and the sign-in form needs the token; a client that guessed wrong too
    /// often waits.
    /// </summary>
    private static Func<HttpContext, RequestDelegate, Task> RequireToken(TokenGate tokens, SignInThrottle throttle) => async (context, next) =>
    {
        // The sign-in page's browser asks for the icon before it has a session: a refusal would be an error in its console.
        if (context.Request.Path.StartsWithSegments("/static") || context.Request.Path == "/favicon.ico")
        {
            await next(context);
            return;
        }

        var credential = tokens.Check(context.Request);
        if (credential != Credential.Missing && await Throttled(context, throttle))
        {
            return;
        }

        if (credential is Credential.Wrong or Credential.Expired && context.Request.Headers.Authorization.Count == 0)
        {
            // A forged or stale cookie is dropped, so a browser left over from an old token is not locked out.
            context.Response.Cookies.Delete(TokenGate.SessionCookie);
        }

        if (credential == Credential.Wrong)
        {
            throttle.Fail(context.Connection.RemoteIpAddress);
        }

        if (credential == Credential.Valid || context.Request.Path.StartsWithSegments("/login"))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"kagi\"";
        await Html(context, Pages.Login(Language(context), Antiforgery(context), failed: false));
    };

    private static void SecureHeaders(HttpResponse response, string contentSecurityPolicy)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = contentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
    }

    private static async Task<bool> Throttled(HttpContext context, SignInThrottle throttle)
    {
        var wait = throttle.Wait(context.Connection.RemoteIpAddress);
        if (wait <= TimeSpan.Zero)
        {
            return false;
        }

        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        var language = Language(context);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Html(context, Pages.Problem(Texts.Get(language, "dashboard.throttled", ("seconds", seconds)), language));
        return true;
    }

    // After a mute or unmute: back to the finding, or the form's error.
    private static Task Answer(HttpContext context, string fingerprint, string? error)
    {
        if (error is not null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Html(context, Pages.Problem(error, Language(context)));
        }

        context.Response.Redirect(Pages.FindingUrl(fingerprint, Language(context)));
        return Task.CompletedTask;
    }

    /// <param name="detail">The catalogue's name of what was not found.</param>
    private static Task NotFound(HttpContext context, string detail)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Html(context, Pages.NotFound(Language(context), detail));
    }

    private static string Antiforgery(HttpContext context) =>
        context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context).RequestToken ?? string.Empty;

    /// <summary>The posted form, once it is a form of bounded size with this session's anti-forgery token; else null, the answer sent.</summary>
    private static async Task<IFormCollection?> ValidForm(HttpContext context)
    {
        var language = Language(context);
        string problem;
        if (!context.Request.HasFormContentType)
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            problem = Texts.Get(language, "dashboard.not-a-form");
        }
        else
        {
            try
            {
                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
                return form;
            }
            catch (Exception exception) when (exception is InvalidDataException || (exception is BadHttpRequestException bad && bad.StatusCode == StatusCodes.Status413PayloadTooLarge))
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                problem = Texts.Get(language, "dashboard.form-too-large", ("kb", MaxRequestBytes / 1024));
            }
            catch (AntiforgeryValidationException)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                problem = Texts.Get(language, "dashboard.antiforgery-invalid");
            }
        }

        await Html(context, Pages.Problem(problem, language));
        return null;
    }

    private static Core.Rules.Language Language(HttpContext context) =>
        string.Equals(context.Request.Query["lang"].ToString(), "ja", StringComparison.OrdinalIgnoreCase) ? Core.Rules.Language.Ja : Core.Rules.Language.En;

    private static Task Html(HttpContext context, string html)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(html);
    }

    private static string Asset(System.Reflection.Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"the dashboard asset {name} is not embedded");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
