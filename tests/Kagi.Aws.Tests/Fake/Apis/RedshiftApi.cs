using System.Security;
using Kagi.Rules.Aws.Redshift.Clusters;

namespace Kagi.Aws.Tests.Fake.Apis;

/// <summary>
/// Redshift's <c>DescribeClusters</c> (Query protocol, <c>Marker</c> paging) over the region's clusters: each with its
/// encryption, its key (left out when none is named) and its tags, as AWS answers; like AWS, no cluster ARN, only the
/// namespace's.
/// </summary>
public sealed class RedshiftApi : IFakeApi
{
    /// <summary>The most clusters a page holds (the API's <c>MaxRecords</c> limit).</summary>
    public const int MaxPageSize = 100;

    public string SigningName => "redshift";

    public FakeWire Wire => FakeWire.Query;

    public FakeListing? ListingOf(string kind) => kind == RedshiftCluster.Descriptor.Type ? new("DescribeClusters", MaxPageSize) : null;

    public FakeReply? Answer(FakeRequest request, FakeRegion region, FakeScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(scenario);
        if (request.Form?["Action"].ToString() != "DescribeClusters")
        {
            return null;
        }

        var page = QueryPage.Of(region.StoresOf(RedshiftCluster.Descriptor.Type), request.Form, MaxPageSize);
        var clusters = string.Concat(page.Items.Select(cluster => $"""
            <Cluster>
              <ClusterIdentifier>{SecurityElement.Escape(cluster.Name)}</ClusterIdentifier>
              <NodeType>ra3.xlplus</NodeType>
              <ClusterStatus>available</ClusterStatus>
              <Encrypted>{(cluster.Encrypted ? "true" : "false")}</Encrypted>
              {QueryPage.Optional("KmsKeyId", cluster.KmsKeyId)}
              <ClusterNamespaceArn>arn:aws:redshift:{request.Region}:{scenario.Account}:namespace:{NamespaceOf(cluster.Name)}</ClusterNamespaceArn>
              <Tags>{string.Concat(cluster.Tags.Select(tag => $"<Tag><Key>{SecurityElement.Escape(tag.Key)}</Key><Value>{SecurityElement.Escape(tag.Value)}</Value></Tag>"))}</Tags>
            </Cluster>
            """));
        return QueryPage.Reply("DescribeClusters", "http://redshift.amazonaws.com/doc/2012-12-01/", "Clusters", clusters, page.Marker);
    }

    // A namespace ID is a GUID that does not name the cluster; a stable one per name keeps answers comparable.
    private static Guid NamespaceOf(string name) => new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)).AsSpan(0, 16));
}
