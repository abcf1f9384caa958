using System.Security.Cryptography;
using System.Text;
using Kagi.Reporting;
using Kagi.Store;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kagi.Web;

/// <summary>
/// The composition root of <c>kagi serve</c>: Kestrel on one endpoint, security headers, the token gate, anti-forgery
/// on every POST, and the pages of <see cref="Pages"/>.
/// </summary>
public static class DashboardServer
{
    internal const string SessionCookie = "kagi_session";
    internal const string AntiforgeryField = "__kagi_af";

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
            kestrel.Listen(options.Listen);
        });
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.FormFieldName = AntiforgeryField;
            antiforgery.Cookie.Name = "kagi_af";
            antiforgery.Cookie.HttpOnly = true;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.SuppressXFrameOptionsHeader = true;
        });
        var gate = new StoreGate(FindingStore.Open(options.Store, time));
        builder.Services.AddSingleton(gate);
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = Csp;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.CacheControl = "no-store";
            await next(context);
        });
        if (options.Token is { } token)
        {
            app.Use(async (context, next) =>
            {
                if (context.Request.Path.StartsWithSegments("/static") || context.Request.Path.StartsWithSegments("/login") || IsAuthorized(context, token))
                {
                    await next(context);
                    return;
                }

                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer realm=\"kagi\"";
                await Html(context, Pages.Login(Language(context), Antiforgery(context), failed: false));
            });
        }

        var pages = new Pages(gate);
        app.MapGet("/static/dashboard.css", () => Results.Text(Css, "text/css; charset=utf-8"));
        app.MapGet("/static/dashboard.js", () => Results.Text(Script, "text/javascript; charset=utf-8"));
        app.MapGet("/login", context => Html(context, Pages.Login(Language(context), Antiforgery(context), failed: false)));
        app.MapPost("/login", async context =>
        {
            if (!await ValidAntiforgery(context))
            {
                return;
            }

            var form = await context.Request.ReadFormAsync();
            if (options.Token is null || !SameSecret(form["token"].ToString(), options.Token))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await Html(context, Pages.Login(Language(context), Antiforgery(context), failed: true));
                return;
            }

            context.Response.Cookies.Append(SessionCookie, Session(options.Token), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                Path = "/",
            });
            context.Response.Redirect("/");
        });
        app.MapGet("/", context => Html(context, pages.Overview(Language(context))));
        app.MapGet("/findings", context => Html(context, pages.Findings(context.Request.Query, Language(context))));
        app.MapGet("/findings/{fingerprint}", context =>
        {
            var fingerprint = (string)context.Request.RouteValues["fingerprint"]!;
            if (pages.Finding(fingerprint, Language(context), Antiforgery(context)) is not { } html)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Html(context, Pages.NotFound(Language(context)));
            }

            return Html(context, html);
        });
        app.MapPost("/findings/{fingerprint}/mute", async context =>
        {
            if (!await ValidAntiforgery(context))
            {
                return;
            }

            var fingerprint = (string)context.Request.RouteValues["fingerprint"]!;
            var form = await context.Request.ReadFormAsync();
            var error = pages.Mute(fingerprint, form["reason"].ToString(), form["until"].ToString(), form["by"].ToString());
            if (error is not null)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await Html(context, Pages.Problem(error, Language(context)));
                return;
            }

            context.Response.Redirect(Pages.FindingUrl(fingerprint, Language(context)));
        });
        app.MapPost("/findings/{fingerprint}/unmute", async context =>
        {
            if (!await ValidAntiforgery(context))
            {
                return;
            }

            var fingerprint = (string)context.Request.RouteValues["fingerprint"]!;
            var form = await context.Request.ReadFormAsync();
            pages.Unmute(fingerprint, form["by"].ToString());
            context.Response.Redirect(Pages.FindingUrl(fingerprint, Language(context)));
        });
        app.Lifetime.ApplicationStopped.Register(gate.Dispose);
        return app;
    }

    internal static bool IsAuthorized(HttpContext context, string token)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && SameSecret(header["Bearer ".Length..].Trim(), token))
        {
            return true;
        }

        return context.Request.Cookies.TryGetValue(SessionCookie, out var session) && session is not null && SameSecret(session, Session(token));
    }

    // The cookie carries a digest of the token, not the token itself.
    private static string Session(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("kagi-dashboard-session\n" + token)));

    private static bool SameSecret(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    private static string Antiforgery(HttpContext context) =>
        context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context).RequestToken ?? string.Empty;

    private static async Task<bool> ValidAntiforgery(HttpContext context)
    {
        try
        {
            await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await Html(context, Pages.Problem("The form's anti-forgery token is missing or invalid: reload the page and try again.", Language(context)));
            return false;
        }
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
