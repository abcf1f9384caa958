using System.CommandLine;
using Kagi.Core.Findings;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules;
using Kagi.Store;

namespace Kagi.Cli;

/// <summary><c>kagi findings list|show|diff|mute|unmute|mutes|scans</c>: the findings store, queried and curated.</summary>
internal static class FindingsCommand
{
    public static Command Create(TextWriter output, TextWriter error, TimeProvider time)
    {
        var findings = new Command("findings", "Query the findings store; mute and unmute findings with a reason and an expiry.")
        {
            List(output, error, time),
            Show(output, error, time),
            Diff(output, error, time),
            Mute(output, error, time),
            Unmute(output, error, time),
            Mutes(output, error, time),
            Scans(output, error, time),
        };
        return findings;
    }

    private static Command List(TextWriter output, TextWriter error, TimeProvider time)
    {
        var status = new Option<string?>("--status") { Description = "new|open|resolved|reopened, or muted for findings muted now." };
        status.AcceptOnlyFromAmong([.. Enum.GetValues<FindingState>().Select(state => state.ToString().ToLowerInvariant()), "muted"]);
        var severity = new Option<string?>("--severity") { Description = "low|medium|high|critical." };
        severity.AcceptOnlyFromAmong([.. Enum.GetValues<Severity>().Select(value => value.ToName())]);
        var rule = new Option<string?>("--rule") { Description = "Only this rule ID." };
        var accounts = AccountsOption();
        var region = new Option<string?>("--region") { Description = "Only this AWS region." };
        var since = new Option<string?>("--since") { Description = "Only findings whose state changed at or after this date (ISO 8601).", HelpName = "DATE" };
        var (store, format, lang) = (StoreOption(), FormatOption(), LangOption());
        var command = new Command("list", "List the findings the store follows, with their lifecycle state.") { status, severity, rule, accounts, region, since, format, store, lang };
        command.SetAction(parsed => WithStore(parsed, store, lang, time, error, (opened, language) =>
        {
            if (!TryParseTime(parsed.GetValue(since), endOfDay: false, out var sinceTime))
            {
                error.WriteLine($"kagi: {Texts.Get(language, "cli.not-a-date", ("option", since.Name), ("value", parsed.GetValue(since)), ("example", "2026-01-31"))}");
                return ExitCodes.BadInput;
            }

            var statusName = parsed.GetValue(status);
            var query = new FindingQuery
            {
                State = statusName is null or "muted" ? null : Enum.Parse<FindingState>(statusName, ignoreCase: true),
                Muted = statusName == "muted" ? true : null,
                Severity = parsed.GetValue(severity) is { } name ? Enum.Parse<Severity>(name, ignoreCase: true) : null,
                RuleId = parsed.GetValue(rule),
                Accounts = parsed.GetValue(accounts) ?? [],
                Region = parsed.GetValue(region),
                Since = sinceTime,
            };
            FindingsOutput.Write(opened.ListFindings(query), parsed.GetValue(format)!, language, output);
            return ExitCodes.Clean;
        }));
        return command;
    }

    private static Command Show(TextWriter output, TextWriter error, TimeProvider time)
    {
        var fingerprint = OptionLikeArguments.Refused(new Argument<string>("FINGERPRINT") { Description = "The finding's fingerprint, or its first characters (as 'kagi findings list' shows it)." });
        var (store, lang) = (StoreOption(), LangOption());
        var command = new Command("show", "Show one stored finding: its state, when it was seen, and its fix, from the store alone (no scan, no AWS call).") { fingerprint, store, lang };
        command.SetAction(parsed => WithStore(parsed, store, lang, time, error, (opened, language) =>
        {
            if (StoredFinding.Find(opened, parsed.GetValue(fingerprint)!, language, out var problem) is not { } finding)
            {
                error.WriteLine($"kagi: {problem}");
                return ExitCodes.BadInput;
            }

            FindingsOutput.WriteHeader(finding, language, output);
            if (!StoredFinding.WriteFix(finding, language, output))
            {
                error.WriteLine($"kagi: {Texts.Get(language, "cli.no-such-rule", ("ids", TerminalText.Line(finding.RuleId)))}");
                return ExitCodes.BadInput;
            }

            return ExitCodes.Clean;
        }));
        return command;
    }

    private static Command Diff(TextWriter output, TextWriter error, TimeProvider time)
    {
        var before = new Argument<long?>("SCAN_A") { Description = "The earlier scan ID (default: the scan before SCAN_B with the same scope).", Arity = ArgumentArity.ZeroOrOne };
        var after = new Argument<long?>("SCAN_B") { Description = "The later scan ID (default: the latest scan of that scope).", Arity = ArgumentArity.ZeroOrOne };
        var (store, format, lang) = (StoreOption(), FormatOption(), LangOption());
        var accounts = AccountsOption();
        var command = new Command("diff", "Failing findings new, resolved and still open between two scans.") { before, after, accounts, format, store, lang };
        command.SetAction(parsed => WithStore(parsed, store, lang, time, error, (opened, language) =>
        {
            if (opened.Diff(parsed.GetValue(before), parsed.GetValue(after)) is not { } diff)
            {
                error.WriteLine($"kagi: {Texts.Get(language, "cli.nothing-to-diff")}");
                return ExitCodes.BadInput;
            }

            FindingsOutput.Write(diff.InAccounts(parsed.GetValue(accounts) ?? []), parsed.GetValue(format)!, language, output);
            return ExitCodes.Clean;
        }));
        return command;
    }

    // An organization scan's findings, narrowed to some of its accounts; repeatable, as `kagi scan aws --account` is.
    private static Option<string[]> AccountsOption() =>
        new("--account") { Description = "Only this AWS account; repeat for more.", HelpName = "ID" };

    private static Command Mute(TextWriter output, TextWriter error, TimeProvider time)
    {
        var pattern = OptionLikeArguments.Refused(new Argument<string?>("PATTERN")
        {
            Description = "A fingerprint (or its first 6+ characters), a rule ID, or a resource ID glob (* and ?); or give --tag instead.",
            Arity = ArgumentArity.ZeroOrOne,
        });
        var tag = new Option<string?>("--tag") { Description = "Mute the findings of resources with this tag instead of a PATTERN (not those whose tags are unknown).", HelpName = "KEY=VALUE" };
        var reason = new Option<string>("--reason") { Description = "Why the finding is accepted; kept in the audit trail and shown in reports.", Required = true };
        var until = new Option<string?>("--until") { Description = "Unmute after this date (ISO 8601; a bare date means the end of that day, UTC).", HelpName = "DATE" };
        var force = new Option<bool>("--force") { Description = "Mute even when the pattern is no rule ID and matches no stored finding (for findings still to come)." };
        var (by, store, lang) = (ByOption(), StoreOption(), LangOption());
        var command = new Command("mute", "Mute findings: they still appear, as MUTED with the reason, and stop failing scans.") { pattern, tag, reason, until, force, by, store, lang };
        command.SetAction(parsed => WithStore(parsed, store, lang, time, error, (opened, language) =>
        {
            if (!TryParseTime(parsed.GetValue(until), endOfDay: true, out var untilTime))
            {
                error.WriteLine($"kagi: {Texts.Get(language, "cli.not-a-date", ("option", until.Name), ("value", parsed.GetValue(until)), ("example", "2026-12-31"))}");
                return ExitCodes.BadInput;
            }

            var (text, tagText) = (parsed.GetValue(pattern), parsed.GetValue(tag));
            if ((text is null) == (tagText is null))
            {
                error.WriteLine($"kagi: {Texts.Get(language, "cli.mute-pattern-or-tag", ("option", tag.Name))}");
                return ExitCodes.BadInput;
            }

            if (tagText is not null && !TagCondition.TryParse(tagText, out _))
            {
                error.WriteLine($"kagi: {Texts.Get(language, "cli.not-a-tag", ("option", tag.Name), ("value", tagText))}");
                return ExitCodes.BadInput;
            }

            var kind = tagText is not null ? MuteKind.Tag : MuteRule.KindOf(text!, id => RuleCatalog.Find(id) is not null);
            text ??= tagText!;

            // A rule muted by an ID it went by before is muted under the ID its findings carry now.
            if (kind == MuteKind.Rule)
            {
                text = RuleCatalog.Find(text)!.Metadata.Id;
            }

            // A mistyped rule ID reads as a resource glob that mutes nothing: say so rather than keep a mute that does no work.
            if (kind != MuteKind.Rule && !parsed.GetValue(force) && !MatchesAnyStored(opened, kind, text))
            {
                error.WriteLine($"kagi: {Texts.Get(language, "cli.mute-matches-nothing", ("pattern", TerminalText.Line(text)), ("option", force.Name))}");
                return ExitCodes.BadInput;
            }

            var mute = opened.Mute(kind, text, parsed.GetValue(reason)!, untilTime, parsed.GetValue(by)!);
            output.WriteLine(TerminalText.Line(Texts.Get(language, "cli.muted", ("kind", kind.ToString().ToLowerInvariant()), ("pattern", mute.Pattern), ("id", mute.Id), ("description", mute.Describe()))));
            return ExitCodes.Clean;
        }, StoreUse.CreateOrChange));
        return command;
    }

    private static bool MatchesAnyStored(IFindingStore store, MuteKind kind, string pattern)
    {
        var probe = new MuteRule(0, kind, pattern, string.Empty, null, string.Empty, DateTimeOffset.MinValue);
        return store.ListFindings(new FindingQuery()).Any(probe.Matches);
    }

    private static Command Unmute(TextWriter output, TextWriter error, TimeProvider time)
    {
        var pattern = OptionLikeArguments.Refused(new Argument<string>("PATTERN") { Description = "The pattern given to 'kagi findings mute', or the mute's ID." });
        var (by, store, lang) = (ByOption(), StoreOption(), LangOption());
        var command = new Command("unmute", "Lift a mute; the audit trail keeps who lifted it and when.") { pattern, by, store, lang };
        command.SetAction(parsed => WithStore(parsed, store, lang, time, error, (opened, language) =>
        {
            var lifted = opened.Unmute(parsed.GetValue(pattern)!, parsed.GetValue(by)!);
            var shown = TerminalText.Line(parsed.GetValue(pattern)!);
            if (lifted == 0)
            {
                error.WriteLine($"kagi: {Texts.Get(language, "cli.no-active-mute", ("pattern", shown))}");
                return ExitCodes.BadInput;
            }

            output.WriteLine(lifted == 1
                ? Texts.Get(language, "cli.unmuted-one", ("pattern", shown), ("count", lifted))
                : Texts.Get(language, "cli.unmuted-many", ("pattern", shown), ("count", lifted)));
            return ExitCodes.Clean;
        }, StoreUse.Change));
        return command;
    }

    private static Command Mutes(TextWriter output, TextWriter error, TimeProvider time)
    {
        var all = new Option<bool>("--all") { Description = "Also show expired and lifted mutes: the whole audit trail." };
        var (store, format, lang) = (StoreOption(), FormatOption(), LangOption());
        var command = new Command("mutes", "List the mutes in force.") { all, format, store, lang };
        command.SetAction(parsed => WithStore(parsed, store, lang, time, error, (opened, language) =>
        {
            FindingsOutput.Write(opened.Mutes(parsed.GetValue(all)), time.GetUtcNow(), parsed.GetValue(format)!, language, output);
            return ExitCodes.Clean;
        }));
        return command;
    }

    private static Command Scans(TextWriter output, TextWriter error, TimeProvider time)
    {
        var (store, format, lang) = (StoreOption(), FormatOption(), LangOption());
        var command = new Command("scans", "List the stored scans, with their IDs for 'kagi findings diff'.") { format, store, lang };
        command.SetAction(parsed => WithStore(parsed, store, lang, time, error, (opened, _) =>
        {
            FindingsOutput.Write(opened.Scans(), parsed.GetValue(format)!, output);
            return ExitCodes.Clean;
        }));
        return command;
    }

    /// <summary>Opens the store <paramref name="storeOption"/> names and runs <paramref name="action"/> with it, in the language <paramref name="langOption"/> chose.</summary>
    internal static int WithStore(ParseResult parsed, Option<string?> storeOption, Option<string> langOption, TimeProvider time, TextWriter error, Func<IFindingStore, Language, int> action, StoreUse use = StoreUse.Read)
    {
        var language = LanguageOption.Read(parsed, langOption);
        try
        {
            var resolved = StoreLocation.Resolve(parsed.GetValue(storeOption), Environment.GetEnvironmentVariable);

            // A query against a mistyped path should say so, not create an empty store there and answer "0 findings".
            if (use != StoreUse.CreateOrChange && resolved.Kind == StoreKind.Sqlite && !File.Exists(resolved.ConnectionString))
            {
                error.WriteLine($"kagi: {Texts.Get(language, "cli.no-store-at", ("path", resolved.ConnectionString))}");
                return ExitCodes.BadInput;
            }

            using var store = use == StoreUse.Read ? FindingStore.OpenForReading(resolved, time, RuleCatalog.Renamed) : FindingStore.Open(resolved, time, RuleCatalog.Renamed);
            return action(store, language);
        }
        catch (Exception exception) when (ScanStore.IsStoreFailure(exception))
        {
            error.WriteLine($"kagi: error: {TerminalText.Line(exception.Message)}");
            return ExitCodes.BadInput;
        }
    }

    private static bool TryParseTime(string? text, bool endOfDay, out DateTimeOffset? time)
    {
        time = null;
        if (text is null)
        {
            return true;
        }

        if (!UserTime.TryParse(text, endOfDay, out var parsed))
        {
            return false;
        }

        time = parsed;
        return true;
    }

    internal static Option<string?> StoreOption() => new("--store")
    {
        Description = $"The findings store: a SQLite file, or a PostgreSQL URL or connection string (default ${StoreLocation.EnvironmentVariable}, else ~/.kagi/kagi.db).",
        HelpName = "PATH-or-URL",
    };

    private static Option<string> FormatOption()
    {
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        return format;
    }

    private static Option<string> LangOption() => LanguageOption.Create("Language of messages and summaries; the store's own texts (mute reasons) stay as written.");

    private static Option<string> ByOption() => new("--by")
    {
        Description = "Who is doing this, for the audit trail (default: the current user).",
        DefaultValueFactory = _ => Environment.UserName,
    };

    // Queries open the store read-only; unmute changes a store that must already exist; a mute may be the first thing stored.
    internal enum StoreUse
    {
        Read,
        Change,
        CreateOrChange,
    }
}
