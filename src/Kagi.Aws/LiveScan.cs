using Amazon.Runtime;
using Kagi.Aws.Organizations;
using Kagi.Core.Model;

namespace Kagi.Aws;

/// <summary>What <c>kagi scan aws</c> was asked to do.</summary>
public sealed record LiveScanOptions
{
    public string? Profile { get; init; }

    public IReadOnlyList<string> Regions { get; init; } = [];

    public bool AllRegions { get; init; }

    public Uri? EndpointUrl { get; init; }

    /// <summary>How many accounts of an organization are scanned at once.</summary>
    public int MaxAccountsInFlight { get; init; } = OrganizationScanner.DefaultMaxAccountsInFlight;
}

/// <summary>An organization scanner with the request it serves and the caller's clients it holds open until disposed.</summary>
public sealed class OrganizationSession(OrganizationScanner scanner, AwsScanRequest request, IDisposable clients) : IDisposable
{
    public OrganizationScanner Scanner { get; } = scanner;

    public AwsScanRequest Request { get; } = request;

    public void Dispose() => clients.Dispose();
}

/// <summary>Composes a live scan from the AWS environment: credentials, home region, endpoints, clients.</summary>
public sealed class LiveScan
{
    private readonly IReadOnlyList<ILiveCollector> _collectors;
    private readonly Func<string, string?> _environment;
    private readonly TimeProvider _time;
    private readonly IScanProgress _progress;

    /// <param name="collectors">Every live collector there is: the catalogue's.</param>
    public LiveScan(IReadOnlyList<ILiveCollector> collectors, Func<string, string?> environment, TimeProvider time, IScanProgress progress)
    {
        ArgumentNullException.ThrowIfNull(collectors);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(progress);
        _collectors = collectors;
        _environment = environment;
        _time = time;
        _progress = progress;
    }

    /// <summary>Tunes retries and timeouts; the defaults suit real AWS.</summary>
    public Func<RetryPolicy, RetryPolicy> ConfigureRetry { get; init; } = policy => policy;

    /// <summary>The region to scan when none is named, or null when the environment names none either.</summary>
    public string? DefaultRegion(LiveScanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Regions.Count > 0 ? options.Regions[0] : AwsCredentialSource.DefaultRegion(options.Profile, _environment);
    }

    /// <exception cref="AmazonClientException">No credentials could be found.</exception>
    public async Task<AwsScanResult> RunAsync(LiveScanOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (request, endpoints, retry) = Prepare(options);
        using var clients = new AwsClientFactory(AwsCredentialSource.Resolve(options.Profile), endpoints, retry);
        var scanner = new AwsScanner(clients, _collectors, _progress);
        return await scanner.ScanAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Scans the accounts <paramref name="selection"/> names, handing each to <paramref name="scanned"/> as it is done
    /// and keeping none (<see cref="OrganizationScanner.ScanAsync"/>);
    /// returns the notes of the accounts passed over.
    /// </summary>
    /// <exception cref="AmazonClientException">No credentials could be found.</exception>
    public async Task<IReadOnlyList<ScanDiagnostic>> RunAsync(LiveScanOptions options, AccountSelection selection, AccountScanned scanned, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selection);
        using var organization = Organization(options);
        return await organization.Scanner.ScanAsync(selection, organization.Request, scanned, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// An organization scanner on the credentials, endpoints and retries the options give, with the request they make:
    /// for scanning the accounts of an organization a part at a time (a worker's units). Disposing it closes its clients.
    /// </summary>
    /// <exception cref="AmazonClientException">No credentials could be found.</exception>
    public OrganizationSession Organization(LiveScanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (request, endpoints, retry) = Prepare(options);
        var clients = new AwsClientFactory(AwsCredentialSource.Resolve(options.Profile), endpoints, retry);
        var scanner = new OrganizationScanner(clients, credentials => new AwsClientFactory(credentials, endpoints, retry), _collectors, _progress)
        {
            MaxAccountsInFlight = options.MaxAccountsInFlight,
        };
        return new OrganizationSession(scanner, request, clients);
    }

    private (AwsScanRequest Request, AwsEndpoints Endpoints, RetryPolicy Retry) Prepare(LiveScanOptions options)
    {
        var home = DefaultRegion(options) ?? "us-east-1";
        var regions = options.Regions.Count > 0 ? options.Regions : [home];
        var retry = ConfigureRetry(new RetryPolicy(_time, Random.Shared.NextDouble));
        var request = new AwsScanRequest([.. regions.Distinct(StringComparer.Ordinal)], options.AllRegions, home);
        return (request, new AwsEndpoints(options.EndpointUrl, _environment), retry);
    }
}
