using Kagi.Core.Model;
using Kagi.Terraform.Values;

namespace Kagi.Terraform.Mapping;

/// <summary>
/// Joins resources that Terraform declares apart: a Neptune cluster's instances (for their Availability Zones), a
/// snapshot's cluster (for its encryption), and a key's <c>aws_kms_key_policy</c> (for its policy). A reference
/// (<c>aws_neptune_cluster.db.id</c>) or the same literal identifier ties them together.
/// </summary>
internal static class ResourceJoins
{
    private const string ClusterType = "aws_neptune_cluster";
    private const string InstanceType = "aws_neptune_cluster_instance";
    private const string KeyPolicyType = "aws_kms_key_policy";

    public static List<CloudResource> Apply(List<CloudResource> resources, IReadOnlyList<IResourceView> views)
    {
        var clusterViews = views.Where(view => view.Type == ClusterType).ToList();
        var instances = views.Where(view => view.Type == InstanceType)
            .Select(instance => (Instance: instance, Cluster: ClusterOf(instance, "cluster_identifier", clusterViews)))
            .ToList();
        var clusters = resources.OfType<NeptuneCluster>().ToDictionary(cluster => cluster.Id, StringComparer.Ordinal);
        var keyPolicies = views.Where(view => view.Type == KeyPolicyType).ToList();
        return [.. resources.Select(resource => resource switch
        {
            NeptuneCluster cluster => cluster with
            {
                MultiAz = MultiAz([.. instances.Where(pair => pair.Cluster?.Address == cluster.Id).Select(pair => pair.Instance)]) ?? cluster.MultiAz,
            },
            NeptuneClusterSnapshot snapshot when views.FirstOrDefault(view => view.Address == snapshot.Id) is { } view
                && ClusterOf(view, "db_cluster_identifier", clusterViews) is { } source
                && clusters.TryGetValue(source.Address, out var cluster) => snapshot with
                {
                    StorageEncrypted = cluster.StorageEncrypted,
                    Key = cluster.Key,
                },
            KmsKey key when keyPolicies.FirstOrDefault(policy => policy.Origin("key_id")?.Address is { } address
                && (address == key.Id || WithoutInstanceKey(address) == key.Id)) is { } policy => key with
                {
                    // aws_kms_key_policy replaces the key's policy wholesale, whatever the key itself says.
                    Policy = Facts.OptionalString(policy, "policy") switch
                    {
                        { IsKnown: true, Value: { } text } => Fact.Known(text),
                        var unknown => Fact.Unknown<string>($"{policy.Address} sets the policy, known only after apply: {unknown.Reason ?? "no policy given"}"),
                    },
                },
            _ => resource,
        })];
    }

    private static IResourceView? ClusterOf(IResourceView referrer, string attribute, List<IResourceView> clusters)
    {
        if (referrer.Origin(attribute) is { } origin
            && clusters.FirstOrDefault(cluster => cluster.Address == origin.Address || cluster.Address == WithoutInstanceKey(origin.Address)) is { } referenced)
        {
            return referenced;
        }

        return referrer.Get(attribute) is TfString { Value.Length: > 0 } identifier
            ? clusters.FirstOrDefault(cluster => cluster.Get("cluster_identifier") is TfString named && named.Value == identifier.Value)
            : null;
    }

    // Null leaves the mapper's "no instance found" reason in place.
    private static Fact<bool>? MultiAz(List<IResourceView> instances)
    {
        if (instances.Count == 0)
        {
            return null;
        }

        // One instance is in one zone wherever AWS puts it.
        if (instances.Count == 1)
        {
            return Fact.Known(false);
        }

        var zones = instances.Select(instance => (instance, zone: instance.Get("availability_zone"))).ToList();
        var known = zones.Select(z => z.zone).OfType<TfString>().Select(zone => zone.Value).Distinct(StringComparer.Ordinal).ToList();
        if (known.Count > 1)
        {
            return Fact.Known(true);
        }

        return zones.FirstOrDefault(z => z.zone is not TfString) is var (open, zone) && open is not null
            ? Fact.Unknown<bool>(zone is TfNull
                ? $"{open.Address} sets no availability_zone; AWS chooses the zone at apply time"
                : $"{open.Address}: availability_zone = {open.Describe("availability_zone")} is not known before apply")
            : Fact.Known(false);
    }

    // aws_neptune_cluster.db[0] → aws_neptune_cluster.db
    private static string WithoutInstanceKey(string address) =>
        address.EndsWith(']') && address.LastIndexOf('[') is var open and > 0 ? address[..open] : address;
}
