using Kagi.Core.Model;
using Kagi.Terraform.Values;

namespace Kagi.Terraform.Mapping;

/// <summary>
/// What a mapper may join a record to: every resource of the module or plan, and the records mapped from them before
/// any join. A reference (<c>aws_neptune_cluster.db.id</c>) or the same literal identifier ties two resources together.
/// </summary>
internal sealed class JoinScope(IReadOnlyList<IResourceView> views, IReadOnlyList<CloudResource> mapped, KeyResolver keys)
{
    /// <summary>The records as mapped, before any join.</summary>
    public IReadOnlyList<CloudResource> Mapped => mapped;

    /// <summary>Resolves a key argument of a resource declared apart (an S3 bucket's encryption configuration).</summary>
    public KeyResolver Keys => keys;

    /// <summary>The managed resources of a Terraform type, in source order.</summary>
    public IEnumerable<IResourceView> OfType(string terraformType) => views.Where(view => view.Type == terraformType);

    /// <summary>The resource a record was mapped from.</summary>
    public IResourceView? ViewOf(CloudResource resource) => views.FirstOrDefault(view => view.Address == resource.Id);

    /// <summary>
    /// The one of <paramref name="candidates"/> that <paramref name="referrer"/>'s <paramref name="attribute"/> refers to,
    /// or whose <paramref name="identifierAttribute"/> holds the same literal identifier.
    /// </summary>
    public static IResourceView? Referenced(IResourceView referrer, string attribute, IEnumerable<IResourceView> candidates, string identifierAttribute)
    {
        var list = candidates.ToList();
        if (referrer.Origin(attribute) is { } origin
            && list.FirstOrDefault(candidate => candidate.Address == origin.Address || candidate.Address == WithoutInstanceKey(origin.Address)) is { } referenced)
        {
            return referenced;
        }

        return referrer.Get(attribute) is TfString { Value.Length: > 0 } identifier
            ? list.FirstOrDefault(candidate => candidate.Get(identifierAttribute) is TfString named && named.Value == identifier.Value)
            : null;
    }

    /// <summary>Whether <paramref name="address"/> names <paramref name="resource"/>, or an instance of it.</summary>
    public static bool Names(string address, CloudResource resource) => address == resource.Id || WithoutInstanceKey(address) == resource.Id;

    // aws_neptune_cluster.db[0] → aws_neptune_cluster.db
    private static string WithoutInstanceKey(string address) =>
        address.EndsWith(']') && address.LastIndexOf('[') is var open and > 0 ? address[..open] : address;
}
