using System.CommandLine;
using System.CommandLine.Parsing;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Reporting;
using Kagi.Rules;
using Kagi.Store;

namespace Kagi.Cli;

/// <summary>What every <c>kagi scan</c> command takes after its source, read and checked.</summary>
internal sealed record ScanSettings(ScanOptions Options, Language Language, IReadOnlyList<ReportRequest> Reports, Severity FailOn, bool AllowIncomplete, string? Fix)
{
    /// <summary>Where the scan is kept, and the baseline it is judged against.</summary>
    public StoreSettings Store { get; init; } = StoreSettings.None;

    /// <summary>Which findings the reports show.</summary>
    public PrintFilter Print { get; init; } = PrintFilter.Everything;
}

/// <summary>The options common to every <c>kagi scan</c> command.</summary>
internal sealed class ScanOptionSet
{
    private readonly Option<string[]> _format = new("--format")
    {
        Description = $"Output format ({string.Join("|", ReportRequest.Formats)}; default table); repeat it for several reports. FORMAT=FILE writes that one to FILE.",
        HelpName = "FORMAT[=FILE]",
    };

    private readonly Option<string[]> _output = new("--output")
    {
        Description = "Write the report to FILE ('-' for standard output); each --output goes with the --format just before it.",
        HelpName = "FILE",
    };

    private readonly Option<string> _lang = LanguageOption.Create("Language of titles, messages and remediation.");

    private readonly Option<string> _minKeyLevel = new("--min-key-level")
    {
        Description = "The lowest key level that passes: customer (a CMK) or hsm (a CMK in a CloudHSM or external key store).",
        DefaultValueFactory = _ => "customer",
    };

    private readonly Option<int> _minBackupRetentionDays = new("--min-backup-retention-days")
    {
        Description = "The fewest days a Neptune cluster must keep automated backups (1 to 35; Security Hub asks for 7).",
        DefaultValueFactory = _ => ScanOptions.Default.MinBackupRetentionDays,
    };

    private readonly Option<string?> _rules = new("--rules") { Description = "Run only these rule IDs (comma-separated)." };

    private readonly Option<string?> _skipRules = new("--skip-rules") { Description = "Do not run these rule IDs (comma-separated)." };

    private readonly Option<string> _failOn = new("--fail-on")
    {
        Description = "Exit with 1 when a FAIL at or above this severity is found.",
        DefaultValueFactory = _ => "low",
    };

    private readonly Option<string?> _severity = new("--severity")
    {
        Description = "Report only findings of rules of this severity or higher; the exit code and the store still count every finding.",
        HelpName = "LEVEL",
    };

    private readonly Option<string[]> _status = new("--status")
    {
        Description = "Report only findings with these statuses (pass, fail, error, unknown, muted), comma-separated or repeated; the exit code and the store still count every finding.",
        HelpName = "STATUS",
    };

    private readonly Option<bool> _allowIncomplete = new("--allow-incomplete") { Description = "Do not count ERROR results (could not evaluate) as failing." };

    private readonly Option<bool> _noStore = new("--no-store") { Description = "Do not keep this scan in the findings store, nor apply its mutes." };

    private readonly Option<string?> _store = new("--store")
    {
        Description = $"The findings store: a SQLite file, or a PostgreSQL postgres://… URL or Host=… connection string (default ${StoreLocation.EnvironmentVariable}, else ~/.kagi/kagi.db).",
        HelpName = "PATH-or-URL",
    };

    private readonly Option<string?> _baseline = new("--baseline")
    {
        Description = "Exit with 1 only for failing findings not in this baseline file.",
        HelpName = "FILE",
    };

    private readonly Option<string?> _writeBaseline = new("--write-baseline")
    {
        Description = "Write the fingerprints of this scan's failing findings to FILE, for a later --baseline.",
        HelpName = "FILE",
    };

    private readonly Option<string?> _fix = new("--fix")
    {
        Description = "Print the full remediation (risk, console, CLI, Terraform) of the finding whose fingerprint starts with this, or of every failing finding with 'all'.",
    };

    public ScanOptionSet()
    {
        _minKeyLevel.AcceptOnlyFromAmong(KeyLevel.Customer.ToName(), KeyLevel.Hsm.ToName());
        _failOn.AcceptOnlyFromAmong([.. Enum.GetValues<Severity>().Select(severity => severity.ToName())]);
        _severity.AcceptOnlyFromAmong([.. Enum.GetValues<Severity>().Select(severity => severity.ToName())]);
        _status.Validators.Add(result =>
        {
            foreach (var name in StatusList(result.GetValueOrDefault<string[]>()).Where(name => !StatusNames.TryParseStatus(name, out _)))
            {
                // A parse error: reported before --lang is read, so in English.
                result.AddError(Texts.Get(Language.En, "cli.unknown-status", ("status", name)));
            }
        });

        // AWS keeps automated backups 1 to 35 days; a bar outside that could never pass or never fail.
        _minBackupRetentionDays.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 35)
            {
                // A parse error: reported before --lang is read, so in English.
                result.AddError(Texts.Get(Language.En, "cli.backup-retention-range", ("option", _minBackupRetentionDays.Name)));
            }
        });
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _format, _output, _lang, _minKeyLevel, _minBackupRetentionDays, _rules, _skipRules, _severity, _status, _failOn, _allowIncomplete, _noStore, _store, _baseline, _writeBaseline, _fix })
        {
            command.Options.Add(option);
        }
    }

    // A rule named by a previous ID selects the rule that took it over.
    private static HashSet<string> Current(HashSet<string> ids) =>
        new(ids.Select(id => RuleCatalog.Find(id)!.Metadata.Id), StringComparer.Ordinal);

    /// <summary>Reads the options; null (with the reason written to <paramref name="error"/>) when they do not make sense together.</summary>
    public ScanSettings? Read(ParseResult parsed, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var language = LanguageOption.Read(parsed, _lang);
        var rules = Ids(parsed.GetValue(_rules));
        var skipRules = Ids(parsed.GetValue(_skipRules));
        var unknown = rules.Concat(skipRules).Where(id => RuleCatalog.Find(id) is null).ToList();
        if (unknown.Count > 0)
        {
            error.WriteLine($"kagi: {Texts.Get(language, "cli.no-such-rule", ("ids", string.Join(", ", unknown)))}");
            return null;
        }

        if (!KeyLevelNames.TryParse(parsed.GetValue(_minKeyLevel), out var minKeyLevel) || !StatusNames.TryParseSeverity(parsed.GetValue(_failOn), out var failOn))
        {
            // Unreachable through the parser, which accepts only the listed names; kept so a new name cannot slip through as a default.
            error.WriteLine($"kagi: {Texts.Get(language, "cli.unknown-level")}");
            return null;
        }

        var options = new ScanOptions
        {
            MinKeyLevel = minKeyLevel,
            MinBackupRetentionDays = parsed.GetValue(_minBackupRetentionDays),
            Rules = Current(rules),
            SkipRules = Current(skipRules),
        };
        var reports = ReportRequest.Pair([.. OptionOrder.InOrderTyped(parsed, _format, _output).Select(typed => new ReportOption(typed.Option == _format, typed.Value))], language, out var problem);
        if (reports is null)
        {
            error.WriteLine($"kagi: {problem}");
            return null;
        }

        if (parsed.GetValue(_noStore) && parsed.GetValue(_store) is not null)
        {
            error.WriteLine($"kagi: {Texts.Get(language, "cli.store-contradiction")}");
            return null;
        }

        return new ScanSettings(options, language, reports, failOn, parsed.GetValue(_allowIncomplete), parsed.GetValue(_fix))
        {
            Store = new StoreSettings(parsed.GetValue(_noStore), parsed.GetValue(_store), parsed.GetValue(_baseline), parsed.GetValue(_writeBaseline)),
            Print = ReadPrintFilter(parsed),
        };
    }

    private PrintFilter ReadPrintFilter(ParseResult parsed)
    {
        var statuses = new HashSet<ResultStatus>();
        foreach (var name in StatusList(parsed.GetValue(_status)))
        {
            // Every name was checked by the option's validator.
            if (StatusNames.TryParseStatus(name, out var status))
            {
                statuses.Add(status);
            }
        }

        return new PrintFilter(
            StatusNames.TryParseSeverity(parsed.GetValue(_severity), out var minimum) ? minimum : null,
            statuses.Count > 0 ? statuses : null);
    }

    private static IEnumerable<string> StatusList(string[]? values) =>
        (values ?? []).SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static HashSet<string> Ids(string? list) =>
        [.. (list ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
