using System.Globalization;
using System.Text.Json;
using Kagi.Core.Findings;
using Kagi.Core.Localization;
using Kagi.Core.Rules;

namespace Kagi.Rules.Aws;

/// <summary>
/// The parts of a DB cluster's rebuild under a CMK that depend on what the scan read (<see cref="DbClusterRebuild"/>),
/// for any kind of the family (<see cref="DbClusterEngine"/>): the restore with every setting it takes, the settings a
/// restore does not take, one instance per old instance; the console's list of settings to keep; Terraform's arguments.
/// The AWS CLI parts use the shell variables the rule's template sets (<c>REGION</c>, <c>NEW</c>, <c>SNAPSHOT</c>,
/// <c>KEY_ARN</c>); every value is one shell word.
/// </summary>
public sealed class DbClusterFixBuilder(DbClusterEngine engine) : IFixBuilder
{
    /// <summary>Stands for an engine the scan could not read; a shell word of capitals, as the other placeholders are.</summary>
    private const string EngineNotRead = "DB_ENGINE";

    public IReadOnlyDictionary<string, string> Build(RemediationMedium medium, IReadOnlyDictionary<string, string?> evidence, Language language)
    {
        ArgumentNullException.ThrowIfNull(medium);
        var rebuild = DbClusterRebuild.From(evidence, engine);
        return medium == RemediationMedium.AwsCli ? new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["notRead"] = NotRead(rebuild, language),
            ["restoreToPointInTime"] = Restore(rebuild, "restore-db-cluster-to-point-in-time", ["--source-db-cluster-identifier \"$OLD\"", "--use-latest-restorable-time"], engine.PointInTimeRestoreTakesParameterGroup),
            ["restoreFromSnapshot"] = Restore(rebuild, "restore-db-cluster-from-snapshot", ["--snapshot-identifier \"$SNAPSHOT\"", Engine(rebuild), .. RebuildScript.Option("--engine-version", rebuild.EngineVersion)], takesParameterGroup: true),
            ["settings"] = Settings(rebuild),
            ["instances"] = Instances(rebuild, language),
        }
            : medium == RemediationMedium.Console ? new Dictionary<string, string>(StringComparer.Ordinal) { ["keep"] = Keep(rebuild, language) }
            : new Dictionary<string, string>(StringComparer.Ordinal) { ["arguments"] = Arguments(rebuild, language) };
    }

    private static string NotRead(DbClusterRebuild rebuild, Language language) =>
        rebuild.NotRead.Count == 0 ? string.Empty : RebuildScript.Comment(Texts.Get(language, "fixes.not-read", ("options", string.Join(", ", rebuild.NotRead)))) + "\n";

    private static string Engine(DbClusterRebuild rebuild) => $"--engine {(rebuild.Engine is { } name ? Placeholders.ShellWord(name) : EngineNotRead)}";

    // The restore takes the cluster's network, parameters, authentication, logs, protection, capacity and tags.
    private string Restore(DbClusterRebuild rebuild, string command, IEnumerable<string> source, bool takesParameterGroup) => RebuildScript.Command(
        $"aws {engine.CliService} {command} --region \"$REGION\"",
        [
            "--db-cluster-identifier \"$NEW\"",
            .. source,
            "--kms-key-id \"$KEY_ARN\"",
            .. RebuildScript.Option("--db-subnet-group-name", rebuild.SubnetGroup),
            .. rebuild.SecurityGroups is { Count: > 0 } groups ? [RebuildScript.Words("--vpc-security-group-ids", groups)] : Array.Empty<string>(),
            .. RebuildScript.Option("--db-cluster-parameter-group-name", takesParameterGroup ? rebuild.ClusterParameterGroup : null),
            .. RebuildScript.Option("--port", rebuild.Port?.ToString(CultureInfo.InvariantCulture)),
            .. RebuildScript.Switch("--enable-iam-database-authentication", rebuild.IamAuthentication),
            .. rebuild.LogExports is { Count: > 0 } logs ? [RebuildScript.Words("--enable-cloudwatch-logs-exports", logs)] : Array.Empty<string>(),
            .. RebuildScript.Switch("--deletion-protection", rebuild.DeletionProtection),
            .. RebuildScript.Option("--serverless-v2-scaling-configuration", rebuild.ServerlessV2Scaling is { } scaling
                ? string.Create(CultureInfo.InvariantCulture, $"MinCapacity={scaling.MinCapacity},MaxCapacity={scaling.MaxCapacity}")
                : null),
            .. RebuildScript.Option("--tags", rebuild.Tags is { Count: > 0 } tags
                ? RebuildJson.CliTags(tags)
                : null),
        ]);

    // What a restore does not take: backups, maintenance, tag copying (modify), and the IAM roles (one call each). Where a
    // point-in-time restore takes no cluster parameter group, the modify sets it (after a snapshot's restore, to the same group).
    private string Settings(DbClusterRebuild rebuild)
    {
        List<string> modify =
        [
            .. RebuildScript.Option("--db-cluster-parameter-group-name", engine.PointInTimeRestoreTakesParameterGroup ? null : rebuild.ClusterParameterGroup),
            .. RebuildScript.Option("--backup-retention-period", rebuild.BackupRetentionPeriod?.ToString(CultureInfo.InvariantCulture)),
            .. RebuildScript.Option("--preferred-backup-window", rebuild.BackupWindow),
            .. RebuildScript.Option("--preferred-maintenance-window", rebuild.MaintenanceWindow),
            .. RebuildScript.Switch("--copy-tags-to-snapshot", rebuild.CopyTagsToSnapshot),
        ];
        var commands = new List<string>();
        if (modify.Count > 0)
        {
            commands.Add(RebuildScript.Command($"aws {engine.CliService} modify-db-cluster --region \"$REGION\"", ["--db-cluster-identifier \"$NEW\"", .. modify, "--apply-immediately"]));
        }

        commands.AddRange((rebuild.IamRoles ?? []).Select(role =>
            RebuildScript.Command($"aws {engine.CliService} add-role-to-db-cluster --region \"$REGION\"", ["--db-cluster-identifier \"$NEW\"", .. RebuildScript.Option("--role-arn", role)])));
        return RebuildScript.Lines(commands);
    }

    // One instance per old instance, the writer first, each waited for; nothing is invented for what was not read.
    private string Instances(DbClusterRebuild rebuild, Language language)
    {
        if (rebuild.Instances is not { } instances)
        {
            return RebuildScript.Comment(Texts.Get(language, "fixes.instances-not-read", ("reason", TextTranslation.Translate(rebuild.InstancesNotRead ?? string.Empty, language)))) + "\n";
        }

        if (instances.Count == 0)
        {
            return RebuildScript.Comment(Texts.Get(language, "fixes.no-instances")) + "\n";
        }

        return RebuildScript.Lines(instances.Select((instance, index) =>
        {
            var identifier = $"\"$NEW-{index + 1}\"";
            var replaces = RebuildScript.Comment(instance.InstanceClass is null
                ? Texts.Get(language, "fixes.instance-class-not-read", ("instance", instance.Name))
                : Texts.Get(language, "fixes.instance-replaces", ("instance", instance.Name)));
            var create = RebuildScript.Command(
                $"aws {engine.CliService} create-db-instance --region \"$REGION\"",
                [
                    $"--db-instance-identifier {identifier}",
                    "--db-cluster-identifier \"$NEW\"",
                    Engine(rebuild),
                    instance.InstanceClass is { } instanceClass ? $"--db-instance-class {Placeholders.ShellWord(instanceClass)}" : "--db-instance-class DB_INSTANCE_CLASS",
                    .. RebuildScript.Option("--availability-zone", instance.AvailabilityZone),
                    .. RebuildScript.Option("--promotion-tier", instance.PromotionTier?.ToString(CultureInfo.InvariantCulture)),
                    .. RebuildScript.Option("--db-parameter-group-name", engine.InstanceParameterGroupArgument is null ? null : instance.ParameterGroup),
                ]);
            return $"{replaces}\n{create}\naws {engine.CliService} wait db-instance-available --region \"$REGION\" --db-instance-identifier {identifier}";
        }));
    }

    private string Keep(DbClusterRebuild rebuild, Language language)
    {
        string On(bool? value) => value switch
        {
            null => string.Empty,
            true => Texts.Get(language, "fixes.on"),
            false => Texts.Get(language, "fixes.off"),
        };
        string List(IReadOnlyList<string>? values) => values is null ? string.Empty : values.Count == 0 ? Texts.Get(language, "fixes.none") : string.Join(", ", values);
        string OrDefault(string? value) => value ?? Texts.Get(language, "fixes.default");
        var settings = new (string Option, string Label, string? Value)[]
        {
            ("--engine", Texts.Name("fixes.setting-engine"), rebuild.Engine ?? "?"),
            ("--engine-version", Texts.Name("fixes.setting-engine-version"), OrDefault(rebuild.EngineVersion)),
            ("--db-subnet-group-name", Texts.Name("fixes.setting-subnet-group"), OrDefault(rebuild.SubnetGroup)),
            ("--vpc-security-group-ids", Texts.Name("fixes.setting-security-groups"), List(rebuild.SecurityGroups)),
            ("--db-cluster-parameter-group-name", Texts.Name("fixes.setting-cluster-parameter-group"), OrDefault(rebuild.ClusterParameterGroup)),
            ("--role-arn", Texts.Name("fixes.setting-iam-roles"), List(rebuild.IamRoles)),
            ("--port", Texts.Name("fixes.setting-port"), rebuild.Port?.ToString(CultureInfo.InvariantCulture)),
            ("--backup-retention-period", Texts.Name("fixes.setting-backup-retention"), rebuild.BackupRetentionPeriod?.ToString(CultureInfo.InvariantCulture)),
            ("--preferred-backup-window", Texts.Name("fixes.setting-backup-window"), OrDefault(rebuild.BackupWindow)),
            ("--preferred-maintenance-window", Texts.Name("fixes.setting-maintenance-window"), OrDefault(rebuild.MaintenanceWindow)),
            ("--enable-cloudwatch-logs-exports", Texts.Name("fixes.setting-log-exports"), List(rebuild.LogExports)),
            ("--enable-iam-database-authentication", Texts.Name("fixes.setting-iam-authentication"), On(rebuild.IamAuthentication)),
            ("--deletion-protection", Texts.Name("fixes.setting-deletion-protection"), On(rebuild.DeletionProtection)),
            ("--copy-tags-to-snapshot", Texts.Name("fixes.setting-copy-tags"), On(rebuild.CopyTagsToSnapshot)),
            ("--serverless-v2-scaling-configuration", engine.ServerlessLabel, rebuild.ServerlessV2Scaling is { } scaling
                ? string.Create(CultureInfo.InvariantCulture, $"{scaling.MinCapacity}-{scaling.MaxCapacity}")
                : Texts.Get(language, "fixes.none")),
            ("--tags", Texts.Name("fixes.setting-tags"), rebuild.Tags is null ? null : rebuild.Tags.Count == 0 ? Texts.Get(language, "fixes.none") : string.Join(", ", rebuild.Tags.Select(tag => $"{tag.Key}={tag.Value}"))),
        };
        var lines = settings.Where(setting => engine.Has(setting.Option) && !rebuild.NotRead.Contains(setting.Option))
            .Select(setting => $"   - {Texts.Get(language, setting.Label)}: {setting.Value}")
            .Concat((rebuild.Instances ?? []).Select(instance => "   - " + Texts.Get(
                language,
                Texts.Name("fixes.setting-instance"),
                ("instance", instance.Name),
                ("class", instance.InstanceClass ?? "?"),
                ("zone", OrDefault(instance.AvailabilityZone)),
                ("tier", instance.PromotionTier?.ToString(CultureInfo.InvariantCulture) ?? "?"),
                ("group", OrDefault(instance.ParameterGroup)))));
        var notRead = rebuild.NotRead.Count == 0 ? [] : new[] { "   " + Texts.Get(language, "fixes.not-read", ("options", string.Join(", ", rebuild.NotRead))) };
        return string.Join("\n", lines.Concat(notRead));
    }

    // The cluster's arguments as Kagi read them, to keep in the patched block beside the new key.
    private string Arguments(DbClusterRebuild rebuild, Language language)
    {
        string Hcl(string value) => $"\"{Placeholders.HclString(value)}\"";
        string HclList(IEnumerable<string> values) => $"[{string.Join(", ", values.Select(Hcl))}]";
        string Bool(bool value) => value ? "true" : "false";
        var values = new (string Option, string? Value)[]
        {
            ("--engine", rebuild.Engine is { } name ? Hcl(name) : null),
            ("--engine-version", rebuild.EngineVersion is { } version ? Hcl(version) : null),
            ("--db-subnet-group-name", rebuild.SubnetGroup is { } subnets ? Hcl(subnets) : null),
            ("--vpc-security-group-ids", rebuild.SecurityGroups is { Count: > 0 } groups ? HclList(groups) : null),
            ("--db-cluster-parameter-group-name", rebuild.ClusterParameterGroup is { } parameters ? Hcl(parameters) : null),
            ("--role-arn", rebuild.IamRoles is { Count: > 0 } roles ? HclList(roles) : null),
            ("--port", rebuild.Port?.ToString(CultureInfo.InvariantCulture)),
            ("--backup-retention-period", rebuild.BackupRetentionPeriod?.ToString(CultureInfo.InvariantCulture)),
            ("--preferred-backup-window", rebuild.BackupWindow is { } backup ? Hcl(backup) : null),
            ("--preferred-maintenance-window", rebuild.MaintenanceWindow is { } maintenance ? Hcl(maintenance) : null),
            ("--enable-cloudwatch-logs-exports", rebuild.LogExports is { Count: > 0 } logs ? HclList(logs) : null),
            ("--enable-iam-database-authentication", rebuild.IamAuthentication is { } iam ? Bool(iam) : null),
            ("--deletion-protection", rebuild.DeletionProtection is { } protection ? Bool(protection) : null),
            ("--copy-tags-to-snapshot", rebuild.CopyTagsToSnapshot is { } copy ? Bool(copy) : null),
            ("--tags", rebuild.Tags is { Count: > 0 } tags ? $"{{ {string.Join(", ", tags.Select(tag => $"{Hcl(tag.Key)} = {Hcl(tag.Value)}"))} }}" : null),
        };
        var arguments = values.Where(value => engine.Has(value.Option)).Select(value => (Name: engine.TerraformArguments[value.Option], value.Value)).ToList();
        var width = arguments.Max(argument => argument.Name.Length);
        var lines = arguments.Where(argument => argument.Value is not null).Select(argument => $"  {argument.Name.PadRight(width)} = {argument.Value}").ToList();
        if (rebuild.ServerlessV2Scaling is { } scaling && engine.Has("--serverless-v2-scaling-configuration"))
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"  serverless_v2_scaling_configuration {{\n    min_capacity = {scaling.MinCapacity}\n    max_capacity = {scaling.MaxCapacity}\n  }}"));
        }

        if (rebuild.NotRead.Count > 0)
        {
            var notRead = rebuild.NotRead.Select(option => engine.TerraformArguments.GetValueOrDefault(option, option));
            lines.Add("  " + RebuildScript.Comment(Texts.Get(language, "fixes.not-read", ("options", string.Join(", ", notRead)))));
        }

        return string.Join("\n", lines);
    }
}
