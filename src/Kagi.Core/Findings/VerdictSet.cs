using System.Collections;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Core.Findings;

/// <summary>
/// A scan's verdicts, read by position: each one's status, rule, resource and fingerprint without building its
/// <see cref="Finding"/>, which is made only when asked for (<see cref="this[int]"/>, enumeration) and not kept. So a
/// report of a million verdicts is sorted, counted, filtered and written one finding at a time.
/// </summary>
public abstract class VerdictSet : IReadOnlyList<Finding>
{
    // The resources' ranks by ID, made when first asked for: a set whose resources are in memory orders them so.
    private long[]? _resourceRanks;

    public abstract int Count { get; }

    /// <summary>The verdict's finding, built anew on every call: hold it only while it is used.</summary>
    public abstract Finding this[int index] { get; }

    public abstract ResultStatus StatusAt(int index);

    public abstract RuleMetadata RuleAt(int index);

    public abstract CloudResource ResourceAt(int index);

    public virtual string FingerprintAt(int index) => Finding.FingerprintOf(RuleAt(index).Id, ResourceAt(index));

    /// <summary>
    /// The verdict's resource's place in a report: by resource ID, unless the set orders them otherwise (an
    /// organization's, account by account). The verdicts of one resource share it.
    /// </summary>
    public virtual long ResourceOrderAt(int index)
    {
        if (_resourceRanks is null)
        {
            var ids = Enumerable.Range(0, Count).Select(position => ResourceAt(position).Id).ToArray();
            var byId = Enumerable.Range(0, ids.Length).ToArray();
            Array.Sort(byId, (left, right) => string.CompareOrdinal(ids[left], ids[right]));
            var ranks = new long[ids.Length];
            for (var rank = 1; rank < byId.Length; rank++)
            {
                ranks[byId[rank]] = ranks[byId[rank - 1]] + (string.Equals(ids[byId[rank]], ids[byId[rank - 1]], StringComparison.Ordinal) ? 0 : 1);
            }

            _resourceRanks = ranks;
        }

        return _resourceRanks[index];
    }

    /// <summary>The account and region of the verdict's resource (null where it has none): where a live scan read it.</summary>
    public virtual (string? Account, string? Region) PlaceAt(int index)
    {
        var resource = ResourceAt(index);
        return (resource.Account, resource.Region);
    }

    /// <summary>Whether the verdict is of a scope that could not be read, its resource a stand-in (<see cref="UnscannedResource"/>).</summary>
    public virtual bool IsUnreadAt(int index) => ResourceAt(index) is UnscannedResource;

    /// <summary>Wraps findings already built (tests, other hosts); a verdict set is returned as it is.</summary>
    public static VerdictSet Of(IReadOnlyList<Finding> findings) => findings as VerdictSet ?? new BuiltFindings(findings);

    public int CountOf(ResultStatus status)
    {
        var count = 0;
        for (var index = 0; index < Count; index++)
        {
            count += StatusAt(index) == status ? 1 : 0;
        }

        return count;
    }

    /// <summary>The verdicts at the positions <paramref name="keep"/> selects, in the same order.</summary>
    public VerdictSet Where(Func<int, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        var kept = Enumerable.Range(0, Count).Where(keep).ToArray();
        return kept.Length == Count ? this : new VerdictSubset(this, kept);
    }

    /// <summary>
    /// Mutes the FAIL verdicts <paramref name="muteOf"/> gives a suppression for (it is asked only about FAIL ones, so
    /// a PASS stays a PASS and an in-code suppression stays). A bit per verdict is kept of it; the suppression is asked
    /// for again when a muted finding is built, so <paramref name="muteOf"/> must give the same answer each time.
    /// </summary>
    public VerdictSet Muted(Func<int, Suppression?> muteOf)
    {
        ArgumentNullException.ThrowIfNull(muteOf);
        BitArray? muted = null;
        for (var index = 0; index < Count; index++)
        {
            if (StatusAt(index) == ResultStatus.Fail && muteOf(index) is not null)
            {
                (muted ??= new BitArray(Count))[index] = true;
            }
        }

        return muted is null ? this : new MutedVerdicts(this, muted, muteOf);
    }

    public IEnumerator<Finding> GetEnumerator()
    {
        for (var index = 0; index < Count; index++)
        {
            yield return this[index];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private sealed class BuiltFindings(IReadOnlyList<Finding> findings) : VerdictSet
    {
        public override int Count => findings.Count;

        public override Finding this[int index] => findings[index];

        public override ResultStatus StatusAt(int index) => findings[index].Status;

        public override RuleMetadata RuleAt(int index) => findings[index].Rule;

        public override CloudResource ResourceAt(int index) => findings[index].Resource;

        public override string FingerprintAt(int index) => findings[index].Fingerprint;
    }

    private sealed class VerdictSubset(VerdictSet all, int[] kept) : VerdictSet
    {
        public override int Count => kept.Length;

        public override Finding this[int index] => all[kept[index]];

        public override ResultStatus StatusAt(int index) => all.StatusAt(kept[index]);

        public override RuleMetadata RuleAt(int index) => all.RuleAt(kept[index]);

        public override CloudResource ResourceAt(int index) => all.ResourceAt(kept[index]);

        public override string FingerprintAt(int index) => all.FingerprintAt(kept[index]);

        public override long ResourceOrderAt(int index) => all.ResourceOrderAt(kept[index]);

        public override bool IsUnreadAt(int index) => all.IsUnreadAt(kept[index]);

        public override (string? Account, string? Region) PlaceAt(int index) => all.PlaceAt(kept[index]);
    }

    private sealed class MutedVerdicts(VerdictSet all, BitArray muted, Func<int, Suppression?> muteOf) : VerdictSet
    {
        public override int Count => all.Count;

        public override Finding this[int index] => muted[index] ? all[index] with { MutedBy = muteOf(index) } : all[index];

        public override ResultStatus StatusAt(int index) => muted[index] ? ResultStatus.Muted : all.StatusAt(index);

        public override RuleMetadata RuleAt(int index) => all.RuleAt(index);

        public override CloudResource ResourceAt(int index) => all.ResourceAt(index);

        public override string FingerprintAt(int index) => all.FingerprintAt(index);

        public override long ResourceOrderAt(int index) => all.ResourceOrderAt(index);

        public override bool IsUnreadAt(int index) => all.IsUnreadAt(index);

        public override (string? Account, string? Region) PlaceAt(int index) => all.PlaceAt(index);
    }
}
