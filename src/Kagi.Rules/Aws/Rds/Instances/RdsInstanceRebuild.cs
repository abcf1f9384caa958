using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kagi.Core.Findings;
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
    private const string EvidenceKey = "rebuild";

    // The options a restore from a snapshot takes; the others are set by a modify afterwards.
    private static readonly HashSet<string> RestoreOptions = new(StringComparer.Ordinal)
    {
        "--db-instance-class", "--availability-zone", "--multi-az", "--db-subnet-group-name", "--vpc-security-group-ids",
        "--db-parameter-group-name", "--option-group-name", "--port", "--enable-cloudwatch-logs-exports",
        "--enable-iam-database-authentication", "--deletion-protection", "--copy-tags-to-snapshot", "--tags",
    };

    private static readonly (string Option, string Argument, string Label, Func<RdsInstance, Fact<JsonElement?>> Read)[] Settings =
    [
        ("--db-instance-class", "instance_class", Texts.Name("fixes.setting-instance-class"), instance => Json(instance.InstanceClass)),
        ("--availability-zone", "availability_zone", Texts.Name("fixes.setting-availability-zone"), instance => Json(instance.AvailabilityZone)),
        ("--multi-az", "multi_az", Texts.Name("fixes.setting-multi-az"), instance => Json(instance.MultiAz)),
        ("--db-subnet-group-name", "db_subnet_group_name", Texts.Name("fixes.setting-subnet-group"), instance => Json(instance.SubnetGroup)),
        ("--vpc-security-group-ids", "vpc_security_group_ids", Texts.Name("fixes.setting-security-groups"), instance => Json(instance.VpcSecurityGroupIds)),
        ("--db-parameter-group-name", "parameter_group_name", Texts.Name("fixes.setting-parameter-group"), instance => Json(instance.ParameterGroup)),
        ("--option-group-name", "option_group_name", Texts.Name("fixes.setting-option-group"), instance => Json(instance.OptionGroup)),
        ("--port", "port", Texts.Name("fixes.setting-port"), instance => Json(instance.Port)),
        ("--backup-retention-period", "backup_retention_period", Texts.Name("fixes.setting-backup-retention"), instance => Json(instance.BackupRetentionPeriod)),
        ("--preferred-backup-window", "backup_window", Texts.Name("fixes.setting-backup-window"), instance => Json(instance.PreferredBackupWindow)),
        ("--preferred-maintenance-window", "maintenance_window", Texts.Name("fixes.setting-maintenance-window"), instance => Json(instance.PreferredMaintenanceWindow)),
        ("--enable-cloudwatch-logs-exports", "enabled_cloudwatch_logs_exports", Texts.Name("fixes.setting-log-exports"), instance => Json(instance.EnabledCloudwatchLogsExports)),
        ("--enable-iam-database-authentication", "iam_database_authentication_enabled", Texts.Name("fixes.setting-iam-authentication"), instance => Json(instance.IamDatabaseAuthentication)),
        ("--deletion-protection", "deletion_protection", Texts.Name("fixes.setting-deletion-protection"), instance => Json(instance.DeletionProtection)),
        ("--copy-tags-to-snapshot", "copy_tags_to_snapshot", Texts.Name("fixes.setting-copy-tags"), instance => Json(instance.CopyTagsToSnapshot)),
        ("--tags", "tags", Texts.Name("fixes.setting-tags"), instance => Json(instance.Tags.IsKnown
            ? Fact.Known<IReadOnlyDictionary<string, string>>(instance.Tags.Value.Where(tag => !tag.Key.StartsWith("aws:", StringComparison.Ordinal)).ToDictionary(StringComparer.Ordinal))
            : instance.Tags)),
    ];

    /// <summary>The evidence a failing finding of a rebuild-only fix carries: each setting read, by option (JSON null: left to AWS).</summary>
    public static (string Key, string? Value) Evidence(RdsInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var read = Settings.Select(setting => (setting.Option, Value: setting.Read(instance))).Where(setting => setting.Value.IsKnown)
            .ToDictionary(setting => setting.Option, setting => setting.Value.Value, StringComparer.Ordinal);
        return (EvidenceKey, JsonSerializer.Serialize(read, RebuildJson.Of<Dictionary<string, JsonElement?>>()));
    }

    public IReadOnlyDictionary<string, string> Build(RemediationMedium medium, IReadOnlyDictionary<string, string?> evidence, Language language)
    {
        ArgumentNullException.ThrowIfNull(medium);
        ArgumentNullException.ThrowIfNull(evidence);
        var read = evidence.GetValueOrDefault(EvidenceKey) is { } json ? JsonSerializer.Deserialize(json, RebuildJson.Of<Dictionary<string, JsonElement?>>()) ?? [] : [];
        var notRead = Settings.Where(setting => !read.ContainsKey(setting.Option)).ToList();
        var set = Settings.Where(setting => read.GetValueOrDefault(setting.Option) is { ValueKind: not JsonValueKind.Null }).Select(setting => (setting, Value: read[setting.Option]!.Value)).ToList();
        string NotReadText(Func<(string Option, string Argument, string Label, Func<RdsInstance, Fact<JsonElement?>> Read), string> name) =>
            notRead.Count == 0 ? string.Empty : Texts.Get(language, "fixes.not-read", ("options", string.Join(", ", notRead.Select(name))));
        if (medium == RemediationMedium.AwsCli)
        {
            var modify = set.Where(pair => !RestoreOptions.Contains(pair.setting.Option)).SelectMany(pair => Cli(pair.setting.Option, pair.Value)).ToList();
            return new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["notRead"] = notRead.Count == 0 ? string.Empty : RebuildScript.Comment(NotReadText(setting => setting.Option)) + "\n",
                ["restore"] = RebuildScript.Command(
                    "aws rds restore-db-instance-from-db-snapshot --region \"$REGION\"",
                    ["--db-instance-identifier \"$NEW\"", "--db-snapshot-identifier \"$NEW\"", .. set.Where(pair => RestoreOptions.Contains(pair.setting.Option)).SelectMany(pair => Cli(pair.setting.Option, pair.Value))]),
                ["settings"] = modify.Count == 0 ? string.Empty
                    : RebuildScript.Lines([RebuildScript.Command("aws rds modify-db-instance --region \"$REGION\"", ["--db-instance-identifier \"$NEW\"", .. modify, "--apply-immediately"])]),
            };
        }

        if (medium == RemediationMedium.Console)
        {
            var lines = Settings.Where(setting => read.ContainsKey(setting.Option))
                .Select(setting => $"   - {Texts.Get(language, setting.Label)}: {Shown(read[setting.Option], language)}");
            return new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["keep"] = string.Join("\n", notRead.Count == 0 ? lines : lines.Append("   " + NotReadText(setting => setting.Option))),
            };
        }

        var arguments = set.Select(pair => (Name: pair.setting.Argument, Value: Hcl(pair.Value))).ToList();
        var width = arguments.Count == 0 ? 0 : arguments.Max(argument => argument.Name.Length);
        var block = arguments.Select(argument => $"  {argument.Name.PadRight(width)} = {argument.Value}");
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["arguments"] = string.Join("\n", notRead.Count == 0 ? block : block.Append("  " + RebuildScript.Comment(NotReadText(setting => setting.Argument)))),
        };
    }

    private static Fact<JsonElement?> Json<T>(Fact<T> fact) =>
        fact.IsKnown ? Fact.Known<JsonElement?>(JsonSerializer.SerializeToElement(fact.Value, RebuildJson.Of<T>())) : Fact.Unknown<JsonElement?>(fact.Reason!);

    // A setting as AWS CLI options: a switch for a flag, the words of a list, the JSON of the tags.
    private static string[] Cli(string option, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => RebuildScript.Switch(option, value.GetBoolean()),
        JsonValueKind.Array when value.GetArrayLength() == 0 => [],
        JsonValueKind.Array => [RebuildScript.Words(option, value.EnumerateArray().Select(item => item.GetString() ?? string.Empty))],
        JsonValueKind.Object when !value.EnumerateObject().Any() => [],
        JsonValueKind.Object => RebuildScript.Option(option, RebuildJson.CliTags(value.EnumerateObject().Select(tag => KeyValuePair.Create(tag.Name, tag.Value.GetString() ?? string.Empty)))),
        JsonValueKind.Number => RebuildScript.Option(option, value.GetInt32().ToString(CultureInfo.InvariantCulture)),
        _ => RebuildScript.Option(option, value.GetString()),
    };

    private static string Hcl(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.GetInt32().ToString(CultureInfo.InvariantCulture),
        JsonValueKind.Array => $"[{string.Join(", ", value.EnumerateArray().Select(Hcl))}]",
        JsonValueKind.Object => $"{{ {string.Join(", ", value.EnumerateObject().Select(tag => $"\"{Placeholders.HclString(tag.Name)}\" = {Hcl(tag.Value)}"))} }}",
        _ => $"\"{Placeholders.HclString(value.GetString() ?? string.Empty)}\"",
    };

    private static string Shown(JsonElement? value, Language language) => value switch
    {
        null or { ValueKind: JsonValueKind.Null } => Texts.Get(language, "fixes.default"),
        { ValueKind: JsonValueKind.True } => Texts.Get(language, "fixes.on"),
        { ValueKind: JsonValueKind.False } => Texts.Get(language, "fixes.off"),
        { ValueKind: JsonValueKind.Array } list => list.GetArrayLength() == 0 ? Texts.Get(language, "fixes.none") : string.Join(", ", list.EnumerateArray().Select(item => item.GetString())),
        { ValueKind: JsonValueKind.Object } tags => tags.EnumerateObject().Any() ? string.Join(", ", tags.EnumerateObject().Select(tag => $"{tag.Name}={tag.Value.GetString()}")) : Texts.Get(language, "fixes.none"),
        { ValueKind: JsonValueKind.Number } number => number.GetInt32().ToString(CultureInfo.InvariantCulture),
        { } text => text.GetString() ?? string.Empty,
    };
}
