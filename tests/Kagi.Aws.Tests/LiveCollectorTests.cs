using Kagi.Core.Model;
using Kagi.Rules;

namespace Kagi.Aws.Tests;

/// <summary>The registry of live collectors is honest: every kind is read live, and every collector can fail closed.</summary>
public sealed class LiveCollectorTests
{
    private const string Region = "eu-west-1";
    private const string Account = "111122223333";

    [Fact]
    public void Every_resource_kind_is_listed_by_a_collector()
    {
        // Given every kind of the catalogue and the kinds the collectors list
        var listed = KindCatalog.LiveCollectors.Select(collector => collector.ResourceType).ToHashSet(StringComparer.Ordinal);

        // Then each one is listed: a kind only looked up (as KMS keys once were) would miss what nothing names
        var missing = Kinds()
            .Where(kind => !listed.Contains(kind.ResourceType))
            .Select(kind => $"{kind.Record.Name} ({kind.ResourceType}) has no live collector: an ILiveCollector in its folder");
        Assert.Empty(missing);
    }

    [Fact]
    public void Each_kind_has_one_collector()
    {
        var twice = KindCatalog.LiveCollectors.GroupBy(collector => collector.ResourceType).Where(group => group.Count() > 1)
            .Select(group => $"{group.Key} is collected by {string.Join(" and ", group.Select(collector => collector.GetType().Name))}");

        Assert.Empty(twice);
    }

    [Fact]
    public void Every_collector_names_a_wildcard_arn_of_everything_it_lists_in_one_region_of_one_account()
    {
        // When each collector names its wildcard for one region of one account
        var wildcards = KindCatalog.LiveCollectors.ToDictionary(collector => collector.GetType().Name, collector => collector.WildcardArn("aws", Region, Account));

        // Then it is an ARN of that region and account, of the collector's service, that ends in a wildcard
        var wrong = KindCatalog.LiveCollectors
            .Where(collector => !IsWildcardArn(wildcards[collector.GetType().Name], collector.Service.SigningName))
            .Select(collector => $"{collector.GetType().Name}: '{wildcards[collector.GetType().Name]}' is not arn:aws:{collector.Service.SigningName}:{Region}:{Account}:…*");
        Assert.Empty(wrong);

        // and no two are alike, but for kinds one call lists under one ARN form (Neptune, Aurora and DocumentDB clusters
        // are all DescribeDBClusters' arn:aws:rds:…:cluster:…, told apart by engine)
        var shared = KindCatalog.LiveCollectors.GroupBy(collector => wildcards[collector.GetType().Name], StringComparer.Ordinal)
            .Where(group => group.Select(collector => (collector.Service, string.Join(",", collector.Calls))).Distinct().Count() > 1)
            .Select(group => $"{string.Join(" and ", group.Select(collector => collector.GetType().Name))} share {group.Key} but list through different calls");
        Assert.Empty(shared);
    }

    // A service whose ARNs name no resource type (SQS: arn:aws:sqs:REGION:ACCOUNT:QUEUE) has the bare ":*" as its wildcard.
    private static bool IsWildcardArn(string arn, string service) =>
        arn.StartsWith($"arn:aws:{service}:{Region}:{Account}:", StringComparison.Ordinal) && arn.EndsWith('*');

    private static IEnumerable<(Type Record, string ResourceType)> Kinds() =>
        KindCatalog.Kinds.Records.Select(record => (record, ResourceKinds.Of(record).Type));
}
