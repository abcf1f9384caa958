using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Kagi.Core.Findings;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Rules.Aws.Efs.FileSystems;

/// <summary>
/// What a rebuild of an EFS file system under another key carries across, as the scan read it, in a failing finding's
/// evidence (so a stored finding prints the same fix), and the parts of the fix built from it: the
/// <c>create-file-system</c> with the old one's modes, zone, backups and tags; its lifecycle, policy and protection; a
/// mount target in each of the old one's subnets with its security groups; each access point; the replications the
/// old one is the source of; the console's lists and Terraform's arguments. Each setting is named by its AWS CLI
/// option, with its <c>aws_efs_file_system</c> argument (or the resource that declares it).
/// </summary>
public sealed class EfsFileSystemRebuild : IFixBuilder
{
    private const string MountTargetsKey = "mountTargets";
    private const string AccessPointsKey = "accessPoints";
    private const string ReplicationsKey = "replications";
    private const string LifecycleOption = "--lifecycle-policies";
    private const string PolicyOption = "--policy";
    private const string ProtectionOption = "--replication-overwrite-protection";

    // What put-lifecycle-configuration, put-file-system-policy and update-file-system-protection take; the rest, create-file-system.
    private static readonly string[] AfterCreation = [LifecycleOption, PolicyOption, ProtectionOption];

    private static readonly OptionRebuild<EfsFileSystem> Rebuild = new(
    [
        new("--performance-mode", "performance_mode", Texts.Name("fixes.setting-performance-mode"), fileSystem => Json(fileSystem.PerformanceMode)),
        new("--throughput-mode", "throughput_mode", Texts.Name("fixes.setting-throughput-mode"), fileSystem => Json(fileSystem.ThroughputMode)),
        new("--provisioned-throughput-in-mibps", "provisioned_throughput_in_mibps", Texts.Name("fixes.setting-provisioned-throughput"), fileSystem => Provisioned(fileSystem.ProvisionedThroughput)),
        new("--availability-zone-name", "availability_zone_name", Texts.Name("fixes.setting-availability-zone"), fileSystem => Json(fileSystem.AvailabilityZoneName)),

        // Declared apart in Terraform (aws_efs_backup_policy), so no argument of the block.
        new("--backup", "aws_efs_backup_policy", Texts.Name("fixes.setting-automatic-backups"), fileSystem => Json(fileSystem.AutomaticBackups), Hcl: _ => []),
        new("--tags", "tags", Texts.Name("fixes.setting-tags"), OptionRebuild<EfsFileSystem>.OwnTags),
        new(LifecycleOption, "lifecycle_policy", Texts.Name("fixes.setting-lifecycle-policies"), fileSystem => Json(fileSystem.LifecyclePolicies), LifecyclePoliciesOption, LifecyclePolicyBlocks),
        new(PolicyOption, "aws_efs_file_system_policy", Texts.Name("fixes.setting-file-system-policy"), fileSystem => Json(fileSystem.Policy), PolicyCommand, _ => []),
        new(ProtectionOption, "protection", Texts.Name("fixes.setting-replication-overwrite-protection"), Protection, ProtectionCommand, ProtectionBlock),
    ]);

    /// <summary>The evidence a failing finding of a rebuild-only fix carries: each setting read, and the mount targets, access points and replications where they were.</summary>
    public static IEnumerable<(string Key, string? Value)> Evidence(EfsFileSystem fileSystem)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        yield return Rebuild.Evidence(fileSystem);
        if (fileSystem.MountTargets.IsKnown)
        {
            yield return (MountTargetsKey, JsonSerializer.Serialize(fileSystem.MountTargets.Value, EfsJson.Default.IReadOnlyListEfsMountTarget));
        }

        if (fileSystem.AccessPoints.IsKnown)
        {
            yield return (AccessPointsKey, JsonSerializer.Serialize(fileSystem.AccessPoints.Value, EfsJson.Default.IReadOnlyListEfsAccessPoint));
        }

        if (fileSystem.ReplicationDestinations.IsKnown)
        {
            yield return (ReplicationsKey, JsonSerializer.Serialize(fileSystem.ReplicationDestinations.Value, EfsJson.Default.IReadOnlyListEfsReplicationDestination));
        }
    }

    public IReadOnlyDictionary<string, string> Build(RemediationMedium medium, IReadOnlyDictionary<string, string?> evidence, Language language)
    {
        ArgumentNullException.ThrowIfNull(medium);
        ArgumentNullException.ThrowIfNull(evidence);
        var read = Rebuild.Read(evidence);
        var mountTargets = Read(evidence, MountTargetsKey, EfsJson.Default.IReadOnlyListEfsMountTarget);
        var accessPoints = Read(evidence, AccessPointsKey, EfsJson.Default.IReadOnlyListEfsAccessPoint);
        var replications = Read(evidence, ReplicationsKey, EfsJson.Default.IReadOnlyListEfsReplicationDestination);
        if (medium == RemediationMedium.AwsCli)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["notRead"] = read.NotReadComment(language),
                ["create"] = RebuildScript.Command(
                    "NEW=$(aws efs create-file-system --region \"$REGION\"",
                    ["--creation-token \"$OLD-cmk\"", "--encrypted --kms-key-id \"$KEY_ARN\"", .. read.Options(setting => !AfterCreation.Contains(setting.Option)), "--query FileSystemId --output text)"]),
                ["configure"] = RebuildScript.Lines(read.Options(setting => AfterCreation.Contains(setting.Option))),
                ["mountTargets"] = MountTargetCommands(mountTargets, language),
                ["accessPoints"] = AccessPointCommands(accessPoints, language),
                ["leaveReplication"] = LeaveReplication(replications, language),
                ["replicate"] = Replicate(replications, language),
            };
        }

        return medium == RemediationMedium.Console
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["keep"] = read.ConsoleList(language),
                ["mountTargets"] = Listed(mountTargets, Texts.Name("fixes.efs-mount-targets-not-read"), MountTargetLine, language),
                ["accessPoints"] = Listed(accessPoints, Texts.Name("fixes.efs-access-points-not-read"), AccessPointLine, language),
                ["replications"] = Listed(replications, Texts.Name("fixes.efs-replications-not-read"), ReplicationLine, language),
            }
            : new Dictionary<string, string>(StringComparer.Ordinal) { ["arguments"] = read.TerraformArguments(language) };
    }

    private static Fact<JsonElement?> Json<T>(Fact<T> fact) => OptionRebuild<EfsFileSystem>.Json(fact);

    // None provisioned (0) is left to AWS.
    private static Fact<JsonElement?> Provisioned(Fact<int> mibps) => mibps is { IsKnown: true, Value: 0 } ? Fact.Known<JsonElement?>(null) : Json(mibps);

    // ENABLED is AWS's default for a new file system; REPLICATING is a replica's, which the new file system is not.
    private static Fact<JsonElement?> Protection(EfsFileSystem fileSystem) =>
        fileSystem.ReplicationOverwriteProtection is { IsKnown: true, Value: not "DISABLED" } ? Fact.Known<JsonElement?>(null) : Json(fileSystem.ReplicationOverwriteProtection);

    private static T? Read<T>(IReadOnlyDictionary<string, string?> evidence, string key, JsonTypeInfo<T> type)
        where T : class => evidence.GetValueOrDefault(key) is { } json ? JsonSerializer.Deserialize(json, type) : null;

    private static IEnumerable<(string Transition, string When)> Transitions(JsonElement value) =>
        value.EnumerateArray().Select(item => item.GetString() ?? string.Empty).Select(policy => policy.Split('=', 2)).Where(parts => parts.Length == 2).Select(parts => (parts[0], parts[1]));

    // Each transition is a policy of its own, as the API takes them.
    private static string[] LifecyclePoliciesOption(JsonElement value)
    {
        var policies = Transitions(value).Select(transition => new Dictionary<string, string> { [transition.Transition] = transition.When }).ToArray();
        return policies.Length == 0 ? []
            : [RebuildScript.Command("aws efs put-lifecycle-configuration --region \"$REGION\" --file-system-id \"$NEW\"", RebuildScript.Option(LifecycleOption, JsonSerializer.Serialize(policies, RebuildJson.Of<Dictionary<string, string>[]>())))];
    }

    private static string[] LifecyclePolicyBlocks(JsonElement value) =>
    [
        .. Transitions(value).SelectMany(transition => new[]
        {
            "lifecycle_policy {",
            $"  {HclArgument(transition.Transition)} = \"{Placeholders.HclString(transition.When)}\"",
            "}",
        }),
    ];

    // TransitionToIA → transition_to_ia.
    private static string HclArgument(string transition) => transition switch
    {
        "TransitionToIA" => "transition_to_ia",
        "TransitionToPrimaryStorageClass" => "transition_to_primary_storage_class",
        _ => "transition_to_archive",
    };

    // The policy names the old file system's ARN: the new one's goes in its place.
    private static string[] PolicyCommand(JsonElement value) =>
    [
        $"POLICY={Placeholders.ShellWord(value.GetString() ?? string.Empty)}",
        "aws efs put-file-system-policy --region \"$REGION\" --file-system-id \"$NEW\" --policy \"${POLICY//\"$OLD\"/\"$NEW\"}\"",
    ];

    private static string[] ProtectionCommand(JsonElement value) =>
        [RebuildScript.Command("aws efs update-file-system-protection --region \"$REGION\" --file-system-id \"$NEW\"", RebuildScript.Option(ProtectionOption, value.GetString()))];

    private static string[] ProtectionBlock(JsonElement value) => ["protection {", $"  replication_overwrite = \"{Placeholders.HclString(value.GetString() ?? string.Empty)}\"", "}"];

    // A mount target in each subnet, with its security groups; each waited for. The old one's IP address is its until it is deleted.
    private static string MountTargetCommands(IReadOnlyList<EfsMountTarget>? mountTargets, Language language) => mountTargets is not { Count: > 0 }
        ? RebuildScript.Comment(Texts.Get(language, mountTargets is null ? Texts.Name("fixes.efs-mount-targets-not-read") : Texts.Name("fixes.efs-no-mount-targets"))) + "\n"
        : RebuildScript.Lines(mountTargets.SelectMany(mountTarget => new[]
        {
            RebuildScript.Comment(MountTargetLine(mountTarget, language)),
            RebuildScript.Command(
                "MOUNT_TARGET=$(aws efs create-mount-target --region \"$REGION\" --file-system-id \"$NEW\"",
                [.. RebuildScript.Option("--subnet-id", mountTarget.SubnetId), .. mountTarget.SecurityGroups.Count == 0 ? [] : new[] { RebuildScript.Words("--security-groups", mountTarget.SecurityGroups) }, "--query MountTargetId --output text)"]),
            "until [ \"$(aws efs describe-mount-targets --region \"$REGION\" --mount-target-id \"$MOUNT_TARGET\" --query 'MountTargets[0].LifeCycleState' --output text)\" = available ]; do sleep 10; done",
        }));

    private static string AccessPointCommands(IReadOnlyList<EfsAccessPoint>? accessPoints, Language language) => accessPoints is not { Count: > 0 }
        ? RebuildScript.Comment(Texts.Get(language, accessPoints is null ? Texts.Name("fixes.efs-access-points-not-read") : Texts.Name("fixes.efs-no-access-points"))) + "\n"
        : RebuildScript.Lines(accessPoints.SelectMany(accessPoint => new[]
        {
            RebuildScript.Command(
                "ACCESS_POINT=$(aws efs create-access-point --region \"$REGION\" --file-system-id \"$NEW\"",
                [
                    .. RebuildScript.Option("--posix-user", accessPoint.PosixUser is null ? null : JsonSerializer.Serialize(accessPoint.PosixUser, EfsCliJson.Default.EfsPosixUser)),
                    .. RebuildScript.Option("--root-directory", accessPoint.RootPath is null ? null : JsonSerializer.Serialize(new EfsRootDirectory(accessPoint.RootPath, accessPoint.CreationInfo), EfsCliJson.Default.EfsRootDirectory)),
                    .. RebuildScript.Option("--tags", accessPoint.Tags.Count == 0 ? null : RebuildJson.CliTags(accessPoint.Tags.Where(tag => !tag.Key.StartsWith("aws:", StringComparison.Ordinal)))),
                    "--query AccessPointId --output text)",
                ]),
            "until [ \"$(aws efs describe-access-points --region \"$REGION\" --access-point-id \"$ACCESS_POINT\" --query 'AccessPoints[0].LifeCycleState' --output text)\" = available ]; do sleep 10; done",
        }));

    // A file system is part of one replication at most: the old one's own must go before it can replicate into the new one.
    private static string LeaveReplication(IReadOnlyList<EfsReplicationDestination>? replications, Language language) => replications switch
    {
        null => RebuildScript.Comment(Texts.Get(language, "fixes.efs-replications-not-read")) + "\n",
        { Count: 0 } => string.Empty,
        _ => RebuildScript.Lines(
        [
            RebuildScript.Comment(Texts.Get(language, "fixes.efs-replication-left", ("destinations", string.Join(", ", replications.Select(destination => ReplicationLine(destination, language)))))),
            "aws efs delete-replication-configuration --region \"$REGION\" --source-file-system-id \"$OLD\"",
            "while [ \"$(aws efs describe-replication-configurations --region \"$REGION\" --file-system-id \"$OLD\" --query 'Replications[0].Destinations[0].Status' --output text 2>/dev/null)\" = DELETING ]; do sleep 30; done",
        ]),
    };

    // The old file system's replications, made again from the new one: each to a new replica in the same Region.
    private static string Replicate(IReadOnlyList<EfsReplicationDestination>? replications, Language language) => replications is not { Count: > 0 } ? string.Empty : RebuildScript.Lines(
    [
        RebuildScript.Comment(Texts.Get(language, "fixes.efs-replicate-again")),
        .. replications.Select(destination => RebuildScript.Command(
            "aws efs create-replication-configuration --region \"$REGION\" --source-file-system-id \"$NEW\"",
            RebuildScript.Option("--destinations", $"Region={destination.Region}"))),
    ]);

    // The console's list of what the scan read, or the sentence saying it was not read.
    private static string Listed<T>(IReadOnlyList<T>? items, string notRead, Func<T, Language, string> line, Language language) => items switch
    {
        null => "   " + Texts.Get(language, notRead),
        { Count: 0 } => "   - " + Texts.Get(language, "fixes.none"),
        _ => string.Join("\n", items.Select(item => "   - " + line(item, language))),
    };

    private static string MountTargetLine(EfsMountTarget mountTarget, Language language) => Texts.Get(
        language,
        "fixes.efs-mount-target",
        ("subnet", mountTarget.SubnetId),
        ("groups", mountTarget.SecurityGroups.Count == 0 ? Texts.Get(language, "fixes.none") : string.Join(", ", mountTarget.SecurityGroups)),
        ("ip", mountTarget.IpAddress ?? Texts.Get(language, "fixes.none")));

    private static string AccessPointLine(EfsAccessPoint accessPoint, Language language) => Texts.Get(
        language,
        "fixes.efs-access-point",
        ("name", accessPoint.Tags.GetValueOrDefault("Name") ?? Texts.Get(language, "fixes.none")),
        ("user", accessPoint.PosixUser is { } user ? string.Join(":", new[] { user.Uid, user.Gid }.Concat(user.SecondaryGids).Select(id => id.ToString(CultureInfo.InvariantCulture))) : Texts.Get(language, "fixes.none")),
        ("path", accessPoint.RootPath ?? "/"),
        ("creation", accessPoint.CreationInfo is { } creation ? string.Create(CultureInfo.InvariantCulture, $"{creation.OwnerUid}:{creation.OwnerGid} {creation.Permissions}") : Texts.Get(language, "fixes.none")));

    private static string ReplicationLine(EfsReplicationDestination destination, Language language) =>
        Texts.Get(language, "fixes.efs-replication", ("region", destination.Region), ("fileSystem", destination.FileSystemId));
}

/// <summary>An access point's root directory as <c>create-access-point</c> takes it.</summary>
internal sealed record EfsRootDirectory(string Path, EfsCreationInfo? CreationInfo);

/// <summary>The JSON the AWS CLI takes for an access point's user and root directory: the API's own member names.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EfsPosixUser))]
[JsonSerializable(typeof(EfsRootDirectory))]
internal sealed partial class EfsCliJson : JsonSerializerContext;
