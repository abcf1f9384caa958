using System.Globalization;
using System.Text.RegularExpressions;
using Kagi.Core.Localization;
using Kagi.Core.Rules;

namespace Kagi.Aws.Organizations;

/// <summary>
/// Which accounts of an organization one scan covers, and how it gets into each: every active account
/// (<c>--all-accounts</c>), those under organizational units (<c>--ou</c>) or named ones (<c>--account</c>), less the
/// excluded ones, each reached by assuming a role of the same name (<c>--role-name</c>) or from an ARN template
/// (<c>--role-arn</c>). The caller's own account is scanned with the caller's own credentials.
/// </summary>
public sealed partial record AccountSelection
{
    /// <summary>What <c>--role-arn</c> templates may name: filled for each account.</summary>
    public const string AccountPlaceholder = "{account}";

    public const string PartitionPlaceholder = "{partition}";

    public bool AllAccounts { get; init; }

    public IReadOnlyList<string> Accounts { get; init; } = [];

    public IReadOnlyList<string> OrganizationalUnits { get; init; } = [];

    public IReadOnlyList<string> ExcludedAccounts { get; init; } = [];

    public string? RoleName { get; init; }

    /// <summary>A role ARN with <see cref="AccountPlaceholder"/> (and optionally <see cref="PartitionPlaceholder"/>) for roles not named the same everywhere.</summary>
    public string? RoleArnTemplate { get; init; }

    public string? ExternalId { get; init; }

    public string RoleSessionName { get; init; } = "kagi-scan";

    /// <summary>Whether the accounts come from AWS Organizations rather than from the command line alone.</summary>
    public bool ListsOrganization => AllAccounts || OrganizationalUnits.Count > 0;

    /// <summary>The role to assume in an account.</summary>
    public string RoleArn(string partition, string account) =>
        RoleArnTemplate is { } template
            ? template.Replace(AccountPlaceholder, account, StringComparison.Ordinal).Replace(PartitionPlaceholder, partition, StringComparison.Ordinal)
            : string.Create(CultureInfo.InvariantCulture, $"arn:{partition}:iam::{account}:role/{RoleName}");

    /// <summary>What is wrong with the selection as given, or null: the command line reports it before any call.</summary>
    public Func<Language, string>? Problem()
    {
        if ((RoleName is null) == (RoleArnTemplate is null))
        {
            return language => Texts.Get(language, "cli.accounts-role-needed");
        }

        if (RoleName is not null && !RoleNamePattern().IsMatch(RoleName))
        {
            return language => Texts.Get(language, "cli.accounts-bad-role-name", ("value", RoleName));
        }

        if (RoleArnTemplate is not null && !RoleArnTemplate.Contains(AccountPlaceholder, StringComparison.Ordinal))
        {
            return language => Texts.Get(language, "cli.accounts-bad-role-arn", ("placeholder", AccountPlaceholder), ("value", RoleArnTemplate));
        }

        if (Accounts.Concat(ExcludedAccounts).FirstOrDefault(account => !AccountIdPattern().IsMatch(account)) is { } badAccount)
        {
            return language => Texts.Get(language, "cli.accounts-bad-account", ("value", badAccount));
        }

        if (OrganizationalUnits.FirstOrDefault(unit => !ParentIdPattern().IsMatch(unit)) is { } badUnit)
        {
            return language => Texts.Get(language, "cli.accounts-bad-ou", ("value", badUnit));
        }

        return RoleSessionNamePattern().IsMatch(RoleSessionName) ? null : language => Texts.Get(language, "cli.accounts-bad-session-name", ("value", RoleSessionName));
    }

    [GeneratedRegex(@"^([\w+=,.@-]+/)*[\w+=,.@-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleNamePattern();

    [GeneratedRegex(@"^\d{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountIdPattern();

    [GeneratedRegex(@"^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$", RegexOptions.CultureInvariant)]
    private static partial Regex ParentIdPattern();

    [GeneratedRegex(@"^[\w+=,.@-]{2,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleSessionNamePattern();
}
