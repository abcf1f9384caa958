using System.Security;
using Kagi.Rules.Aws.Sns.Topics;

namespace Kagi.Aws.Tests.Fake.Apis;

/// <summary>
/// SNS (Query protocol): <c>ListTopics</c>, 100 ARNs a page by <c>NextToken</c> as AWS pages it, and <c>GetTopicAttributes</c>.
/// A topic is encrypted when its store names a key (<see cref="FakeStore.KmsKeyId"/>, returned as written: ID, ARN or alias).
/// </summary>
public sealed class SnsApi : IFakeApi
{
    /// <summary>The topics a <c>ListTopics</c> page holds (AWS's fixed page size).</summary>
    public const int MaxPageSize = 100;

    private const string Namespace = "http://sns.amazonaws.com/doc/2010-03-31/";

    public string SigningName => "sns";

    public FakeWire Wire => FakeWire.Query;

    public FakeListing? ListingOf(string kind) => kind == SnsTopic.Descriptor.Type ? new("ListTopics", MaxPageSize) : null;

    public FakeReply? Answer(FakeRequest request, FakeRegion region, FakeScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(scenario);
        var topics = region.StoresOf(SnsTopic.Descriptor.Type);
        string ArnOf(FakeStore topic) => $"arn:aws:sns:{request.Region}:{scenario.Account}:{topic.Name}";
        switch (request.Form?["Action"].ToString())
        {
            case "ListTopics":
                var (page, next) = FakePaging.Page(topics, request.Form["NextToken"].FirstOrDefault(), null, MaxPageSize);
                var members = string.Concat(page.Select(topic => $"<member><TopicArn>{SecurityElement.Escape(ArnOf(topic))}</TopicArn></member>"));
                var token = next is null ? string.Empty : $"<NextToken>{next}</NextToken>";
                return FakeReply.Xml(Response("ListTopics", $"<Topics>{members}</Topics>{token}"));
            case "GetTopicAttributes":
                return topics.FirstOrDefault(topic => ArnOf(topic) == request.Form["TopicArn"].ToString()) is { } found
                    ? FakeReply.Xml(Response("GetTopicAttributes", $"<Attributes>{string.Concat(Attributes(found, ArnOf(found), scenario.Account).Select(Entry))}</Attributes>"))
                    : FakeReply.Error(Wire, "NotFound", "Topic does not exist", 404);
            default:
                return null;
        }
    }

    private static Dictionary<string, string> Attributes(FakeStore topic, string arn, string account)
    {
        var attributes = new Dictionary<string, string>
        {
            ["TopicArn"] = arn,
            ["Owner"] = account,
            ["DisplayName"] = string.Empty,
            ["SubscriptionsConfirmed"] = "0",
        };
        if (topic.KmsKeyId is { } key)
        {
            attributes["KmsMasterKeyId"] = key;
        }

        return attributes;
    }

    private static string Entry(KeyValuePair<string, string> attribute) =>
        $"<entry><key>{SecurityElement.Escape(attribute.Key)}</key><value>{SecurityElement.Escape(attribute.Value)}</value></entry>";

    private static string Response(string action, string result) =>
        $"""<{action}Response xmlns="{Namespace}"><{action}Result>{result}</{action}Result><ResponseMetadata><RequestId>{Guid.NewGuid()}</RequestId></ResponseMetadata></{action}Response>""";
}
