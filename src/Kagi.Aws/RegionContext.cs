using System.Collections.Concurrent;
using Kagi.Core.Model;

namespace Kagi.Aws;

/// <summary>One region of one account being scanned: who and where, its calls in flight, and who hears about them.</summary>
public sealed class RegionContext
{
    // One limit per service, made when a collector first calls it: a new service needs no entry here.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _inFlight = new(StringComparer.Ordinal);
    private readonly int _maxCallsInFlightPerService;
    private readonly IScanProgress _progress;
    private readonly string? _resourceType;

    public RegionContext(string account, string region, IScanProgress progress, int maxCallsInFlightPerService, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        ArgumentNullException.ThrowIfNull(progress);
        Account = account;
        Region = region;
        _progress = progress;
        CancellationToken = cancellationToken;
        _maxCallsInFlightPerService = maxCallsInFlightPerService;
    }

    // The same region, its in-flight limits shared, reporting what it finds as one kind.
    private RegionContext(RegionContext region, string resourceType)
        : this(region.Account, region.Region, region._progress, region._maxCallsInFlightPerService, region.CancellationToken)
    {
        _inFlight = region._inFlight;
        _resourceType = resourceType;
    }

    public string Account { get; }

    public string Region { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>How many calls one service of this region has in flight at most.</summary>
    public int MaxCallsInFlightPerService => _maxCallsInFlightPerService;

    /// <summary>The ARN partition of the region: <c>aws</c>, <c>aws-cn</c>, <c>aws-us-gov</c>, …</summary>
    public string Partition => AwsPartitions.Of(Region);

    /// <summary>Runs one call, at most the configured number per service at once, and reports it.</summary>
    public async Task<T> Call<T>(AwsService service, string call, Func<CancellationToken, Task<T>> send)
    {
        using var underWay = CallUnderWay();
        var succeeded = false;
        try
        {
            var result = await SdkCall.RunAsync(service, call, InFlight(service), send, CancellationToken).ConfigureAwait(false);
            succeeded = true;
            return result;
        }
        finally
        {
            CallFinished(service, call, succeeded);
        }
    }

    /// <summary>Something of this region that could not be read, and why.</summary>
    public UnscannedScope Unscanned(string resourceType, string resourceId, AwsCallException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new(resourceType, resourceId, Account, Region, exception.Service.SigningName, exception.Call, exception.Summary);
    }

    /// <summary>A call of this region that failed, as a reason: the call, where it ran and Kagi's summary of the failure.</summary>
    public string Failed(AwsCallException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return UnscannedScope.CallFailed(exception.Service.SigningName, exception.Call, Account, Region, exception.Summary);
    }

    public void CallFinished(AwsService service, string call, bool succeeded) => _progress.CallFinished(Region, service, call, succeeded);

    /// <summary>Tells the progress display a call is under way until the returned value is disposed.</summary>
    public CallUnderWayScope CallUnderWay()
    {
        _progress.CallsUnderWayChanged(Region, +1);
        return new(this);
    }

    /// <summary>The region as one collector sees it: what it finds is counted as its kind, apart from the other kinds.</summary>
    public RegionContext ForKind(string resourceType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(resourceType);
        return new RegionContext(this, resourceType);
    }

    /// <summary>Reports resources found by the collector this context was made <see cref="ForKind"/>.</summary>
    public void ResourcesFound(int count) =>
        _progress.ResourcesFound(Region, _resourceType ?? throw new InvalidOperationException("resources are found through the context of a kind (ForKind)"), count);

    internal void CallUnderWayEnded() => _progress.CallsUnderWayChanged(Region, -1);

    private SemaphoreSlim InFlight(AwsService service) =>
        _inFlight.GetOrAdd(service.SigningName, _ => new SemaphoreSlim(_maxCallsInFlightPerService));
}

/// <summary>A call under way in a region, until disposed (<see cref="RegionContext.CallUnderWay"/>).</summary>
public readonly struct CallUnderWayScope(RegionContext region) : IDisposable
{
    public void Dispose() => region.CallUnderWayEnded();
}
