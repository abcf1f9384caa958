using System.Text.Json;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Rules.Aws.Rds.Instances;

/// <summary>
/// What a rebuild of an RDS instance under another key carries across, as the scan read it, in a failing finding's
/// evidence (so a stored finding prints the same fix), and the parts of the fix built from it: the restore with every
/// setting it takes, a modify for the rest, the console's list and Terraform's arguments. Each setting is named by its
/// AWS CLI option, with its <c>aws_db_instance</c> argument, its value as the scan read it (null: left to AWS; absent: not read).
/// </summary>
public sealed class RdsInstanceRebuild : IFixBuilder
{
    // The options a restore from a snapshot takes; the others are set by a modify afterwards.
    private static readonly HashSet<string> RestoreOptions = new(StringComparer.Ordinal)
    {
        "--db-instance-class", "--availability-zone", "--multi-az", "--db-subnet-group-name", "--vpc-security-group-ids",
        "--db-parameter-group-name", "--option-group-name", "--port", "--enable-cloudwatch-logs-exports",
        "--enable-iam-database-authentication", "--deletion-protection", "--copy-tags-to-snapshot", "--tags",
    };

    private static readonly OptionRebuild<RdsInstance> Rebuild = new(
    [
        new("--db-instance-class", "instance_class", Texts.Name("fixes.setting-instance-class"), instance => Json(instance.InstanceClass)),
        new("--availability-zone", "availability_zone", Texts.Name("fixes.setting-availability-zone"), instance => Json(instance.AvailabilityZone)),
        new("--multi-az", "multi_az", Texts.Name("fixes.setting-multi-az"), instance => Json(instance.MultiAz)),
        new("--db-subnet-group-name", "db_subnet_group_name", Texts.Name("fixes.setting-subnet-group"), instance => Json(instance.SubnetGroup)),
        new("--vpc-security-group-ids", "vpc_security_group_ids", Texts.Name("fixes.setting-security-groups"), instance => Json(instance.VpcSecurityGroupIds)),
        new("--db-parameter-group-name", "parameter_group_name", Texts.Name("fixes.setting-parameter-group"), instance => Json(instance.ParameterGroup)),
        new("--option-group-name", "option_group_name", Texts.Name("fixes.setting-option-group"), instance => Json(instance.OptionGroup)),
        new("--port", "port", Texts.Name("fixes.setting-port"), instance => Json(instance.Port)),
        new("--backup-retention-period", "backup_retention_period", Texts.Name("fixes.setting-backup-retention"), instance => Json(instance.BackupRetentionPeriod)),
        new("--preferred-backup-window", "backup_window", Texts.Name("fixes.setting-backup-window"), instance => Json(instance.PreferredBackupWindow)),
        new("--preferred-maintenance-window", "maintenance_window", Texts.Name("fixes.setting-maintenance-window"), instance => Json(instance.PreferredMaintenanceWindow)),
        new("--enable-cloudwatch-logs-exports", "enabled_cloudwatch_logs_exports", Texts.Name("fixes.setting-log-exports"), instance => Json(instance.EnabledCloudwatchLogsExports)),
        new("--enable-iam-database-authentication", "iam_database_authentication_enabled", Texts.Name("fixes.setting-iam-authentication"), instance => Json(instance.IamDatabaseAuthentication)),
        new("--deletion-protection", "deletion_protection", Texts.Name("fixes.setting-deletion-protection"), instance => Json(instance.DeletionProtection)),
        new("--copy-tags-to-snapshot", "copy_tags_to_snapshot", Texts.Name("fixes.setting-copy-tags"), instance => Json(instance.CopyTagsToSnapshot)),
        new("--tags", "tags", Texts.Name("fixes.setting-tags"), OptionRebuild<RdsInstance>.OwnTags),
    ]);

    /// <summary>The evidence a failing finding of a rebuild-only fix carries: each setting read, by option (JSON null: left to AWS).</summary>
    public static (string Key, string? Value) Evidence(RdsInstance instance) => Rebuild.Evidence(instance);

    public IReadOnlyDictionary<string, string> Build(RemediationMedium medium, IReadOnlyDictionary<string, string?> evidence, Language language)
    {
        ArgumentNullException.ThrowIfNull(medium);
        var read = Rebuild.Read(evidence);
        if (medium == RemediationMedium.AwsCli)
        {
            var modify = read.Options(setting => !RestoreOptions.Contains(setting.Option)).ToList();
            return new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["notRead"] = read.NotReadComment(language),
                ["restore"] = RebuildScript.Command(
                    "aws rds restore-db-instance-from-db-snapshot --region \"$REGION\"",
                    ["--db-instance-identifier \"$NEW\"", "--db-snapshot-identifier \"$NEW\"", .. read.Options(setting => RestoreOptions.Contains(setting.Option))]),
                ["settings"] = modify.Count == 0 ? string.Empty
                    : RebuildScript.Lines([RebuildScript.Command("aws rds modify-db-instance --region \"$REGION\"", ["--db-instance-identifier \"$NEW\"", .. modify, "--apply-immediately"])]),
            };
        }

        return medium == RemediationMedium.Console
            ? new Dictionary<string, string>(StringComparer.Ordinal) { ["keep"] = read.ConsoleList(language) }
            : new Dictionary<string, string>(StringComparer.Ordinal) { ["arguments"] = read.TerraformArguments(language) };
    }

    private static Fact<JsonElement?> Json<T>(Fact<T> fact) => OptionRebuild<RdsInstance>.Json(fact);
}
