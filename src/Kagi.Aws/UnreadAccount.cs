using Kagi.Core.Model;

namespace Kagi.Aws;

/// <summary>An account, or some of its regions, that could not be read: one ERROR scope per kind there is in each region, so a kind added later cannot fail open.</summary>
internal static class UnreadAccount
{
    /// <summary>An account none of whose <paramref name="regions"/> could be read, because <paramref name="call"/> failed for <paramref name="reason"/>.</summary>
    public static AwsScanResult Of(IReadOnlyList<ILiveCollector> collectors, string account, IReadOnlyList<string> regions, AwsService service, string call, string reason) =>
        new(account, regions, new Inventory([], []) { Unscanned = [.. regions.SelectMany(region => Scopes(collectors, account, region, service, call, reason))] });

    private static IEnumerable<UnscannedScope> Scopes(IReadOnlyList<ILiveCollector> collectors, string account, string region, AwsService service, string call, string reason) =>
        collectors.Select(collector => new UnscannedScope(
            collector.ResourceType,
            collector.WildcardArn(AwsPartitions.Of(region), region, account == AwsScanner.UnknownAccount ? "*" : account),
            account,
            region,
            service.SigningName,
            call,
            reason));
}
