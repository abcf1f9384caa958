using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Kagi.Core.Collections;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Core.Findings;

/// <summary>
/// An organization's verdicts, judged an account at a time as each account's scan is handed over, so the scan never
/// holds the organization's resources nor its verdicts: the resources are spilled to disk (<see cref="ResourceSpill"/>),
/// and so are the records kept of each verdict — its rule, resource and status (8 bytes) and its fingerprint (16) — and
/// of each resource (<see cref="SpilledEntry"/>), in <see cref="SpillList{T}"/>s; each finding is judged again when it is
/// read, as <see cref="JudgedVerdicts"/> does. What stays in memory grows by account, not by resource: each account's
/// part and the names of its regions. The KMS keys are judged last (<see cref="Complete"/>), once joined to what they
/// protect in any account (some key rules read a key's dependents), and are joined again whenever read. In a report,
/// the resources of one rule and status are listed account by account, in the order the accounts were chosen, then by ID.
/// </summary>
public sealed class OrganizationVerdicts : VerdictSet, IDisposable
{
    private readonly SpillDirectory _directory;
    private readonly ResourceSpill _spill;
    private readonly CatalogEntry[] _rules;
    private readonly ScanOptions _options;
    private readonly Lock _lock = new();
    private readonly SpillList<Verdict> _verdicts;
    private readonly SpillList<UInt128> _fingerprints;

    // Per spilled resource, what is read of it without its record (SpilledEntry).
    private readonly SpillList<SpilledEntry> _entries;
    private readonly List<(string? Account, string? Region)> _places = [];
    private readonly Dictionary<(string? Account, string? Region), int> _placeIndex = [];
    private readonly List<long> _unreadOrder = [];

    // The unread scopes' stand-ins, judged from memory, not disk.
    private readonly List<(UnscannedResource Resource, UnscannedScope Scope)> _unread = [];

    // Per resource on a described key, the key's identity hashed (top 96 bits) and the resource's position (low 32):
    // sorted once every account is in, they give each key what it protects.
    private readonly SpillList<UInt128> _protectedBy;

    // What the keys protect, key after key, as positions on disk (each key's run is in its entry).
    private readonly SpillList<int> _joined;

    // The summary's resources by position: the judged keys, then the judged resources on keys known only by name.
    private readonly SpillList<int> _summarized;
    private readonly List<AccountPart> _accounts = [];
    private Inventory? _summary;

    /// <param name="kinds">The kinds the resources are of, to read them back from disk.</param>
    /// <param name="catalog">The rules; those <paramref name="options"/> selects are judged.</param>
    /// <exception cref="IOException">No private temporary file could be made for the resources.</exception>
    public OrganizationVerdicts(ResourceKinds kinds, IEnumerable<CatalogEntry> catalog, ScanOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        _rules = [.. catalog.Where(entry => options.Selects(entry.Metadata.Id))];
        _options = options;
        _directory = new SpillDirectory();
        _spill = new ResourceSpill(kinds, _directory);
        _verdicts = new SpillList<Verdict>(_directory, "verdicts");
        _fingerprints = new SpillList<UInt128>(_directory, "fingerprints");
        _entries = new SpillList<SpilledEntry>(_directory, "resource-entries");
        _protectedBy = new SpillList<UInt128>(_directory, "protected-by");
        _joined = new SpillList<int>(_directory, "key-dependents");
        _summarized = new SpillList<int>(_directory, "summary");
    }

    /// <summary>The private directory the resources and records are kept in while the scan lasts.</summary>
    public string SpillLocation => _directory.Location;

    public override int Count => _verdicts.Count;

    public override Finding this[int index]
    {
        get
        {
            var verdict = _verdicts[index];
            var entry = _rules[verdict.Rule];
            if (verdict.Resource >= 0)
            {
                var resource = Spilled(verdict.Resource);
                var (result, mute) = RuleEngine.Judge(entry, resource, _options);
                return new Finding(entry.Metadata, resource, result, mute);
            }

            var (unread, scope) = _unread[~verdict.Resource];
            return new Finding(entry.Metadata, unread, RuleResult.Error(scope.Describe()));
        }
    }

    public override ResultStatus StatusAt(int index) => (ResultStatus)_verdicts[index].Status;

    public override RuleMetadata RuleAt(int index) => _rules[_verdicts[index].Rule].Metadata;

    public override CloudResource ResourceAt(int index)
    {
        var resource = _verdicts[index].Resource;
        return resource >= 0 ? Spilled(resource) : _unread[~resource].Resource;
    }

    public override string FingerprintAt(int index)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, _fingerprints[index]);
        return Convert.ToHexStringLower(bytes);
    }

    public override long ResourceOrderAt(int index) => OrderOf(_verdicts[index].Resource);

    public override bool IsUnreadAt(int index) => _verdicts[index].Resource < 0;

    public override (string? Account, string? Region) PlaceAt(int index)
    {
        var resource = _verdicts[index].Resource;
        return resource >= 0 ? _places[_entries[resource].Place] : (_unread[~resource].Scope.Account, _unread[~resource].Scope.Region);
    }

    /// <summary>
    /// Judges one account's scan by every selected rule, the resources its tag filter selects (<see cref="ScanOptions.Tags"/>),
    /// and keeps its resources on disk; its keys wait for <see cref="Complete"/>. Accounts may be added from several
    /// threads, in any order.
    /// </summary>
    /// <param name="position">The account's place among those chosen: the order reports list accounts in.</param>
    /// <param name="scanned">What the account's scan read, every resource kept for <see cref="Resources"/>.</param>
    /// <exception cref="IOException">The disk is full or failing.</exception>
    public void Add(int position, Inventory scanned)
    {
        ArgumentNullException.ThrowIfNull(scanned);
        var judged = _options.Tags.Apply(scanned);
        var selected = judged.Resources.ToHashSet(ReferenceEqualityComparer.Instance);
        var ranks = Ranks(scanned);
        lock (_lock)
        {
            if (_summary is not null)
            {
                throw new InvalidOperationException("the organization's verdicts are complete: no account can be added");
            }

            var first = _spill.Count;
            for (var index = 0; index < scanned.Resources.Count; index++)
            {
                var resource = scanned.Resources[index];
                var spilled = _spill.Add(resource);
                var isSelected = selected.Contains(resource);
                var role = !isSelected ? SpilledRole.Unjudged
                    : resource is KmsKey ? SpilledRole.Key
                    : KeyDependents.ProtectedByNamedKey(resource) ? SpilledRole.OnNamedKey
                    : SpilledRole.Judged;
                _entries.Add(new SpilledEntry(Order(position, ranks[index]), PlaceIndex(resource.Account, resource.Region), role, 0, NotJoined));
                if (!isSelected)
                {
                    continue;
                }

                // A key waits to be judged until what it protects in every account is known.
                if (role != SpilledRole.Key)
                {
                    Judge(spilled, resource);
                }

                Join(spilled, resource);
            }

            for (var scope = 0; scope < scanned.Unscanned.Count; scope++)
            {
                var unread = scanned.Unscanned[scope];
                AddUnread(unread, Order(position, ranks[scanned.Resources.Count + scope]));
            }

            _accounts.Add(new AccountPart(position, first, _spill.Count, scanned.Diagnostics, judged.Diagnostics.Skip(scanned.Diagnostics.Count).ToList(), scanned.Unscanned));
        }
    }

    /// <summary>
    /// Judges the keys, each joined to what it protects in any account, once every account is added; and gives what
    /// reports and the store read beside the verdicts, its resources read from disk as they are reached: the judged keys
    /// so joined and the judged resources on keys known only by name (what the key inventory lists), every unread scope
    /// and every diagnostic (<paramref name="notes"/> first, then each account's), accounts in order.
    /// </summary>
    public Inventory Complete(IReadOnlyList<ScanDiagnostic> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        lock (_lock)
        {
            if (_summary is not null)
            {
                return _summary;
            }

            var accounts = AccountsInOrder();
            Summarize(accounts, SpilledRole.Key);
            var keys = _summarized.Count;
            JoinKeys(keys);
            for (var key = 0; key < keys; key++)
            {
                Judge(_summarized[key], Spilled(_summarized[key]));
            }

            Summarize(accounts, SpilledRole.OnNamedKey);
            return _summary = new Inventory(new SpilledResources(this), [.. notes, .. accounts.SelectMany(account => account.Diagnostics.Concat(account.TagWarnings))])
            {
                Unscanned = [.. accounts.SelectMany(account => account.Unscanned)],
            };
        }
    }

    /// <summary>Every resource the accounts' scans read, judged or not, accounts in order, each read from disk as it is reached.</summary>
    public IEnumerable<CloudResource> Resources() =>
        AccountsInOrder().SelectMany(account => Enumerable.Range(account.FirstResource, account.EndResource - account.FirstResource)).Select(position => _spill[position]);

    /// <summary>The diagnostics the accounts' scans met (not those of judging), <paramref name="notes"/> first, accounts in order.</summary>
    public IReadOnlyList<ScanDiagnostic> ScanDiagnostics(IReadOnlyList<ScanDiagnostic> notes) =>
        [.. notes, .. AccountsInOrder().SelectMany(account => account.Diagnostics)];

    public void Dispose()
    {
        _spill.Dispose();
        _verdicts.Dispose();
        _fingerprints.Dispose();
        _entries.Dispose();
        _summarized.Dispose();
        _protectedBy.Dispose();
        _joined.Dispose();
        _directory.Dispose();
    }

    private void Judge(int resourceIndex, CloudResource resource)
    {
        for (var rule = 0; rule < _rules.Length; rule++)
        {
            var entry = _rules[rule];
            if (entry.Rule.AppliesTo(resource))
            {
                var (result, mute) = RuleEngine.Judge(entry, resource, _options);
                AddVerdict(resourceIndex, rule, Finding.StatusOf(result, mute), Finding.FingerprintOf(entry.Metadata.Id, resource));
            }
        }
    }

    // Notes the key that protects the resource, by identity: the key may be in another account, added before or after.
    private void Join(int spilled, CloudResource resource)
    {
        if (KeyDependents.ProtectingKey(resource) is { } protecting)
        {
            _protectedBy.Add(IdentityHash(protecting) | (uint)spilled);
        }
    }

    // Lists the resources of the role, accounts in order, each in the order it was added.
    private void Summarize(List<AccountPart> accounts, SpilledRole role)
    {
        foreach (var account in accounts)
        {
            for (var position = account.FirstResource; position < account.EndResource; position++)
            {
                if (_entries[position].Role == role)
                {
                    _summarized.Add(position);
                }
            }
        }
    }

    // Each key's dependents, in the order they were added: the first keys summarized and the notes of what protects
    // what, both sorted by identity, read side by side.
    private void JoinKeys(int keys)
    {
        using var protectedBy = ExternalSort.Values(Enumerable.Range(0, _protectedBy.Count).Select(index => _protectedBy[index])).GetEnumerator();
        var more = protectedBy.MoveNext();
        var identities = Enumerable.Range(0, keys).Select(key => _summarized[key]).Select(position => IdentityHash(KeyDependents.Identity((KmsKey)_spill[position])) | (uint)position);
        // A key read in more than one account (listed in its own, described in another's) shares one run.
        (UInt128 Identity, int Start, int Count)? last = null;
        foreach (var key in ExternalSort.Values(identities))
        {
            var identity = key & ~ExternalSort.PositionBits;
            if (last?.Identity != identity)
            {
                while (more && (protectedBy.Current & ~ExternalSort.PositionBits) < identity)
                {
                    more = protectedBy.MoveNext();
                }

                var start = _joined.Count;
                for (; more && (protectedBy.Current & ~ExternalSort.PositionBits) == identity; more = protectedBy.MoveNext())
                {
                    _joined.Add((int)(uint)protectedBy.Current);
                }

                last = (identity, start, _joined.Count - start);
            }

            var position = (int)(uint)key;
            _entries[position] = _entries[position] with { DependentsStart = last.Value.Start, Dependents = last.Value.Count };
        }
    }

    // A key's identity in 96 bits: of a million keys, two share them with a chance near 10^-17.
    private static UInt128 IdentityHash((string Id, string? Scope) identity)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{identity.Scope}//{identity.Id}"), hash);
        return BinaryPrimitives.ReadUInt128BigEndian(hash) & ~ExternalSort.PositionBits;
    }

    private void AddUnread(UnscannedScope scope, long order)
    {
        var unread = UnscannedResource.For(scope);
        var resource = ~_unread.Count;
        _unread.Add((unread, scope));
        _unreadOrder.Add(order);
        for (var rule = 0; rule < _rules.Length; rule++)
        {
            if (_rules[rule].Metadata.ResourceType == scope.ResourceType)
            {
                AddVerdict(resource, rule, ResultStatus.Error, Finding.FingerprintOf(_rules[rule].Metadata.Id, unread));
            }
        }
    }

    // A resource read back from disk; a key with what it protects, once joined.
    private CloudResource Spilled(int position)
    {
        var resource = _spill[position];
        return resource is KmsKey key && _entries[position] is { Dependents: not NotJoined } joined
            ? KeyDependents.WithDependents(key, new SpilledDependents(this, joined.DependentsStart, joined.Dependents))
            : resource;
    }

    private void AddVerdict(int resource, int rule, ResultStatus status, string fingerprint)
    {
        _verdicts.Add(new Verdict(resource, checked((ushort)rule), (byte)status));
        _fingerprints.Add(BinaryPrimitives.ReadUInt128BigEndian(Convert.FromHexString(fingerprint)));
    }

    private List<AccountPart> AccountsInOrder()
    {
        lock (_lock)
        {
            return [.. _accounts.OrderBy(account => account.Position)];
        }
    }

    private int PlaceIndex(string? account, string? region)
    {
        if (!_placeIndex.TryGetValue((account, region), out var place))
        {
            _placeIndex[(account, region)] = place = _places.Count;
            _places.Add((account, region));
        }

        return place;
    }

    private long OrderOf(int resource) => resource >= 0 ? _entries[resource].Order : _unreadOrder[~resource];

    private static long Order(int position, int rank) => ((long)position << 32) | (uint)rank;

    // Each resource's and then each unread scope's rank by ID within the account.
    private static int[] Ranks(Inventory scanned)
    {
        var ids = scanned.Resources.Select(resource => resource.Id).Concat(scanned.Unscanned.Select(scope => scope.ResourceId)).ToArray();
        var sorted = Enumerable.Range(0, ids.Length).ToArray();
        Array.Sort(sorted, (left, right) => string.CompareOrdinal(ids[left], ids[right]) is var order and not 0 ? order : left.CompareTo(right));
        var ranks = new int[ids.Length];
        for (var rank = 0; rank < sorted.Length; rank++)
        {
            ranks[sorted[rank]] = rank;
        }

        return ranks;
    }

    // The status as a byte keeps a verdict at 8 bytes; a resource below zero is held in memory (~index).
    private readonly record struct Verdict(int Resource, ushort Rule, byte Status);

    /// <summary>What one account added: its place, its resources on disk, and what stays in memory of it.</summary>
    private sealed record AccountPart(
        int Position,
        int FirstResource,
        int EndResource,
        IReadOnlyList<ScanDiagnostic> Diagnostics,
        IReadOnlyList<ScanDiagnostic> TagWarnings,
        IReadOnlyList<UnscannedScope> Unscanned);

    /// <summary>
    /// Of a spilled resource, what is read without its record: its place in the report order (the account's position,
    /// then its rank there), its account and region (an index into the few distinct ones, for coverage), what the
    /// summary lists it as, and of a key, the run of what it protects in the joined dependents once joined.
    /// </summary>
    private readonly record struct SpilledEntry(long Order, int Place, SpilledRole Role, int DependentsStart, int Dependents);

    private enum SpilledRole : byte
    {
        Unjudged,
        Judged,
        Key,
        OnNamedKey,
    }

    private const int NotJoined = -1;

    /// <summary>Resources on disk by position (the judged keys, joined), each read when it is reached.</summary>
    private sealed class SpilledResources(OrganizationVerdicts verdicts) : IReadOnlyList<CloudResource>
    {
        public int Count => verdicts._summarized.Count;

        public CloudResource this[int index] => verdicts.Spilled(verdicts._summarized[index]);

        public IEnumerator<CloudResource> GetEnumerator() => Enumerable.Range(0, Count).Select(index => this[index]).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>A key's dependents as positions on disk, each read when it is reached.</summary>
    private sealed class SpilledDependents(OrganizationVerdicts verdicts, int start, int count) : IReadOnlyList<KeyDependent>
    {
        public int Count => count;

        public KeyDependent this[int index] => KeyDependents.DependentOf(verdicts._spill[verdicts._joined[start + index]]);

        public IEnumerator<KeyDependent> GetEnumerator() => Enumerable.Range(0, count).Select(index => this[index]).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
