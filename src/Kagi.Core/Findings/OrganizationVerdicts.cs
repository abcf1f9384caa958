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
/// of each resource — its place in the report order and its account and region (12) — in <see cref="SpillList{T}"/>s;
/// each finding is judged again when it is read, as <see cref="JudgedVerdicts"/> does. The KMS keys are judged last (<see cref="Complete"/>), once joined to what
/// they protect in any account (some key rules read a key's dependents), and are joined again whenever read. In a report, the resources of one rule and status are listed account by account, in the order the accounts
/// were chosen, then by ID.
/// </summary>
public sealed class OrganizationVerdicts : VerdictSet, IDisposable
{
    private static readonly UInt128 PositionBits = uint.MaxValue;

    private readonly SpillDirectory _directory;
    private readonly ResourceSpill _spill;
    private readonly CatalogEntry[] _rules;
    private readonly ScanOptions _options;
    private readonly Lock _lock = new();
    private readonly SpillList<Verdict> _verdicts;
    private readonly SpillList<UInt128> _fingerprints;

    // Per spilled resource and per resource held in memory, its place in the report order: the account's position, then its rank there.
    private readonly SpillList<long> _spilledOrder;

    // Per spilled resource, its account and region as an index into the few distinct ones, so coverage reads no record.
    private readonly SpillList<int> _spilledPlace;
    private readonly List<(string? Account, string? Region)> _places = [];
    private readonly Dictionary<(string? Account, string? Region), int> _placeIndex = [];
    private readonly List<long> _unreadOrder = [];

    // The unread scopes' stand-ins, judged from memory, not disk.
    private readonly List<(UnscannedResource Resource, UnscannedScope Scope)> _unread = [];

    // Per resource on a described key, the key's identity hashed (top 96 bits) and the resource's position (low 32):
    // sorted once every account is in, they give each key what it protects.
    private readonly SpillList<UInt128> _protectedBy;

    // What the keys protect, key after key, as positions on disk; and per judged key by position, its run there.
    private readonly SpillList<int> _joined;
    private readonly Dictionary<int, (int Start, int Count)> _joinedKeys = [];
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
        _spilledOrder = new SpillList<long>(_directory, "resource-order");
        _spilledPlace = new SpillList<int>(_directory, "resource-places");
        _protectedBy = new SpillList<UInt128>(_directory, "protected-by");
        _joined = new SpillList<int>(_directory, "key-dependents");
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
        return resource >= 0 ? _places[_spilledPlace[resource]] : (_unread[~resource].Scope.Account, _unread[~resource].Scope.Region);
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
            var keys = new List<int>();
            var onNamedKeys = new List<int>();
            for (var index = 0; index < scanned.Resources.Count; index++)
            {
                var resource = scanned.Resources[index];
                var spilled = _spill.Add(resource);
                _spilledOrder.Add(Order(position, ranks[index]));
                _spilledPlace.Add(PlaceIndex(resource.Account, resource.Region));
                if (!selected.Contains(resource))
                {
                    continue;
                }

                // A key waits to be judged until what it protects in every account is known.
                if (resource is KmsKey)
                {
                    keys.Add(spilled);
                }
                else
                {
                    Judge(spilled, resource);
                }

                if (KeyDependents.ProtectedByNamedKey(resource))
                {
                    onNamedKeys.Add(spilled);
                }

                Join(spilled, resource);
            }

            for (var scope = 0; scope < scanned.Unscanned.Count; scope++)
            {
                var unread = scanned.Unscanned[scope];
                AddUnread(unread, Order(position, ranks[scanned.Resources.Count + scope]));
            }

            _accounts.Add(new AccountPart(position, first, _spill.Count, scanned.Diagnostics, judged.Diagnostics.Skip(scanned.Diagnostics.Count).ToList(), keys, onNamedKeys, scanned.Unscanned));
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
            var keys = accounts.SelectMany(account => account.Keys).ToArray();
            JoinKeys(keys);
            foreach (var position in keys)
            {
                Judge(position, Spilled(position));
            }

            var onNamedKeys = accounts.SelectMany(account => account.OnNamedKeys);
            return _summary = new Inventory(new SpilledResources(this, [.. keys, .. onNamedKeys]), [.. notes, .. accounts.SelectMany(account => account.Diagnostics.Concat(account.TagWarnings))])
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
        _spilledOrder.Dispose();
        _spilledPlace.Dispose();
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

    // Each key's dependents, in the order they were added: the keys and the notes sorted by identity, read side by side.
    private void JoinKeys(int[] keys)
    {
        using var protectedBy = ExternalSort.Values(Enumerable.Range(0, _protectedBy.Count).Select(index => _protectedBy[index])).GetEnumerator();
        var more = protectedBy.MoveNext();
        foreach (var key in ExternalSort.Values(keys.Select(position => IdentityHash(KeyDependents.Identity((KmsKey)_spill[position])) | (uint)position)))
        {
            var identity = key & ~PositionBits;
            while (more && (protectedBy.Current & ~PositionBits) < identity)
            {
                more = protectedBy.MoveNext();
            }

            var start = _joined.Count;
            for (; more && (protectedBy.Current & ~PositionBits) == identity; more = protectedBy.MoveNext())
            {
                _joined.Add((int)(uint)protectedBy.Current);
            }

            _joinedKeys[(int)(uint)key] = (start, _joined.Count - start);
        }
    }

    // A key's identity in 96 bits: of a million keys, two share them with a chance near 10^-17.
    private static UInt128 IdentityHash((string Id, string? Scope) identity)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{identity.Scope}//{identity.Id}"), hash);
        return BinaryPrimitives.ReadUInt128BigEndian(hash) & ~PositionBits;
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
        return resource is KmsKey key && _joinedKeys.TryGetValue(position, out var joined) ? KeyDependents.WithDependents(key, new SpilledDependents(this, joined.Start, joined.Count)) : resource;
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

    private long OrderOf(int resource) => resource >= 0 ? _spilledOrder[resource] : _unreadOrder[~resource];

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
        IReadOnlyList<int> Keys,
        IReadOnlyList<int> OnNamedKeys,
        IReadOnlyList<UnscannedScope> Unscanned);

    /// <summary>Resources on disk by position (the judged keys, joined), each read when it is reached.</summary>
    private sealed class SpilledResources(OrganizationVerdicts verdicts, int[] positions) : IReadOnlyList<CloudResource>
    {
        public int Count => positions.Length;

        public CloudResource this[int index] => verdicts.Spilled(positions[index]);

        public IEnumerator<CloudResource> GetEnumerator() => positions.Select(verdicts.Spilled).GetEnumerator();

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
