using System.CommandLine;
using Kagi.Aws.Organizations;
using Kagi.Core.Findings;
using Kagi.Core.Localization;
using Kagi.Core.Rules;

namespace Kagi.Cli;

/// <summary>The options of <c>kagi scan aws</c> that choose the accounts of an organization and the role that reaches them.</summary>
internal sealed class AccountOptions
{
    private readonly Option<bool> _allAccounts = new("--all-accounts") { Description = "Scan every active account of the organization (organizations:ListAccounts, from the management or a delegated administrator account)." };
    private readonly Option<string[]> _accounts = new("--account") { Description = "An account to scan by assuming the role; repeat for more." };
    private readonly Option<string[]> _units = new("--ou") { Description = "Scan the active accounts under this organizational unit or root, at any depth; repeat for more." };
    private readonly Option<string[]> _excluded = new("--exclude-account") { Description = "An account not to scan; repeat for more." };
    private readonly Option<string?> _roleName = new("--role-name") { Description = "The role to assume in each account (arn:PARTITION:iam::ACCOUNT:role/NAME)." };
    private readonly Option<string?> _roleArn = new("--role-arn") { Description = "A role ARN template for roles not named the same everywhere: {account} (and {partition}) are replaced." };
    private readonly Option<string?> _externalId = new("--external-id") { Description = "The external ID the roles' trust policies require." };
    private readonly Option<string?> _sessionName = new("--role-session-name") { Description = "The session name of the assumed roles, as CloudTrail shows it (default kagi-scan)." };

    private readonly Option<int> _maxInFlight = new("--max-accounts-in-flight")
    {
        Description = $"How many accounts are scanned at once (1 to {MaxAccountsInFlightAllowed}, default {OrganizationScanner.DefaultMaxAccountsInFlight}); each reads its regions and services in parallel.",
        DefaultValueFactory = _ => OrganizationScanner.DefaultMaxAccountsInFlight,
    };

    // Each account in flight holds up to 10 calls per service and region open: beyond this, memory and connections, not speed, grow.
    private const int MaxAccountsInFlightAllowed = 64;

    private static readonly string DefaultSessionName = new AccountSelection().RoleSessionName;

    public AccountOptions() =>
        _maxInFlight.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > MaxAccountsInFlightAllowed)
            {
                // A parse error: reported before --lang is read, so in English.
                result.AddError(Texts.Get(Language.En, "cli.accounts-in-flight-range", ("option", _maxInFlight.Name), ("max", MaxAccountsInFlightAllowed)));
            }
        });

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _allAccounts, _accounts, _units, _excluded, _roleName, _roleArn, _externalId, _sessionName, _maxInFlight })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The selection (null: the caller's account alone, as before), or the problem with the options.</summary>
    public (AccountSelection? Selection, Func<Language, string>? Problem) Read(ParseResult parsed)
    {
        var selection = new AccountSelection
        {
            AllAccounts = parsed.GetValue(_allAccounts),
            Accounts = parsed.GetValue(_accounts) ?? [],
            OrganizationalUnits = parsed.GetValue(_units) ?? [],
            ExcludedAccounts = parsed.GetValue(_excluded) ?? [],
            RoleName = parsed.GetValue(_roleName),
            RoleArnTemplate = parsed.GetValue(_roleArn),
            ExternalId = parsed.GetValue(_externalId),
            RoleSessionName = parsed.GetValue(_sessionName) ?? DefaultSessionName,
        };
        var choosesAccounts = selection.AllAccounts || selection.Accounts.Count > 0 || selection.OrganizationalUnits.Count > 0;
        var reachesAccounts = selection.ExcludedAccounts.Count > 0 || selection.RoleName is not null || selection.RoleArnTemplate is not null
            || selection.ExternalId is not null || parsed.GetValue(_sessionName) is not null || parsed.GetResult(_maxInFlight) is { Implicit: false };
        if (!choosesAccounts)
        {
            return (null, reachesAccounts ? language => Texts.Get(language, "cli.accounts-not-chosen") : null);
        }

        return selection.Problem() is { } problem ? (null, problem) : (selection, null);
    }

    /// <summary>How many accounts are scanned at once (checked by the option's validator).</summary>
    public int MaxAccountsInFlight(ParseResult parsed) => parsed.GetValue(_maxInFlight);

    /// <summary>The options again, as words of a command that repeats the scan.</summary>
    public static IEnumerable<string> Words(AccountSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        if (selection.AllAccounts)
        {
            yield return "--all-accounts";
        }

        foreach (var (option, values) in new[] { ("--account", selection.Accounts), ("--ou", selection.OrganizationalUnits), ("--exclude-account", selection.ExcludedAccounts) })
        {
            foreach (var value in values)
            {
                yield return option;
                yield return Placeholders.ShellWord(value);
            }
        }

        foreach (var (option, value) in new[]
        {
            ("--role-name", selection.RoleName),
            ("--role-arn", selection.RoleArnTemplate),
            ("--external-id", selection.ExternalId),
            ("--role-session-name", selection.RoleSessionName == DefaultSessionName ? null : selection.RoleSessionName),
        })
        {
            if (value is not null)
            {
                yield return option;
                yield return Placeholders.ShellWord(value);
            }
        }
    }
}
