using Amazon.EC2.Model;
using Amazon.SecurityToken.Model;
using Kagi.Core.Model;

namespace Kagi.Aws;

/// <summary>What to scan: the regions named, or every region enabled for the account.</summary>
/// <param name="HomeRegion">Where account-wide calls go (STS, EC2 <c>DescribeRegions</c>).</param>
public sealed record AwsScanRequest(IReadOnlyList<string> Regions, bool AllRegions, string HomeRegion)
{
    /// <summary>The regions as the scopes of what could not be read before they were listed: <c>*</c> for every enabled region.</summary>
    public IReadOnlyList<string> RegionScopes => AllRegions ? ["*"] : Regions;
}

/// <summary>A finished live scan: the account, the regions it covered, and the inventory.</summary>
public sealed record AwsScanResult(string Account, IReadOnlyList<string> Regions, Inventory Inventory);

/// <summary>Scans one account: names it with STS, lists its regions if asked, then scans every region in parallel.</summary>
public sealed class AwsScanner
{
    /// <summary>An account that could not be named; the ERROR findings still say where the scan stopped.</summary>
    public const string UnknownAccount = "unknown";

    private readonly AwsClientFactory _clients;
    private readonly IScanProgress _progress;

    // Every kind there is, read in every region and named in the ERROR of a region or account that could not be read.
    private readonly IReadOnlyList<ILiveCollector> _collectors;

    // What a region's tag listing asks for: the resource types of every collector's kind.
    private readonly IReadOnlyList<string> _taggedTypes;

    /// <param name="collectors">Every live collector there is: the catalogue's.</param>
    public AwsScanner(AwsClientFactory clients, IReadOnlyList<ILiveCollector> collectors, IScanProgress progress)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(collectors);
        ArgumentNullException.ThrowIfNull(progress);
        _clients = clients;
        _collectors = collectors;
        _progress = progress;
        _taggedTypes = [.. collectors.Select(collector => ResourceTagIndex.ResourceTypeOf(collector.WildcardArn("aws", "*", "*"))).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>How many calls to one service may be in flight in one region; well under every service's rate limits.</summary>
    public int MaxCallsInFlightPerService { get; init; } = 10;

    public async Task<AwsScanResult> ScanAsync(AwsScanRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var home = new RegionContext(UnknownAccount, request.HomeRegion, _progress, MaxCallsInFlightPerService, cancellationToken);
        string account;
        try
        {
            var identity = await home.Call(AwsService.Sts, "GetCallerIdentity", token => _clients.Sts(request.HomeRegion).GetCallerIdentityAsync(new GetCallerIdentityRequest(), token)).ConfigureAwait(false);
            account = identity.Account;
        }
        catch (AwsCallException exception)
        {
            return UnreadAccount.Of(_collectors, UnknownAccount, request.RegionScopes, exception.Service, exception.Call, exception.Summary);
        }

        home = new RegionContext(account, request.HomeRegion, _progress, MaxCallsInFlightPerService, cancellationToken);
        IReadOnlyList<string> targets = request.Regions;
        if (request.AllRegions)
        {
            try
            {
                targets = await EnabledRegionsAsync(home).ConfigureAwait(false);
            }
            catch (AwsCallException exception)
            {
                return UnreadAccount.Of(_collectors, account, ["*"], exception.Service, exception.Call, exception.Summary);
            }
        }

        var regionInventories = await Task.WhenAll(targets.Select(region => ScanRegionAsync(account, region, cancellationToken))).ConfigureAwait(false);
        var inventory = new Inventory([.. regionInventories.SelectMany(region => region.Resources)], [.. regionInventories.SelectMany(region => region.NotOffered)])
        {
            Unscanned = [.. regionInventories.SelectMany(region => region.Unscanned)],
        };
        return new AwsScanResult(account, targets, inventory);
    }

    private async Task<IReadOnlyList<string>> EnabledRegionsAsync(RegionContext home)
    {
        // AllRegions=false: only the regions enabled for the account, so an opt-in region never scanned is not an error.
        var response = await home.Call(AwsService.Ec2, "DescribeRegions", token => _clients.Ec2(home.Region).DescribeRegionsAsync(new DescribeRegionsRequest { AllRegions = false }, token)).ConfigureAwait(false);
        return [.. (response.Regions ?? []).Select(region => region.RegionName).Order(StringComparer.Ordinal)];
    }

    private async Task<RegionInventory> ScanRegionAsync(string account, string region, CancellationToken cancellationToken)
    {
        _progress.RegionStarted(region);
        var context = new RegionContext(account, region, _progress, MaxCallsInFlightPerService, cancellationToken);
        var scanner = new RegionScanner(_collectors, new RegionServices(_clients, new KmsKeyResolver(_clients.Kms(region), context), new ResourceTagIndex(_clients, context, _taggedTypes)), context);
        var result = await scanner.ScanAsync().ConfigureAwait(false);
        _progress.RegionFinished(region, result.Unscanned.Count);
        return result;
    }
}
