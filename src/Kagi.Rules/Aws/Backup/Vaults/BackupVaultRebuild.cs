using System.Text.Json;
using Kagi.Core.Findings;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Rules.Aws.Backup.Vaults;

/// <summary>
/// What a rebuild of a Backup vault under another key carries across, as the scan read it, in a failing finding's
/// evidence (so a stored finding prints the same fix), and the parts of the fix built from it: the
/// <c>create-backup-vault</c> with the old vault's tags; its access policy, notifications and Vault Lock; the console's
/// list and Terraform's arguments. The policy, notifications and lock are separate resources in Terraform
/// (<c>aws_backup_vault_policy</c>, <c>aws_backup_vault_notifications</c>, <c>aws_backup_vault_lock_configuration</c>),
/// so they add no argument to the vault's block.
/// </summary>
public sealed class BackupVaultRebuild : IFixBuilder
{
    private const string PolicyOption = "--policy";
    private const string TopicOption = "--sns-topic-arn";
    private const string EventsOption = "--backup-vault-events";
    private const string MinRetentionOption = "--min-retention-days";
    private const string MaxRetentionOption = "--max-retention-days";
    private const string LockModeOption = "--changeable-for-days";
    private const string TagsOption = "--backup-vault-tags";

    // The shortest time AWS Backup allows before a compliance-mode lock becomes immutable: the new lock can still be
    // removed for that long.
    private const int ChangeableForDays = 3;

    private static readonly string[] LockOptions = [MinRetentionOption, MaxRetentionOption, LockModeOption];

    private static readonly OptionRebuild<BackupVault> Rebuild = new(
    [
        new(TagsOption, "tags", Texts.Name("fixes.setting-tags"), OptionRebuild<BackupVault>.OwnTags, TagMap),
        new(PolicyOption, "aws_backup_vault_policy", Texts.Name("fixes.setting-access-policy"), vault => Json(vault.AccessPolicy), Hcl: _ => []),
        new(TopicOption, "aws_backup_vault_notifications", Texts.Name("fixes.setting-notification-topic"), vault => Json(vault.NotificationTopicArn), Hcl: _ => []),
        new(EventsOption, "backup_vault_events", Texts.Name("fixes.setting-notification-events"), vault => Json(vault.NotificationEvents), Hcl: _ => []),
        new(MinRetentionOption, "min_retention_days", Texts.Name("fixes.setting-min-retention"), vault => Days(vault.LockMinRetentionDays), Hcl: _ => []),
        new(MaxRetentionOption, "max_retention_days", Texts.Name("fixes.setting-max-retention"), vault => Days(vault.LockMaxRetentionDays), Hcl: _ => []),
        new(LockModeOption, "aws_backup_vault_lock_configuration", Texts.Name("fixes.setting-lock-mode"), vault => Json(vault.LockMode), LockMode, _ => []),
    ]);

    /// <summary>The evidence a failing finding of a rebuild-only fix carries: each setting read, by option (JSON null: none).</summary>
    public static (string Key, string? Value) Evidence(BackupVault vault) => Rebuild.Evidence(vault);

    public IReadOnlyDictionary<string, string> Build(RemediationMedium medium, IReadOnlyDictionary<string, string?> evidence, Language language)
    {
        ArgumentNullException.ThrowIfNull(medium);
        var read = Rebuild.Read(evidence);
        if (medium == RemediationMedium.AwsCli)
        {
            var compliance = read.Set.Any(pair => pair.Setting.Option == LockModeOption && pair.Value.GetString() == BackupVault.ComplianceMode);
            return new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["notRead"] = read.NotReadComment(language),
                ["create"] = RebuildScript.Command(
                    "aws backup create-backup-vault --region \"$REGION\"",
                    ["--backup-vault-name \"$NEW\"", "--encryption-key-arn \"$KEY_ARN\"", .. read.Options(setting => setting.Option == TagsOption)]),
                ["policy"] = Put(read, [PolicyOption], "aws backup put-backup-vault-access-policy --region \"$REGION\" --backup-vault-name \"$NEW\""),
                ["notifications"] = Put(read, [TopicOption, EventsOption], "aws backup put-backup-vault-notifications --region \"$REGION\" --backup-vault-name \"$NEW\""),
                ["lock"] = (compliance ? RebuildScript.Comment(Texts.Get(language, "fixes.backup-compliance-lock", ("days", ChangeableForDays.ToString(System.Globalization.CultureInfo.InvariantCulture)))) + "\n" : string.Empty)
                    + Put(read, LockOptions, "aws backup put-backup-vault-lock-configuration --region \"$REGION\" --backup-vault-name \"$NEW\""),
            };
        }

        return medium == RemediationMedium.Console
            ? new Dictionary<string, string>(StringComparer.Ordinal) { ["keep"] = read.ConsoleList(language) }
            : new Dictionary<string, string>(StringComparer.Ordinal) { ["arguments"] = read.TerraformArguments(language) };
    }

    private static Fact<JsonElement?> Json<T>(Fact<T> fact) => OptionRebuild<BackupVault>.Json(fact);

    // No limit (0) is none.
    private static Fact<JsonElement?> Days(Fact<int> days) => days is { IsKnown: true, Value: 0 } ? Fact.Known<JsonElement?>(null) : Json(days);

    // The command setting these options when the old vault has any of them; nothing when it has none (or they were not read: the not-read line says so).
    private static string Put(RebuildReading<BackupVault> read, string[] options, string head)
    {
        var set = read.Options(setting => options.Contains(setting.Option, StringComparer.Ordinal)).ToList();
        return set.Count == 0 ? string.Empty : RebuildScript.Command(head, set) + "\n";
    }

    // A governance-mode lock is the retention limits alone; a compliance-mode one also says when it becomes immutable.
    private static string[] LockMode(JsonElement mode) =>
        mode.GetString() == BackupVault.ComplianceMode ? [$"{LockModeOption} {ChangeableForDays.ToString(System.Globalization.CultureInfo.InvariantCulture)}"] : [];

    // create-backup-vault takes the tags as a map: {"team": "orders"}.
    private static string[] TagMap(JsonElement tags) => tags.EnumerateObject().Any() ? RebuildScript.Option(TagsOption, tags.GetRawText()) : [];
}
