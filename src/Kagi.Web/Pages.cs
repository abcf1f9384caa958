using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Kagi.Core.Localization;
using Kagi.Core.Rules;
using Kagi.Reporting.Html;
using Kagi.Rules;
using Kagi.Store;
using Kagi.Store.Distributed;
using Kagi.Web.Views;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace Kagi.Web;

/// <summary>The dashboard's pages and actions: each page reads the store, then renders a Razor view (Kagi.Web.Views) that encodes every value.</summary>
/// <param name="identity">Who acts in the audit trail, as the server authenticated it.</param>
/// <param name="jobsPath">Where the job engine's dashboard is mounted, linked from the distributed scans' pages; null when none is.</param>
internal sealed class Pages(StoreGate gate, TimeProvider time, string identity, string? jobsPath)
{
    public const int PageSize = 50;

    /// <summary>Far beyond any store (50 million findings), and small enough that the row offset stays an int.</summary>
    public const int MaxPage = 1_000_000;

    public const int MaxReasonLength = 1000;

    public const int MaxNameLength = 100;

    /// <summary>A mute is a decision to review; one that outlives this would never be.</summary>
    public static readonly TimeSpan LongestMute = TimeSpan.FromDays(3653);

    public string Overview(Language language)
    {
        var (states, severities, rules, accounts, regions, scans, changes, backlog) = gate.Use(store => (
            store.CountOpen("state"), store.CountOpen("severity"), store.CountOpen("rule_id"), store.Accounts(), store.CountOpen("region"),
            store.Scans(), store.LatestChanges(sample: 10), store.AwsManagedBacklog()));
        return View<OverviewView>(new Dictionary<string, object?>
        {
            [nameof(OverviewView.Language)] = language,
            [nameof(OverviewView.States)] = states,
            [nameof(OverviewView.Severities)] = severities,
            [nameof(OverviewView.Rules)] = rules,
            [nameof(OverviewView.Accounts)] = accounts,
            [nameof(OverviewView.Regions)] = regions,
            [nameof(OverviewView.Scans)] = scans,
            [nameof(OverviewView.Changes)] = changes,
            [nameof(OverviewView.Backlog)] = backlog,
        });
    }

    public string Keys(IQueryCollection query, Language language) =>
        View<KeysView>(new Dictionary<string, object?>
        {
            [nameof(KeysView.Language)] = language,
            [nameof(KeysView.Query)] = query,
            [nameof(KeysView.Filters)] = KeyFilters.From(query),
            [nameof(KeysView.Keys)] = gate.Use(StoredKeys.Latest),
        });

    /// <summary>One key of one stored scan with every resource it protects; null when that scan has no such key.</summary>
    public string? Key(long scanId, string key, Language language)
    {
        var found = gate.Use(StoredKeys.Latest).FirstOrDefault(pair => pair.Stored.ScanId == scanId && pair.Row.Key == key);
        return found.Row is null ? null : View<KeyView>(new Dictionary<string, object?>
        {
            [nameof(KeyView.Language)] = language,
            [nameof(KeyView.Stored)] = found.Stored,
            [nameof(KeyView.Row)] = found.Row,
        });
    }

    public static string KeyUrl(long scanId, string key, Language language) =>
        "/key" + QueryString.Create([
            new KeyValuePair<string, string?>("scan", scanId.ToString(CultureInfo.InvariantCulture)),
            new KeyValuePair<string, string?>("key", key),
            .. language == Language.Ja ? [new KeyValuePair<string, string?>("lang", "ja")] : Array.Empty<KeyValuePair<string, string?>>(),
        ]).Value;

    /// <summary>The findings page searching for one resource: where a key's dependent leads.</summary>
    public static string FindingsOf(string resourceId, Language language) => FindingsWith([("q", resourceId)], language);

    /// <summary>The findings page of one account, in one state or all: where the overview's account breakdown leads.</summary>
    public static string FindingsOfAccount(string account, FindingState? state, Language language) =>
        FindingsWith([("account", account), .. state is { } chosen ? [("status", chosen.ToString().ToLowerInvariant())] : Array.Empty<(string, string)>()], language);

    private static string FindingsWith(IEnumerable<(string Name, string Value)> filters, Language language) =>
        "/findings" + QueryString.Create([
            .. filters.Select(filter => new KeyValuePair<string, string?>(filter.Name, filter.Value)),
            .. language == Language.Ja ? [new KeyValuePair<string, string?>("lang", "ja")] : Array.Empty<KeyValuePair<string, string?>>(),
        ]).Value;

    /// <summary>The page number asked for: 1 when none, null when it is not a number from 1 to <see cref="MaxPage"/>.</summary>
    public static int? RequestedPage(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var text = query["page"].ToString();
        if (text.Length == 0)
        {
            return 1;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page is >= 1 and <= MaxPage ? page : null;
    }

    public string Findings(IQueryCollection query, int page, Language language)
    {
        var filters = FindingFilters.From(query);
        var (result, accounts) = gate.Use(store => (store.PageFindings(filters.ToQuery(), filters.Text, filters.Sort, filters.Descending, (page - 1) * PageSize, PageSize), store.Accounts()));
        return View<FindingsView>(new Dictionary<string, object?>
        {
            [nameof(FindingsView.Language)] = language,
            [nameof(FindingsView.Query)] = query,
            [nameof(FindingsView.Filters)] = filters,
            [nameof(FindingsView.Page)] = page,
            [nameof(FindingsView.Result)] = result,
            [nameof(FindingsView.Accounts)] = accounts,
        });
    }

    public string? Finding(string fingerprint, Language language, string antiforgery)
    {
        var (finding, history, mutes) = gate.Use(store => (store.FindFinding(fingerprint), store.History(fingerprint), store.Mutes(includeInactive: true)));
        if (finding is null)
        {
            return null;
        }

        return View<FindingView>(new Dictionary<string, object?>
        {
            [nameof(FindingView.Language)] = language,
            [nameof(FindingView.Finding)] = finding,
            [nameof(FindingView.Rule)] = RuleCatalog.Find(finding.RuleId)?.Metadata,
            [nameof(FindingView.History)] = history,
            [nameof(FindingView.Trail)] = mutes.Where(mute => mute.Matches(finding)).ToList(),
            [nameof(FindingView.Antiforgery)] = antiforgery,
        });
    }

    /// <summary>Every distributed scan, newest first; null when the store has none (SQLite).</summary>
    public string? DistributedScans(Language language) =>
        gate.UseDistributed(store => store.Scans()) is { } scans
            ? View<DistributedScansView>(new Dictionary<string, object?>
            {
                [nameof(DistributedScansView.Language)] = language,
                [nameof(DistributedScansView.Scans)] = scans,
                [nameof(DistributedScansView.JobsPath)] = jobsPath,
            })
            : null;

    /// <summary>
    /// One distributed scan with its units in order, those of one state when the query's <c>state</c> names one (any
    /// other value filters nothing); null when there is no such scan.
    /// </summary>
    public string? DistributedScan(long scanId, IQueryCollection query, Language language)
    {
        ArgumentNullException.ThrowIfNull(query);
        // Read together, so the units shown are those the scan's counts count.
        if (gate.UseDistributed(store => store.Status(scanId) is { } found ? new ScanWithUnits(found, store.Units(scanId)) : null) is not (var status, var units))
        {
            return null;
        }

        var state = query["state"].ToString() is var asked && DistributedStateTexts.IsUnitState(asked) ? asked : null;
        return View<DistributedScanView>(new Dictionary<string, object?>
        {
            [nameof(DistributedScanView.Language)] = language,
            [nameof(DistributedScanView.Status)] = status,
            [nameof(DistributedScanView.Units)] = state is null ? units : [.. units.Where(unit => unit.State == state)],
            [nameof(DistributedScanView.State)] = state,
            [nameof(DistributedScanView.JobsPath)] = jobsPath,
        });
    }

    public static string DistributedScanUrl(long scanId, Language language) =>
        $"/distributed/{scanId.ToString(CultureInfo.InvariantCulture)}{(language == Language.Ja ? "?lang=ja" : string.Empty)}";

    /// <summary>Mutes one finding by fingerprint; returns an error for the user, or null.</summary>
    public string? Mute(string fingerprint, string reason, string until, string by, Language language)
    {
        var trimmed = reason.Trim();
        if (trimmed.Length == 0)
        {
            return Texts.Get(language, "dashboard.reason-required");
        }

        if (trimmed.Length > MaxReasonLength || trimmed.Any(char.IsControl))
        {
            return Texts.Get(language, "dashboard.reason-too-long", ("max", MaxReasonLength));
        }

        var (untilTime, untilError) = Expiry(until, language);
        if (untilError is not null)
        {
            return untilError;
        }

        if (Actor(by) is not { } actor)
        {
            return NameError(language);
        }

        return Change(fingerprint, language, store => store.Mute(MuteKind.Fingerprint, fingerprint, trimmed, untilTime, actor));
    }

    /// <summary>Lifts the mutes of one finding; returns an error for the user, or null.</summary>
    public string? Unmute(string fingerprint, string by, Language language)
    {
        if (Actor(by) is not { } actor)
        {
            return NameError(language);
        }

        return Change(fingerprint, language, store => store.Unmute(fingerprint, actor));
    }

    public static string FindingUrl(string fingerprint, Language language) =>
        $"/findings/{Uri.EscapeDataString(fingerprint)}{(language == Language.Ja ? "?lang=ja" : string.Empty)}";

    public static string Login(Language language, string antiforgery, bool failed) =>
        HtmlView.Render<LoginView>(new Dictionary<string, object?>
        {
            [nameof(LoginView.Language)] = language,
            [nameof(LoginView.Antiforgery)] = antiforgery,
            [nameof(LoginView.Failed)] = failed,
        });

    public static string Problem(string message, Language language) =>
        Message(Texts.Get(language, "dashboard.request-refused"), message, language, isError: true);

    /// <param name="detail">The catalogue's name of what was not found.</param>
    public static string NotFound(Language language, string detail) =>
        Message(Texts.Get(language, "dashboard.not-found"), Texts.Get(language, detail), language, isError: false);

    /// <summary>The findings page's address with the same filters, at another page.</summary>
    public static string WithPage(IQueryCollection query, int page) =>
        "/findings" + QueryString.Create(query.Where(pair => pair.Key != "page").Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value.ToString()))
            .Append(new KeyValuePair<string, string?>("page", page.ToString(CultureInfo.InvariantCulture)))).Value;

    private static string Message(string title, string message, Language language, bool isError) =>
        HtmlView.Render<MessageView>(new Dictionary<string, object?>
        {
            [nameof(MessageView.Title)] = title,
            [nameof(MessageView.Message)] = message,
            [nameof(MessageView.Language)] = language,
            [nameof(MessageView.IsError)] = isError,
        });

    private sealed record ScanWithUnits(DistributedScanStatus Status, IReadOnlyList<UnitStatus> Units);

    // A page of the navigation, which links the distributed scans only when the store has them.
    private string View<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] TView>(Dictionary<string, object?> parameters)
        where TView : IComponent =>
        HtmlView.Render<CascadingValue<bool>>(new Dictionary<string, object?>
        {
            [nameof(CascadingValue<bool>.Name)] = DashboardLayout.DistributedScansCascade,
            [nameof(CascadingValue<bool>.Value)] = gate.HasDistributedScans,
            [nameof(CascadingValue<bool>.IsFixed)] = true,
            [nameof(CascadingValue<bool>.ChildContent)] = (RenderFragment)(builder =>
            {
                builder.OpenComponent<TView>(0);
                foreach (var (name, value) in parameters)
                {
                    builder.AddComponentParameter(1, name, value);
                }

                builder.CloseComponent();
            }),
        });

    // Only a finding that exists: the store would also lift a mute by its number, or keep a mute of nothing.
    private string? Change(string fingerprint, Language language, Action<FindingStore> change) => gate.Use(store =>
    {
        if (store.FindFinding(fingerprint) is null)
        {
            return Texts.Get(language, "dashboard.no-such-finding");
        }

        change(store);
        return (string?)null;
    });

    private static string NameError(Language language) => Texts.Get(language, "dashboard.name-too-long", ("max", MaxNameLength));

    // The server's identity comes first and cannot be chosen by the client; the name typed in the form is kept as a note.
    private string? Actor(string by)
    {
        var given = by.Trim();
        if (given.Length > MaxNameLength || given.Any(char.IsControl))
        {
            return null;
        }

        return given.Length == 0 ? identity : $"{identity} (as given: {given})";
    }

    // A bare date means the end of that day, as `kagi findings mute --until` reads it.
    private (DateTimeOffset? Until, string? Error) Expiry(string until, Language language)
    {
        var text = until.Trim();
        if (text.Length == 0)
        {
            return (null, null);
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return (null, Texts.Get(language, "dashboard.expiry-not-a-date"));
        }

        var now = time.GetUtcNow();
        if (parsed > now + LongestMute)
        {
            return (null, Texts.Get(language, "dashboard.expiry-too-far", ("years", LongestMute.Days / 365)));
        }

        var end = text.Length == 10 ? parsed.AddDays(1) : parsed;
        return end <= now ? (null, Texts.Get(language, "dashboard.expiry-past")) : (end, null);
    }
}
