using System.Globalization;
using System.Text;
using System.Text.Json;
using Kagi.Core.Findings;
using Kagi.Core.Localization;
using Kagi.Core.Rules;

namespace Kagi.Rules.Aws.Neptune.Clusters;

/// <summary>
/// The parts of a Neptune cluster's rebuild under a CMK that depend on what the scan read (<see cref="NeptuneClusterRebuild"/>):
/// the restore with every setting it takes, the settings a restore does not take, one instance per old instance; the
/// console's list of settings to keep; Terraform's arguments. The AWS CLI parts use the shell variables the rule's
/// template sets (<c>REGION</c>, <c>NEW</c>, <c>SNAPSHOT</c>, <c>KEY_ARN</c>); every value is one shell word.
/// </summary>
public static class NeptuneClusterFixBuilder
{
    private const string NextOption = " \\\n  ";

    public static IReadOnlyDictionary<string, string> Build(RemediationMedium medium, IReadOnlyDictionary<string, string?> evidence, Language language)
    {
        ArgumentNullException.ThrowIfNull(medium);
        var rebuild = NeptuneClusterRebuild.From(evidence);
        return medium == RemediationMedium.AwsCli ? new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["notRead"] = NotRead(rebuild, language),
            ["restoreToPointInTime"] = Restore(rebuild, "restore-db-cluster-to-point-in-time", ["--source-db-cluster-identifier \"$OLD\"", "--use-latest-restorable-time"]),
            ["restoreFromSnapshot"] = Restore(rebuild, "restore-db-cluster-from-snapshot", ["--snapshot-identifier \"$SNAPSHOT\"", "--engine neptune", .. Option("--engine-version", rebuild.EngineVersion)]),
            ["settings"] = Settings(rebuild),
            ["instances"] = Instances(rebuild, language),
        }
            : medium == RemediationMedium.Console ? new Dictionary<string, string>(StringComparer.Ordinal) { ["keep"] = Keep(rebuild, language) }
            : new Dictionary<string, string>(StringComparer.Ordinal) { ["arguments"] = Arguments(rebuild, language) };
    }

    private static string NotRead(NeptuneClusterRebuild rebuild, Language language) =>
        rebuild.NotRead.Count == 0 ? string.Empty : Comment(Texts.Get(language, "fixes.not-read", ("options", string.Join(", ", rebuild.NotRead)))) + "\n";

    // The restore takes the cluster's network, parameters, authentication, logs, protection, capacity and tags.
    private static string Restore(NeptuneClusterRebuild rebuild, string command, IEnumerable<string> source) => Command(
        $"aws neptune {command} --region \"$REGION\"",
        [
            "--db-cluster-identifier \"$NEW\"",
            .. source,
            "--kms-key-id \"$KEY_ARN\"",
            .. Option("--db-subnet-group-name", rebuild.SubnetGroup),
            .. rebuild.SecurityGroups is { Count: > 0 } groups ? [Words("--vpc-security-group-ids", groups)] : Array.Empty<string>(),
            .. Option("--db-cluster-parameter-group-name", rebuild.ClusterParameterGroup),
            .. Option("--port", rebuild.Port?.ToString(CultureInfo.InvariantCulture)),
            .. Switch("--enable-iam-database-authentication", rebuild.IamAuthentication),
            .. rebuild.LogExports is { Count: > 0 } logs ? [Words("--enable-cloudwatch-logs-exports", logs)] : Array.Empty<string>(),
            .. Switch("--deletion-protection", rebuild.DeletionProtection),
            .. Option("--serverless-v2-scaling-configuration", rebuild.ServerlessV2Scaling is { } scaling
                ? string.Create(CultureInfo.InvariantCulture, $"MinCapacity={scaling.MinCapacity},MaxCapacity={scaling.MaxCapacity}")
                : null),
            .. Option("--tags", rebuild.Tags is { Count: > 0 } tags
                ? JsonSerializer.Serialize([.. tags.Select(tag => new Dictionary<string, string> { ["Key"] = tag.Key, ["Value"] = tag.Value })], NeptuneRebuildJson.Default.DictionaryStringStringArray)
                : null),
        ]);

    // What a restore does not take: backups, maintenance, tag copying (modify), and the IAM roles (one call each).
    private static string Settings(NeptuneClusterRebuild rebuild)
    {
        List<string> modify =
        [
            .. Option("--backup-retention-period", rebuild.BackupRetentionPeriod?.ToString(CultureInfo.InvariantCulture)),
            .. Option("--preferred-backup-window", rebuild.BackupWindow),
            .. Option("--preferred-maintenance-window", rebuild.MaintenanceWindow),
            .. Switch("--copy-tags-to-snapshot", rebuild.CopyTagsToSnapshot),
        ];
        var commands = new List<string>();
        if (modify.Count > 0)
        {
            commands.Add(Command("aws neptune modify-db-cluster --region \"$REGION\"", ["--db-cluster-identifier \"$NEW\"", .. modify, "--apply-immediately"]));
        }

        commands.AddRange((rebuild.IamRoles ?? []).Select(role =>
            Command("aws neptune add-role-to-db-cluster --region \"$REGION\"", ["--db-cluster-identifier \"$NEW\"", .. Option("--role-arn", role)])));
        return Lines(commands);
    }

    // One instance per old instance, the writer first, each waited for; nothing is invented for what was not read.
    private static string Instances(NeptuneClusterRebuild rebuild, Language language)
    {
        if (rebuild.Instances is not { } instances)
        {
            return Comment(Texts.Get(language, "fixes.instances-not-read", ("reason", TextTranslation.Translate(rebuild.InstancesNotRead ?? string.Empty, language)))) + "\n";
        }

        if (instances.Count == 0)
        {
            return Comment(Texts.Get(language, "fixes.no-instances")) + "\n";
        }

        return Lines(instances.Select((instance, index) =>
        {
            var identifier = $"\"$NEW-{index + 1}\"";
            var replaces = Comment(instance.InstanceClass is null
                ? Texts.Get(language, "fixes.instance-class-not-read", ("instance", instance.Name))
                : Texts.Get(language, "fixes.instance-replaces", ("instance", instance.Name)));
            var create = Command(
                "aws neptune create-db-instance --region \"$REGION\"",
                [
                    $"--db-instance-identifier {identifier}",
                    "--db-cluster-identifier \"$NEW\"",
                    "--engine neptune",
                    instance.InstanceClass is { } instanceClass ? $"--db-instance-class {Placeholders.ShellWord(instanceClass)}" : "--db-instance-class DB_INSTANCE_CLASS",
                    .. Option("--availability-zone", instance.AvailabilityZone),
                    .. Option("--promotion-tier", instance.PromotionTier?.ToString(CultureInfo.InvariantCulture)),
                    .. Option("--db-parameter-group-name", instance.ParameterGroup),
                ]);
            return $"{replaces}\n{create}\naws neptune wait db-instance-available --region \"$REGION\" --db-instance-identifier {identifier}";
        }));
    }

    private static string Keep(NeptuneClusterRebuild rebuild, Language language)
    {
        string On(bool? value) => value switch
        {
            null => string.Empty,
            true => Texts.Get(language, "fixes.on"),
            false => Texts.Get(language, "fixes.off"),
        };
        string List(IReadOnlyList<string>? values) => values is null ? string.Empty : values.Count == 0 ? Texts.Get(language, "fixes.none") : string.Join(", ", values);
        string OrDefault(string? value) => value ?? Texts.Get(language, "fixes.default");
        var settings = new (string Label, string? Value, bool Read)[]
        {
            (Texts.Get(language, "fixes.setting-engine-version"), OrDefault(rebuild.EngineVersion), !rebuild.NotRead.Contains("--engine-version")),
            (Texts.Get(language, "fixes.setting-subnet-group"), OrDefault(rebuild.SubnetGroup), !rebuild.NotRead.Contains("--db-subnet-group-name")),
            (Texts.Get(language, "fixes.setting-security-groups"), List(rebuild.SecurityGroups), rebuild.SecurityGroups is not null),
            (Texts.Get(language, "fixes.setting-cluster-parameter-group"), OrDefault(rebuild.ClusterParameterGroup), !rebuild.NotRead.Contains("--db-cluster-parameter-group-name")),
            (Texts.Get(language, "fixes.setting-iam-roles"), List(rebuild.IamRoles), rebuild.IamRoles is not null),
            (Texts.Get(language, "fixes.setting-port"), rebuild.Port?.ToString(CultureInfo.InvariantCulture), rebuild.Port is not null),
            (Texts.Get(language, "fixes.setting-backup-retention"), rebuild.BackupRetentionPeriod?.ToString(CultureInfo.InvariantCulture), rebuild.BackupRetentionPeriod is not null),
            (Texts.Get(language, "fixes.setting-backup-window"), OrDefault(rebuild.BackupWindow), !rebuild.NotRead.Contains("--preferred-backup-window")),
            (Texts.Get(language, "fixes.setting-maintenance-window"), OrDefault(rebuild.MaintenanceWindow), !rebuild.NotRead.Contains("--preferred-maintenance-window")),
            (Texts.Get(language, "fixes.setting-log-exports"), List(rebuild.LogExports), rebuild.LogExports is not null),
            (Texts.Get(language, "fixes.setting-iam-authentication"), On(rebuild.IamAuthentication), rebuild.IamAuthentication is not null),
            (Texts.Get(language, "fixes.setting-deletion-protection"), On(rebuild.DeletionProtection), rebuild.DeletionProtection is not null),
            (Texts.Get(language, "fixes.setting-copy-tags"), On(rebuild.CopyTagsToSnapshot), rebuild.CopyTagsToSnapshot is not null),
            (Texts.Get(language, "fixes.setting-serverless"), rebuild.ServerlessV2Scaling is { } scaling ? string.Create(CultureInfo.InvariantCulture, $"{scaling.MinCapacity}-{scaling.MaxCapacity}") : Texts.Get(language, "fixes.none"), !rebuild.NotRead.Contains("--serverless-v2-scaling-configuration")),
            (Texts.Get(language, "fixes.setting-tags"), rebuild.Tags is null ? null : rebuild.Tags.Count == 0 ? Texts.Get(language, "fixes.none") : string.Join(", ", rebuild.Tags.Select(tag => $"{tag.Key}={tag.Value}")), rebuild.Tags is not null),
        };
        var lines = settings.Where(setting => setting.Read).Select(setting => $"   - {setting.Label}: {setting.Value}")
            .Concat((rebuild.Instances ?? []).Select(instance => "   - " + Texts.Get(
                language,
                "fixes.setting-instance",
                ("instance", instance.Name),
                ("class", instance.InstanceClass ?? "?"),
                ("zone", OrDefault(instance.AvailabilityZone)),
                ("tier", instance.PromotionTier?.ToString(CultureInfo.InvariantCulture) ?? "?"),
                ("group", OrDefault(instance.ParameterGroup)))));
        var notRead = rebuild.NotRead.Count == 0 ? [] : new[] { "   " + Texts.Get(language, "fixes.not-read", ("options", string.Join(", ", rebuild.NotRead))) };
        return string.Join("\n", lines.Concat(notRead));
    }

    // The cluster's arguments as Kagi read them, to keep in the patched block beside the new key.
    private static string Arguments(NeptuneClusterRebuild rebuild, Language language)
    {
        string Hcl(string value) => $"\"{Placeholders.HclString(value)}\"";
        string HclList(IEnumerable<string> values) => $"[{string.Join(", ", values.Select(Hcl))}]";
        string Bool(bool value) => value ? "true" : "false";
        var arguments = new List<(string Name, string? Value)>
        {
            ("engine_version", rebuild.EngineVersion is { } version ? Hcl(version) : null),
            ("neptune_subnet_group_name", rebuild.SubnetGroup is { } subnets ? Hcl(subnets) : null),
            ("vpc_security_group_ids", rebuild.SecurityGroups is { Count: > 0 } groups ? HclList(groups) : null),
            ("neptune_cluster_parameter_group_name", rebuild.ClusterParameterGroup is { } parameters ? Hcl(parameters) : null),
            ("iam_roles", rebuild.IamRoles is { Count: > 0 } roles ? HclList(roles) : null),
            (Texts.Get(language, "fixes.setting-port"), rebuild.Port?.ToString(CultureInfo.InvariantCulture)),
            ("backup_retention_period", rebuild.BackupRetentionPeriod?.ToString(CultureInfo.InvariantCulture)),
            ("preferred_backup_window", rebuild.BackupWindow is { } backup ? Hcl(backup) : null),
            ("preferred_maintenance_window", rebuild.MaintenanceWindow is { } maintenance ? Hcl(maintenance) : null),
            ("enable_cloudwatch_logs_exports", rebuild.LogExports is { Count: > 0 } logs ? HclList(logs) : null),
            ("iam_database_authentication_enabled", rebuild.IamAuthentication is { } iam ? Bool(iam) : null),
            ("deletion_protection", rebuild.DeletionProtection is { } protection ? Bool(protection) : null),
            ("copy_tags_to_snapshot", rebuild.CopyTagsToSnapshot is { } copy ? Bool(copy) : null),
        };
        var width = arguments.Max(argument => argument.Name.Length);
        var lines = arguments.Where(argument => argument.Value is not null).Select(argument => $"  {argument.Name.PadRight(width)} = {argument.Value}").ToList();
        if (rebuild.ServerlessV2Scaling is { } scaling)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"  serverless_v2_scaling_configuration {{\n    min_capacity = {scaling.MinCapacity}\n    max_capacity = {scaling.MaxCapacity}\n  }}"));
        }

        if (rebuild.NotRead.Count > 0)
        {
            var notRead = rebuild.NotRead.Select(option => NeptuneClusterRebuild.TerraformArgumentOf(option));
            lines.Add("  " + Comment(Texts.Get(language, "fixes.not-read", ("options", string.Join(", ", notRead)))));
        }

        return string.Join("\n", lines);
    }

    private static string Command(string head, IEnumerable<string> options) => string.Join(NextOption, options.Prepend(head));

    private static string Lines(IEnumerable<string> commands) => string.Concat(commands.Select(command => command + "\n"));

    private static string[] Option(string option, string? value) => value is null ? [] : [$"{option} {Placeholders.ShellWord(value)}"];

    private static string[] Switch(string option, bool? on) => on switch
    {
        true => [option],
        false => [$"--no-{option[2..]}"],
        null => [],
    };

    private static string Words(string option, IEnumerable<string> values) => string.Join(' ', values.Select(Placeholders.ShellWord).Prepend(option));

    // A comment line whatever the text holds: a line break or a terminal control would end the comment or reach the terminal.
    private static string Comment(string text)
    {
        var safe = new StringBuilder(text.Length + 2).Append("# ");
        foreach (var c in text)
        {
            safe.Append(char.IsControl(c) || TerminalText.IsUnsafe(c) ? ' ' : c);
        }

        return safe.ToString();
    }
}
