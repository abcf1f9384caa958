using Kagi.Core.Model;
using Kagi.Terraform.Values;

namespace Kagi.Terraform.Mapping;

/// <summary>
/// What a mapper may join a record to: every resource of the module or plan, and the records mapped from them before
/// any join. A reference (<c>aws_neptune_cluster.db.id</c>) or the same literal identifier ties two resources together.
/// </summary>
/// <remarks>
/// A mapper joins each record on its own, so every look-up here is indexed (built on first use) and a join that reads
/// the whole module is computed once per scope (<see cref="Once"/>): with <c>count = 1000</c> a linear look-up per
/// instance made the join of a module quadratic — 100,000 counted clusters spent most of their scan here.
/// </remarks>
internal sealed class JoinScope(IReadOnlyList<IResourceView> views, IReadOnlyList<CloudResource> mapped, KeyResolver keys)
{
    private Dictionary<string, List<IResourceView>>? _byType;
    private Dictionary<string, IResourceView>? _byAddress;
    private readonly Dictionary<object, object> _joins = [];

    /// <summary>The records as mapped, before any join.</summary>
    public IReadOnlyList<CloudResource> Mapped => mapped;

    /// <summary>Resolves a key argument of a resource declared apart (an S3 bucket's encryption configuration).</summary>
    public KeyResolver Keys => keys;

    /// <summary>The managed resources of a Terraform type, in source order.</summary>
    public IReadOnlyList<IResourceView> OfType(string terraformType)
    {
        if (_byType is null)
        {
            _byType = new(StringComparer.Ordinal);
            foreach (var view in views)
            {
                (_byType.TryGetValue(view.Type, out var ofType) ? ofType : _byType[view.Type] = []).Add(view);
            }
        }

        return _byType.TryGetValue(terraformType, out var found) ? found : [];
    }

    /// <summary>The resource a record was mapped from (the first declared, should two share its address).</summary>
    public IResourceView? ViewOf(CloudResource resource)
    {
        if (_byAddress is null)
        {
            _byAddress = new(StringComparer.Ordinal);
            foreach (var view in views)
            {
                _byAddress.TryAdd(view.Address, view);
            }
        }

        return _byAddress.GetValueOrDefault(resource.Id);
    }

    /// <summary>
    /// The result of <paramref name="join"/> for <paramref name="key"/>, computed on the first call in this scope: a join
    /// over the whole module (which instances belong to which cluster) that every record would otherwise redo.
    /// </summary>
    public T Once<T>(object key, Func<T> join)
        where T : class
    {
        if (!_joins.TryGetValue((key, typeof(T)), out var joined))
        {
            _joins[(key, typeof(T))] = joined = join();
        }

        return (T)joined;
    }

    /// <summary>
    /// The one of <paramref name="candidates"/> that <paramref name="referrer"/>'s <paramref name="attribute"/> refers to,
    /// or whose <paramref name="identifierAttribute"/> holds the same literal identifier.
    /// </summary>
    public static IResourceView? Referenced(IResourceView referrer, string attribute, IReadOnlyList<IResourceView> candidates, string identifierAttribute)
    {
        if (referrer.Origin(attribute) is { } origin
            && candidates.FirstOrDefault(candidate => candidate.Address == origin.Address || candidate.Address == WithoutInstanceKey(origin.Address)) is { } referenced)
        {
            return referenced;
        }

        return referrer.Get(attribute) is TfString { Value.Length: > 0 } identifier
            ? candidates.FirstOrDefault(candidate => candidate.Get(identifierAttribute) is TfString named && named.Value == identifier.Value)
            : null;
    }

    /// <summary>Whether <paramref name="address"/> names <paramref name="resource"/>, or an instance of it.</summary>
    public static bool Names(string address, CloudResource resource) => address == resource.Id || WithoutInstanceKey(address) == resource.Id;

    // aws_neptune_cluster.db[0] → aws_neptune_cluster.db
    private static string WithoutInstanceKey(string address) =>
        address.EndsWith(']') && address.LastIndexOf('[') is var open and > 0 ? address[..open] : address;
}
