using Kagi.Rules.Aws.Logs.LogGroups;

namespace Kagi.Aws.Tests.Fake.Apis;

/// <summary>CloudWatch Logs' <c>DescribeLogGroups</c> over the region's log groups: <c>kmsKeyId</c> only where a key is associated.</summary>
public sealed class LogsApi : IFakeApi
{
    /// <summary>The most log groups a page holds (the API's <c>limit</c> bound).</summary>
    public const int MaxPageSize = 50;

    public string SigningName => "logs";

    public FakeWire Wire => FakeWire.Json;

    public FakeListing? ListingOf(string kind) => kind == LogsLogGroup.Descriptor.Type ? new("DescribeLogGroups", MaxPageSize) : null;

    public FakeReply? Answer(FakeRequest request, FakeRegion region, FakeScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(scenario);
        if (request.Target != "DescribeLogGroups")
        {
            return null;
        }

        var (groups, next) = FakePaging.Page(region.StoresOf(LogsLogGroup.Descriptor.Type), request.JsonString("nextToken"), request.JsonInt("limit"), MaxPageSize);
        return FakeReply.Json(new
        {
            logGroups = groups.Select(group => new
            {
                logGroupName = group.Name,
                arn = $"arn:aws:logs:{request.Region}:{scenario.Account}:log-group:{group.Name}:*",
                logGroupArn = ArnOf(group, request.Region, scenario.Account),
                kmsKeyId = group.KmsKeyId,
            }),
            nextToken = next,
        });
    }

    public string? ArnOf(FakeStore store, string region, string account) =>
        store?.Kind == LogsLogGroup.Descriptor.Type ? $"arn:aws:logs:{region}:{account}:log-group:{store.Name}" : null;
}
