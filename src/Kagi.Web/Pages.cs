using System.Globalization;
using System.Net;
using System.Text;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Reporting;
using Kagi.Rules;
using Kagi.Store;
using Microsoft.AspNetCore.Http;

namespace Kagi.Web;

/// <summary>Server-rendered pages: every value from the cloud, the code or the user goes through <see cref="H"/>.</summary>
/// <param name="identity">Who acts in the audit trail, as the server authenticated it.</param>
internal sealed class Pages(StoreGate gate, TimeProvider time, string identity)
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
        var ja = language == Language.Ja;
        var (states, severities, rules, accounts, regions, scans, changes) = gate.Use(store => (
            store.CountOpen("state"), store.CountOpen("severity"), store.CountOpen("rule_id"), store.CountOpen("account"), store.CountOpen("region"),
            store.Scans(), store.LatestChanges(sample: 10)));
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<section><h2>{L(ja, "Open findings", "未解決の検出結果")}</h2><div class=\"cards\">");
        foreach (var state in new[] { FindingState.New, FindingState.Open, FindingState.Reopened })
        {
            var count = states.FirstOrDefault(row => string.Equals(row.Key, state.ToString(), StringComparison.OrdinalIgnoreCase)).Count;
            body.Append(CultureInfo.InvariantCulture, $"<div class=\"card\"><span class=\"n\">{count}</span>{H(state.ToString().ToUpperInvariant())}</div>");
        }

        body.Append("</div><div class=\"charts\">");
        var bySeverity = Enum.GetValues<Severity>().Reverse()
            .Select(severity => (severity.ToName(), severities.FirstOrDefault(row => row.Key == severity.ToName()).Count, $"sev-{severity.ToName()}"))
            .ToList();
        var byService = rules
            .GroupBy(row => RuleCatalog.Find(row.Key ?? string.Empty)?.Metadata.Service ?? "other", StringComparer.Ordinal)
            .Select(group => (group.Key, group.Sum(row => row.Count), "service"))
            .OrderByDescending(row => row.Item2)
            .ToList();
        body.Append(Bars(L(ja, "By severity", "重大度別"), bySeverity));
        body.Append(Bars(L(ja, "By service", "サービス別"), byService));
        body.Append(Bars(L(ja, "By account", "アカウント別"), [.. accounts.Take(10).Select(row => (row.Key ?? "-", row.Count, "service"))]));
        body.Append(Bars(L(ja, "By region", "リージョン別"), [.. regions.Take(10).Select(row => (row.Key ?? "-", row.Count, "service"))]));
        body.Append("</div></section>");

        body.Append(CultureInfo.InvariantCulture, $"<section><h2>{L(ja, "Since the previous scan", "前回スキャンからの変化")}</h2>");
        if (changes?.PreviousScanId is not { } previous)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p>{L(ja, "Two scans of the same scope are needed to compare.", "比較には同じ範囲のスキャンが 2 回必要です。")}</p>");
        }
        else
        {
            body.Append(CultureInfo.InvariantCulture, $"<p>{L(ja, "Scan", "スキャン")} #{previous} → #{changes.Scan.Id}: <strong class=\"new-count\">{changes.New}</strong> {L(ja, "new", "件の新規")}, <strong class=\"resolved-count\">{changes.Resolved}</strong> {L(ja, "resolved", "件の解決")}, {changes.StillOpen} {L(ja, "still open", "件が未解決のまま")}</p>");
            body.Append(FindingLinks(changes.NewSample, language));
        }

        body.Append("</section>");
        body.Append(CultureInfo.InvariantCulture, $"<section><h2>{L(ja, "Failing results per stored scan", "保存済みスキャンごとの不合格数")}</h2>{Trend(scans)}</section>");
        return Layout(L(ja, "Overview", "概要"), body.ToString(), language, "/");
    }

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
        var ja = language == Language.Ja;
        string? Value(string name) => query[name].ToString() is { Length: > 0 } value ? value : null;
        var status = Value("status");
        var findingQuery = new FindingQuery
        {
            State = status is not null && status != "muted" && Enum.TryParse<FindingState>(status, ignoreCase: true, out var state) ? state : null,
            Muted = status == "muted" ? true : null,
            Severity = Value("severity") is { } severityName && Enum.TryParse<Severity>(severityName, ignoreCase: true, out var severity) ? severity : null,
            RuleId = Value("rule"),
            Account = Value("account"),
            Region = Value("region"),
        };
        var sort = Enum.TryParse<FindingSort>(Value("sort"), ignoreCase: true, out var chosen) ? chosen : FindingSort.Severity;
        var descending = Value("dir") != "asc";
        var result = gate.Use(store => store.PageFindings(findingQuery, Value("q"), sort, descending, (page - 1) * PageSize, PageSize));

        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<form class=\"filters\" method=\"get\" action=\"/findings\">{(ja ? "<input type=\"hidden\" name=\"lang\" value=\"ja\">" : string.Empty)}");
        body.Append(Select("status", L(ja, "Status", "状態"), [.. Enum.GetValues<FindingState>().Select(s => s.ToString().ToLowerInvariant()), "muted"], status, ja));
        body.Append(Select("severity", L(ja, "Severity", "重大度"), [.. Enum.GetValues<Severity>().Reverse().Select(s => s.ToName())], Value("severity"), ja));
        body.Append(Select("rule", L(ja, "Rule", "ルール"), [.. RuleCatalog.All.Select(entry => entry.Metadata.Id).Order(StringComparer.Ordinal)], Value("rule"), ja));
        body.Append(Input("account", L(ja, "Account", "アカウント"), Value("account")));
        body.Append(Input("region", L(ja, "Region", "リージョン"), Value("region")));
        body.Append(Input("q", L(ja, "Search", "検索"), Value("q")));
        body.Append(Select("sort", L(ja, "Sort", "並び順"), [.. Enum.GetValues<FindingSort>().Select(s => s.ToString().ToLowerInvariant())], sort.ToString().ToLowerInvariant(), ja, includeAll: false));
        body.Append(Select("dir", L(ja, "Order", "順序"), ["desc", "asc"], descending ? "desc" : "asc", ja, includeAll: false));
        body.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\" id=\"apply\">{L(ja, "Apply", "適用")}</button></form>");
        body.Append(CultureInfo.InvariantCulture, $"<p id=\"total\">{result.Total} {L(ja, "findings", "件")}</p>");
        body.Append(CultureInfo.InvariantCulture, $"<table class=\"list\" id=\"findings\"><thead><tr><th>{L(ja, "State", "状態")}</th><th>{L(ja, "Severity", "重大度")}</th><th>{L(ja, "Rule", "ルール")}</th><th>{L(ja, "Resource", "リソース")}</th><th>{L(ja, "Account / region", "アカウント / リージョン")}</th><th>{L(ja, "Last seen", "最終検出")}</th></tr></thead><tbody>");
        foreach (var finding in result.Findings)
        {
            body.Append(CultureInfo.InvariantCulture, $"<tr class=\"finding\"><td>{StateBadge(finding)}</td><td><span class=\"sev sev-{H(finding.Severity.ToName())}\">{H(finding.Severity.ToName())}</span></td>");
            body.Append(CultureInfo.InvariantCulture, $"<td>{H(finding.RuleId)}<br><small>{H(RuleCatalog.Find(finding.RuleId)?.Metadata.Title.Get(language) ?? string.Empty)}</small></td>");
            // A Terraform address does not say which cluster it is; the name (cluster identifier) does.
            var name = finding.ResourceName is { Length: > 0 } known && !finding.ResourceId.EndsWith(known, StringComparison.Ordinal)
                ? $"<br><small class=\"name\">{H(known)}</small>"
                : string.Empty;
            body.Append(CultureInfo.InvariantCulture, $"<td class=\"res\"><a href=\"{H(FindingUrl(finding.Fingerprint, language))}\"><code>{H(finding.ResourceId)}</code></a>{name}</td>");
            body.Append(CultureInfo.InvariantCulture, $"<td>{H(finding.Account ?? finding.File ?? "-")} {H(finding.Region ?? string.Empty)}</td><td>{H(Time(finding.LastSeenAt))}</td></tr>");
        }

        body.Append("</tbody></table><div class=\"pager\">");
        var pages = Math.Max(1, (int)((result.Total + PageSize - 1) / PageSize));
        if (page > 1)
        {
            body.Append(CultureInfo.InvariantCulture, $"<a rel=\"prev\" href=\"{H(WithPage(query, page - 1))}\">← {L(ja, "Previous", "前へ")}</a>");
        }

        body.Append(CultureInfo.InvariantCulture, $"<span>{page} / {pages}</span>");
        if (page < pages)
        {
            body.Append(CultureInfo.InvariantCulture, $"<a rel=\"next\" href=\"{H(WithPage(query, page + 1))}\">{L(ja, "Next", "次へ")} →</a>");
        }

        body.Append("</div>");
        return Layout(L(ja, "Findings", "検出結果"), body.ToString(), language, "/findings" + QueryString.Create(query.Where(pair => pair.Key != "lang")).Value);
    }

    public string? Finding(string fingerprint, Language language, string antiforgery)
    {
        var ja = language == Language.Ja;
        var (finding, history, mutes) = gate.Use(store => (store.FindFinding(fingerprint), store.History(fingerprint), store.Mutes(includeInactive: true)));
        if (finding is null)
        {
            return null;
        }

        var rule = RuleCatalog.Find(finding.RuleId)?.Metadata;
        var last = history.Count == 0 ? null : history[^1];
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<section><h2>{H(finding.RuleId)}: {H(rule?.Title.Get(language) ?? string.Empty)}</h2><dl class=\"facts\">");
        void Fact(string label, string? value, string? id = null) =>
            body.Append(CultureInfo.InvariantCulture, $"<dt>{label}</dt><dd{(id is null ? string.Empty : $" id=\"{id}\"")}>{H(value ?? "-")}</dd>");
        body.Append(CultureInfo.InvariantCulture, $"<dt>{L(ja, "State", "状態")}</dt><dd id=\"state\">{StateBadge(finding)}</dd>");
        Fact(L(ja, "Severity", "重大度"), finding.Severity.ToName());
        Fact(L(ja, "Resource", "リソース"), finding.ResourceId, "resource");
        Fact(L(ja, "Name", "名前"), finding.ResourceName, "resource-name");
        Fact(L(ja, "Type", "種類"), finding.ResourceType);
        Fact(L(ja, "Account", "アカウント"), finding.Account);
        Fact(L(ja, "Region", "リージョン"), finding.Region);
        if (finding.File is not null)
        {
            Fact(L(ja, "File", "ファイル"), $"{finding.File}:{finding.Line}");
        }

        body.Append(CultureInfo.InvariantCulture, $"<dt>{L(ja, "Evidence (latest result)", "根拠 (最新の結果)")}</dt><dd id=\"evidence\">{Evidence(finding, last)}</dd>");
        Fact(L(ja, "First seen", "初回検出"), $"{Time(finding.FirstSeenAt)} (#{finding.FirstScanId})");
        Fact(L(ja, "Last seen", "最終検出"), $"{Time(finding.LastSeenAt)} (#{finding.LastScanId})");
        Fact(L(ja, "Fingerprint", "フィンガープリント"), finding.Fingerprint);
        if (finding.MutedBy is { } activeMute)
        {
            Fact(L(ja, "Muted", "ミュート"), activeMute.Describe(), "muted-by");
        }

        body.Append("</dl></section>");

        if (rule is not null)
        {
            var text = FindingText.Render(finding.Explain(rule), language);
            body.Append(CultureInfo.InvariantCulture, $"<section><h2>{L(ja, "Message", "内容")}</h2><p id=\"message\">{H(text.Message)}</p><div class=\"tabs\">");
            RemediationTabs.Append(body, text, ja, "fix", copyButtons: true);
            body.Append("</div></section>");
        }

        body.Append(CultureInfo.InvariantCulture, $"<section><h2>{L(ja, "Mute", "ミュート")}</h2>");
        var action = $"/findings/{Uri.EscapeDataString(finding.Fingerprint)}";
        var langField = ja ? "?lang=ja" : string.Empty;
        if (finding.MutedBy is null)
        {
            body.Append(CultureInfo.InvariantCulture, $"""
                <form class="mute" method="post" action="{H(action + "/mute" + langField)}">
                <input type="hidden" name="{DashboardServer.AntiforgeryField}" value="{H(antiforgery)}">
                <label>{L(ja, "Reason", "理由")} <input type="text" name="reason" id="reason" required maxlength="{MaxReasonLength}"></label>
                <label>{L(ja, "Until (optional)", "期限 (任意)")} <input type="date" name="until" id="until"></label>
                <label>{L(ja, "Your name (a note)", "名前 (メモ)")} <input type="text" name="by" id="by" maxlength="{MaxNameLength}"></label>
                <button type="submit" id="mute">{L(ja, "Mute", "ミュートする")}</button>
                </form>
                """);
        }
        else
        {
            body.Append(CultureInfo.InvariantCulture, $"""
                <form class="mute" method="post" action="{H(action + "/unmute" + langField)}">
                <input type="hidden" name="{DashboardServer.AntiforgeryField}" value="{H(antiforgery)}">
                <label>{L(ja, "Your name (a note)", "名前 (メモ)")} <input type="text" name="by" maxlength="{MaxNameLength}"></label>
                <button type="submit" id="unmute">{L(ja, "Unmute", "ミュート解除")}</button>
                </form>
                """);
        }

        var trail = mutes.Where(mute => mute.Matches(finding.Fingerprint, finding.RuleId, finding.ResourceId)).ToList();
        if (trail.Count > 0)
        {
            body.Append(CultureInfo.InvariantCulture, $"<h3>{L(ja, "Audit trail", "監査ログ")}</h3><table class=\"list\" id=\"audit\"><tbody>");
            foreach (var mute in trail)
            {
                var lifted = mute.RemovedAt is { } removed ? $"{L(ja, "lifted by", "解除")} {mute.RemovedBy} {Time(removed)}" : string.Empty;
                body.Append(CultureInfo.InvariantCulture, $"<tr><td>#{mute.Id}</td><td>{H(mute.Kind.ToString().ToLowerInvariant())} {H(mute.Pattern)}</td><td>{H(mute.Describe())}</td><td>{H(Time(mute.CreatedAt))}</td><td>{H(lifted)}</td></tr>");
            }

            body.Append("</tbody></table>");
        }

        body.Append("</section>");
        body.Append(CultureInfo.InvariantCulture, $"<section><h2>{L(ja, "History", "履歴")}</h2><table class=\"list\" id=\"history\"><thead><tr><th>{L(ja, "Scan", "スキャン")}</th><th>{L(ja, "Stored", "保存日時")}</th><th>{L(ja, "Result", "結果")}</th><th>{L(ja, "Reason", "理由")}</th></tr></thead><tbody>");
        foreach (var entry in history)
        {
            body.Append(CultureInfo.InvariantCulture, $"<tr><td>#{entry.ScanId}</td><td>{H(Time(entry.StoredAt))}</td><td><span class=\"badge st-{H(entry.Status.ToName())}\">{H(entry.Status.ToName())}</span></td><td>{H(entry.Reason ?? string.Empty)}</td></tr>");
        }

        body.Append("</tbody></table></section>");
        return Layout(finding.RuleId, body.ToString(), language, action);
    }

    /// <summary>Mutes one finding by fingerprint; returns an error for the user, or null.</summary>
    public string? Mute(string fingerprint, string reason, string until, string by)
    {
        var trimmed = reason.Trim();
        if (trimmed.Length == 0)
        {
            return "A reason is required to mute a finding.";
        }

        if (trimmed.Length > MaxReasonLength || trimmed.Any(char.IsControl))
        {
            return $"The reason must be one line of at most {MaxReasonLength} characters.";
        }

        var (untilTime, untilError) = Expiry(until);
        if (untilError is not null)
        {
            return untilError;
        }

        if (Actor(by) is not { } actor)
        {
            return NameError;
        }

        return Change(fingerprint, store => store.Mute(MuteKind.Fingerprint, fingerprint, trimmed, untilTime, actor));
    }

    /// <summary>Lifts the mutes of one finding; returns an error for the user, or null.</summary>
    public string? Unmute(string fingerprint, string by)
    {
        if (Actor(by) is not { } actor)
        {
            return NameError;
        }

        return Change(fingerprint, store => store.Unmute(fingerprint, actor));
    }

    public static string FindingUrl(string fingerprint, Language language) =>
        $"/findings/{Uri.EscapeDataString(fingerprint)}{(language == Language.Ja ? "?lang=ja" : string.Empty)}";

    public static string Login(Language language, string antiforgery, bool failed)
    {
        var ja = language == Language.Ja;
        var body = $"""
            {(failed ? $"<p class=\"error\">{L(ja, "That token is not right.", "トークンが正しくありません。")}</p>" : string.Empty)}
            <form class="mute" method="post" action="/login">
            <input type="hidden" name="{DashboardServer.AntiforgeryField}" value="{H(antiforgery)}">
            <label>{L(ja, "Access token", "アクセストークン")} <input type="password" name="token" id="token" required autocomplete="current-password"></label>
            <button type="submit" id="login">{L(ja, "Sign in", "サインイン")}</button>
            </form>
            """;
        return Layout(L(ja, "Sign in", "サインイン"), body, language, "/login", nav: false);
    }

    public static string Problem(string message, Language language) =>
        Layout(L(language == Language.Ja, "Request refused", "リクエストを拒否しました"), $"<p class=\"error\">{H(message)}</p>", language, "/");

    public static string NotFound(Language language) =>
        Layout(L(language == Language.Ja, "Not found", "見つかりません"), $"<p>{L(language == Language.Ja, "No finding has this fingerprint.", "このフィンガープリントの検出結果はありません。")}</p>", language, "/");

    private static string Layout(string title, string body, Language language, string path, bool nav = true)
    {
        var ja = language == Language.Ja;
        var switchTo = path.Contains('?', StringComparison.Ordinal) ? path + "&" : path + "?";
        var languageLink = ja ? $"<a class=\"lang\" id=\"lang-en\" href=\"{H(path)}\">English</a>" : $"<a class=\"lang\" id=\"lang-ja\" href=\"{H(switchTo + "lang=ja")}\">日本語</a>";
        var suffix = ja ? "?lang=ja" : string.Empty;
        var links = nav
            ? $"<nav class=\"top\"><a href=\"/{suffix}\">{L(ja, "Overview", "概要")}</a><a href=\"/findings{suffix}\" id=\"nav-findings\">{L(ja, "Findings", "検出結果")}</a>{languageLink}</nav>"
            : string.Empty;
        return $"""
            <!DOCTYPE html>
            <html lang="{(ja ? "ja" : "en")}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{H(title)} · Kagi</title>
            <link rel="stylesheet" href="/static/dashboard.css">
            <script src="/static/dashboard.js" defer></script>
            </head>
            <body>
            <header><h1>Kagi · {H(title)}</h1></header>
            {links}
            <main>
            {body}
            </main>
            </body>
            </html>

            """;
    }

    // The latest result's status, then each piece of evidence the rule recorded; older stores kept only the reason.
    private static string Evidence(TrackedFinding finding, FindingHistoryEntry? last)
    {
        var html = new StringBuilder(H(finding.LastStatus.ToName()));
        var evidence = finding.Detail?.Evidence.Where(pair => pair.Value is not null).ToList() ?? [];
        if (evidence.Count == 0)
        {
            return (last?.Reason is { } reason ? html.Append(": ").Append(H(reason)) : html).ToString();
        }

        html.Append("<dl class=\"evidence\">");
        foreach (var (key, value) in evidence.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            html.Append(CultureInfo.InvariantCulture, $"<dt>{H(key)}</dt><dd><code>{H(value!)}</code></dd>");
        }

        return html.Append("</dl>").ToString();
    }

    private static string FindingLinks(IEnumerable<TrackedFinding> findings, Language language)
    {
        var html = new StringBuilder("<ul class=\"changes\">");
        foreach (var finding in findings)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{H(FindingUrl(finding.Fingerprint, language))}\">{H(finding.RuleId)} · <code>{H(finding.ResourceId)}</code></a></li>");
        }

        return html.Append("</ul>").ToString();
    }

    private static string Bars(string caption, IReadOnlyList<(string Label, long Count, string CssClass)> bars)
    {
        const int rowHeight = 24, labelWidth = 150, barWidth = 200;
        var max = Math.Max(1, bars.Count == 0 ? 0 : bars.Max(bar => bar.Count));
        var height = Math.Max(1, bars.Count) * rowHeight;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<figure><figcaption>{H(caption)}</figcaption><svg class=\"chart\" role=\"img\" aria-label=\"{H(caption)}\" width=\"{labelWidth + barWidth + 60}\" height=\"{height}\" viewBox=\"0 0 {labelWidth + barWidth + 60} {height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var row = 0; row < bars.Count; row++)
        {
            var (label, count, cssClass) = bars[row];
            var width = (int)Math.Round((double)count / max * barWidth);
            svg.Append(CultureInfo.InvariantCulture, $"<g transform=\"translate(0,{row * rowHeight})\"><text x=\"0\" y=\"16\">{H(label.Length > 22 ? label[..21] + "…" : label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"track\" x=\"{labelWidth}\" y=\"4\" width=\"{barWidth}\" height=\"16\"></rect><rect class=\"bar {H(cssClass)}\" x=\"{labelWidth}\" y=\"4\" width=\"{width}\" height=\"16\"></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + barWidth + 6}\" y=\"16\">{count}</text></g>");
        }

        return svg.Append("</svg></figure>").ToString();
    }

    private static string Trend(IReadOnlyList<StoredScan> scans)
    {
        const int width = 600, height = 120, pad = 20;
        var recent = scans.TakeLast(30).ToList();
        if (recent.Count == 0)
        {
            return "<p>-</p>";
        }

        var max = Math.Max(1, recent.Max(scan => scan.Counts.GetValueOrDefault(ResultStatus.Fail)));
        var step = recent.Count == 1 ? 0 : (double)(width - (2 * pad)) / (recent.Count - 1);
        var points = recent.Select((scan, index) => (
            X: pad + (index * step),
            Y: height - pad - ((double)scan.Counts.GetValueOrDefault(ResultStatus.Fail) / max * (height - (2 * pad))),
            Scan: scan)).ToList();
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"trend\" role=\"img\" aria-label=\"trend\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{string.Join(' ', points.Select(point => string.Create(CultureInfo.InvariantCulture, $"{point.X:0.#},{point.Y:0.#}")))}\"></polyline>");
        foreach (var (x, y, scan) in points)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"3\"><title>#{scan.Id} {H(Time(scan.StoredAt))}: {scan.Counts.GetValueOrDefault(ResultStatus.Fail)} FAIL</title></circle>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{height - 4}\">#{scan.Id}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string StateBadge(TrackedFinding finding) =>
        finding.MutedBy is not null
            ? $"<span class=\"muted-badge\">MUTED</span> <span class=\"state\">{H(finding.State.ToString().ToUpperInvariant())}</span>"
            : $"<span class=\"state\">{H(finding.State.ToString().ToUpperInvariant())}</span>";

    private static string Select(string name, string label, IReadOnlyList<string> values, string? selected, bool ja, bool includeAll = true)
    {
        var options = new StringBuilder();
        if (includeAll)
        {
            options.Append(CultureInfo.InvariantCulture, $"<option value=\"\">{L(ja, "all", "すべて")}</option>");
        }

        foreach (var value in values)
        {
            options.Append(CultureInfo.InvariantCulture, $"<option value=\"{H(value)}\"{(string.Equals(value, selected, StringComparison.OrdinalIgnoreCase) ? " selected" : string.Empty)}>{H(value)}</option>");
        }

        return $"<label>{label} <select name=\"{name}\" id=\"f-{name}\">{options}</select></label>";
    }

    private static string Input(string name, string label, string? value) =>
        $"<label>{label} <input type=\"search\" name=\"{name}\" id=\"f-{name}\" value=\"{H(value ?? string.Empty)}\"></label>";

    private static string WithPage(IQueryCollection query, int page) =>
        "/findings" + QueryString.Create(query.Where(pair => pair.Key != "page").Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value.ToString()))
            .Append(new KeyValuePair<string, string?>("page", page.ToString(CultureInfo.InvariantCulture)))).Value;

    private static string Time(DateTimeOffset value) => value.ToOffset(TimeSpan.Zero).ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);

    // Only a finding that exists: the store would also lift a mute by its number, or keep a mute of nothing.
    private string? Change(string fingerprint, Action<FindingStore> change) => gate.Use(store =>
    {
        if (store.FindFinding(fingerprint) is null)
        {
            return "No such finding.";
        }

        change(store);
        return (string?)null;
    });

    private static string NameError => $"Your name must be one line of at most {MaxNameLength} characters.";

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
    private (DateTimeOffset? Until, string? Error) Expiry(string until)
    {
        var text = until.Trim();
        if (text.Length == 0)
        {
            return (null, null);
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return (null, "The expiry is not a date (use YYYY-MM-DD).");
        }

        var now = time.GetUtcNow();
        if (parsed > now + LongestMute)
        {
            return (null, $"The expiry must be within {LongestMute.Days / 365} years.");
        }

        var end = text.Length == 10 ? parsed.AddDays(1) : parsed;
        return end <= now ? (null, "The expiry is in the past.") : (end, null);
    }

    private static string H(string text) => WebUtility.HtmlEncode(text);

    // Labels are literals of this file, never user data; encoded anyway so a translation cannot break the markup.
    private static string L(bool ja, string english, string japanese) => H(ja ? japanese : english);
}
