using System.Net;
using System.Text;

namespace Kagi.Aws.Tests;

public sealed class RdsQueryClientTests
{
    [Theory]
    [InlineData("<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>no</Message></Error></ErrorResponse>")]
    [InlineData("<Response><Errors><Error><Code>AccessDenied</Code><Message>no</Message></Error></Errors><RequestID>1</RequestID></Response>")]
    public async Task Both_shapes_of_error_body_give_the_code_and_message(string body)
    {
        using var client = ClientAnswering(HttpStatusCode.Forbidden, body);

        var failure = await Assert.ThrowsAsync<AwsCallException>(() => client.CallAsync("DescribeDBClusters", [], CancellationToken.None));

        Assert.Equal(AwsFailureKind.AccessDenied, failure.Kind);
        Assert.Equal("AccessDenied", failure.Code);
        Assert.Equal("no", failure.Detail);
        Assert.Equal("DescribeDBClusters", failure.Call);
    }

    [Fact]
    public async Task Elements_are_read_by_local_name_whatever_the_namespace_and_unknown_ones_are_ignored()
    {
        using var client = ClientAnswering(HttpStatusCode.OK, """
            <DescribeDBClustersResponse xmlns="http://rds.amazonaws.com/doc/2099-01-01/">
              <DescribeDBClustersResult><SomethingNew><Deep/></SomethingNew><DBClusters><DBCluster><Engine>neptune</Engine></DBCluster></DBClusters></DescribeDBClustersResult>
            </DescribeDBClustersResponse>
            """);

        var result = await client.CallAsync("DescribeDBClusters", [], CancellationToken.None);

        Assert.Equal("neptune", result.Child("DBClusters")!.Child("DBCluster")!.Text("Engine"));
    }

    [Fact]
    public async Task A_marker_handed_back_twice_stops_paging_with_an_error()
    {
        using var client = ClientAnswering(HttpStatusCode.OK, "<R><DescribeDBClustersResult><Marker>same</Marker></DescribeDBClustersResult></R>");

        var pages = 0;
        var failure = await Assert.ThrowsAsync<AwsCallException>(async () =>
        {
            await foreach (var _ in client.PagesAsync("DescribeDBClusters", [], CancellationToken.None))
            {
                pages++;
            }
        });

        Assert.Equal("RepeatedMarker", failure.Code);
        Assert.Equal(2, pages);
    }

    [Fact]
    public void Backoff_grows_exponentially_up_to_its_cap()
    {
        var policy = new RetryPolicy(TimeProvider.System, () => 1.0) { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) };

        Assert.Equal(TimeSpan.FromMilliseconds(100), policy.Backoff(1));
        Assert.Equal(TimeSpan.FromMilliseconds(400), policy.Backoff(3));
        Assert.Equal(TimeSpan.FromSeconds(1), policy.Backoff(10));
    }

    private static RdsQueryClient ClientAnswering(HttpStatusCode status, string body) =>
        new(new HttpClient(new Answering(status, body)), new Uri("http://127.0.0.1:1/"), new RetryPolicy(TimeProvider.System, () => 0) { MaxAttempts = 1 });

    private sealed class Answering(HttpStatusCode status, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "text/xml") });
    }
}
