using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Neptune.ClusterSnapshots;

/// <summary>A snapshot of an Amazon Neptune DB cluster, manual or automated.</summary>
public sealed record NeptuneClusterSnapshot : CloudResource, IKeyProtected
{
    // ASFF has no Neptune types of its own: a Neptune snapshot is an RDS-API one.
    public static ResourceKind Descriptor { get; } = new("AWS::Neptune::DBClusterSnapshot", AsffType: "AwsRdsDbClusterSnapshot", OcsfType: "AWS::Neptune::DBClusterSnapshot", Service: "neptune", ServiceKeyAlias: "alias/aws/rds");

    public required Fact<bool> StorageEncrypted { get; init; }

    /// <summary>The key that encrypts the snapshot, resolved as far as the source allows.</summary>
    public KeyReference Key { get; init; } = new KeyReference.Undetermined(Texts.Canonical("reasons.not-reported", ("fact", nameof(Key))));

    /// <summary>True for a snapshot a person took; automated snapshots cannot be shared.</summary>
    public Fact<bool> IsManual { get; init; } = Fact.NotReported<bool>(nameof(IsManual));

    /// <summary>True when the snapshot's <c>restore</c> attribute holds <c>all</c>: any AWS account may restore it.</summary>
    public Fact<bool> SharedWithAll { get; init; } = Fact.NotReported<bool>(nameof(SharedWithAll));
}
