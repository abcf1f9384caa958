using System.Globalization;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Terraform.Mapping;
using Kagi.Terraform.Values;

namespace Kagi.Rules.Aws.Efs.FileSystems;

/// <summary>
/// <c>aws_efs_file_system</c>: unencrypted unless <c>encrypted = true</c> (the provider sends no value, and the API's
/// default is false, although the console's is true); encrypted without <c>kms_key_id</c>, on <c>aws/elasticfilesystem</c>.
/// What a rebuild carries is read from the block (modes, zone, <c>lifecycle_policy</c> and <c>protection</c> blocks) and
/// joined from the resources that name it in <c>file_system_id</c>: <c>aws_efs_mount_target</c>,
/// <c>aws_efs_access_point</c>, <c>aws_efs_file_system_policy</c>, <c>aws_efs_backup_policy</c>, and
/// <c>aws_efs_replication_configuration</c> by <c>source_file_system_id</c>.
/// </summary>
internal sealed class EfsFileSystemTerraformMapper : ResourceMapper<EfsFileSystem>
{
    private const string KeyArgument = "kms_key_id";
    private const string LifecycleBlock = "lifecycle_policy";
    private const string AccessPointType = "aws_efs_access_point";

    // A lifecycle_policy block's arguments, by the API's name of the transition each sets.
    private static readonly (string Argument, string Transition)[] Transitions =
        [("transition_to_ia", "TransitionToIA"), ("transition_to_primary_storage_class", "TransitionToPrimaryStorageClass"), ("transition_to_archive", "TransitionToArchive")];

    public override string TerraformType => "aws_efs_file_system";

    public override EfsFileSystem Map(IResourceView view, KeyResolver keys) => new()
    {
        Id = view.Address,
        Name = Fact.Unknown<string>(Texts.Canonical("reasons.id-assigned-at-creation")),
        Tags = Facts.Tags(view),
        StorageEncrypted = Facts.Bool(view, "encrypted", whenNotSet: false),
        KmsKeyId = Facts.OptionalString(view, KeyArgument),
        Key = keys.Resolve(view, KeyArgument),
        PerformanceMode = Facts.OptionalString(view, "performance_mode"),
        ThroughputMode = Facts.OptionalString(view, "throughput_mode"),
        ProvisionedThroughput = Facts.Int(view, "provisioned_throughput_in_mibps", whenNotSet: 0),
        AvailabilityZoneName = Facts.OptionalString(view, "availability_zone_name"),
        LifecyclePolicies = LifecyclePolicies(view),
        ReplicationOverwriteProtection = Blocks(view, "protection") switch
        {
            { IsKnown: false } blocks => Fact.Unknown<string?>(blocks.Reason!),
            { Value: [var protection, ..] } => Facts.OptionalString(protection, "replication_overwrite"),
            _ => Fact.Known<string?>(null),
        },
    };

    // The resources that name the file system carry its mount targets, access points, policies and replications.
    public override EfsFileSystem Join(EfsFileSystem resource, JoinScope scope)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(scope);
        List<IResourceView> Naming(string type, string attribute = "file_system_id") =>
            [.. scope.OfType(type).Where(view => view.Origin(attribute)?.Address is { } address && JoinScope.Names(address, resource))];

        var backup = Naming("aws_efs_backup_policy").Select(policy => (Fact<IReadOnlyList<IResourceView>>?)Blocks(policy, "backup_policy")).FirstOrDefault();
        return resource with
        {
            Policy = Naming("aws_efs_file_system_policy").Select(policy => Facts.OptionalString(policy, "policy")).FirstOrDefault(Fact.Known<string?>(null)),
            AutomaticBackups = backup switch
            {
                null => Fact.Known(false),
                { IsKnown: false } unknown => Fact.Unknown<bool>(unknown.Reason!),
                { Value: [var status, ..] } => Facts.OptionalString(status, "status").Map(value => value is "ENABLED" or "ENABLING"),
                _ => Fact.Known(false),
            },
            MountTargets = All(Naming("aws_efs_mount_target").Select(MountTarget)),
            AccessPoints = All(Naming(AccessPointType).Select(AccessPoint)),
            ReplicationDestinations = All(Naming("aws_efs_replication_configuration", "source_file_system_id").SelectMany(Destinations)),
        };
    }

    private static Fact<IReadOnlyList<string>> LifecyclePolicies(IResourceView view)
    {
        var blocks = Blocks(view, LifecycleBlock);
        if (!blocks.IsKnown)
        {
            return Fact.Unknown<IReadOnlyList<string>>(blocks.Reason!);
        }

        var read = blocks.Value.SelectMany(block => Transitions.Select(pair => (pair.Transition, When: Facts.OptionalString(block, pair.Argument)))).ToList();
        return read.Select(transition => transition.When.Reason).FirstOrDefault(reason => reason is not null) is { } unknown
            ? Fact.Unknown<IReadOnlyList<string>>(unknown)
            : Fact.Known<IReadOnlyList<string>>([.. read.Where(transition => transition.When.Value is not null).Select(transition => $"{transition.Transition}={transition.When.Value}")]);
    }

    private static Fact<EfsMountTarget> MountTarget(IResourceView view)
    {
        var (subnet, ip, groups) = (Facts.OptionalString(view, "subnet_id"), Facts.OptionalString(view, "ip_address"), Facts.Strings(view, "security_groups"));
        var unread = new[] { subnet.Reason, ip.Reason, groups.Reason }.FirstOrDefault(reason => reason is not null)
            ?? (subnet.Value is null ? Texts.Canonical("reasons.block-fields-not-read", ("type", view.Type)) : null);
        return unread is not null ? Fact.Unknown<EfsMountTarget>(unread) : Fact.Known(new EfsMountTarget(subnet.Value!, ip.Value, groups.Value));
    }

    private static Fact<EfsAccessPoint> AccessPoint(IResourceView view)
    {
        var (users, roots, tags) = (Blocks(view, "posix_user"), Blocks(view, "root_directory"), Facts.Tags(view));
        if (new[] { users.Reason, roots.Reason, tags.Reason }.FirstOrDefault(reason => reason is not null) is { } unknown)
        {
            return Fact.Unknown<EfsAccessPoint>(unknown);
        }

        var user = users.Value is [var posix, ..] ? PosixUser(posix) : Fact.Known<EfsPosixUser?>(null);
        var root = roots.Value is [var directory, ..] ? directory : null;
        var path = root is null ? Fact.Known<string?>(null) : Facts.OptionalString(root, "path");
        var creation = root is null ? Fact.Known<IReadOnlyList<IResourceView>>([]) : Blocks(root, "creation_info");
        var created = creation is { IsKnown: true, Value: [var info, ..] } ? CreationInfo(info) : Fact.Known<EfsCreationInfo?>(null);
        return new[] { user.Reason, path.Reason, creation.Reason, created.Reason }.FirstOrDefault(reason => reason is not null) is { } unread
            ? Fact.Unknown<EfsAccessPoint>(unread)
            : Fact.Known(new EfsAccessPoint(user.Value, path.Value, created.Value, tags.Value));
    }

    private static Fact<EfsPosixUser?> PosixUser(IResourceView user)
    {
        var (uid, gid, secondary) = (Facts.Int(user, "uid", 0), Facts.Int(user, "gid", 0), Facts.Strings(user, "secondary_gids"));
        return new[] { uid.Reason, gid.Reason, secondary.Reason }.FirstOrDefault(reason => reason is not null) is { } unknown
            ? Fact.Unknown<EfsPosixUser?>(unknown)
            : Fact.Known<EfsPosixUser?>(new(uid.Value, gid.Value, [.. secondary.Value.Select(id => long.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var group) ? group : 0)]));
    }

    private static Fact<EfsCreationInfo?> CreationInfo(IResourceView info)
    {
        var (owner, group, permissions) = (Facts.Int(info, "owner_uid", 0), Facts.Int(info, "owner_gid", 0), Facts.OptionalString(info, "permissions"));
        return new[] { owner.Reason, group.Reason, permissions.Reason }.FirstOrDefault(reason => reason is not null) is { } unknown
            ? Fact.Unknown<EfsCreationInfo?>(unknown)
            : Fact.Known<EfsCreationInfo?>(new(owner.Value, group.Value, permissions.Value ?? string.Empty));
    }

    private static IEnumerable<Fact<EfsReplicationDestination>> Destinations(IResourceView view)
    {
        var destinations = Blocks(view, "destination");
        if (!destinations.IsKnown)
        {
            yield return Fact.Unknown<EfsReplicationDestination>(destinations.Reason!);
            yield break;
        }

        foreach (var destination in destinations.Value)
        {
            var (region, fileSystem) = (Facts.OptionalString(destination, "region"), Facts.OptionalString(destination, "file_system_id"));
            yield return (region.Reason ?? fileSystem.Reason) is { } unread
                ? Fact.Unknown<EfsReplicationDestination>(unread)
                : Fact.Known(new EfsReplicationDestination(region.Value ?? string.Empty, fileSystem.Value ?? string.Empty));
        }
    }

    // Every item read, or the first reason one was not.
    private static Fact<IReadOnlyList<T>> All<T>(IEnumerable<Fact<T>> items)
    {
        var read = items.ToList();
        return read.Select(item => item.Reason).FirstOrDefault(reason => reason is not null) is { } unknown
            ? Fact.Unknown<IReadOnlyList<T>>(unknown)
            : Fact.Known<IReadOnlyList<T>>([.. read.Select(item => item.Value)]);
    }

    // A nested block's instances, each as a view of its arguments; an unknown block, unknown.
    private static Fact<IReadOnlyList<IResourceView>> Blocks(IResourceView view, string type)
    {
        IReadOnlyList<TfValue> blocks = view.Get(type) switch
        {
            TfNull => [],
            TfUnknown whole => [whole],
            TfSequence sequence => sequence.Items,
            var single => [single],
        };
        return blocks.FirstOrDefault(block => block is not TfObject) is { } unread
            ? Fact.Unknown<IReadOnlyList<IResourceView>>(unread is TfUnknown unknown ? unknown.Reason : Texts.Canonical("reasons.block-fields-not-read", ("type", type)))
            : Fact.Known<IReadOnlyList<IResourceView>>([.. blocks.Select(block => new BlockView(view, type, (TfObject)block))]);
    }
}
