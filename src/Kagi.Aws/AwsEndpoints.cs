namespace Kagi.Aws;

/// <summary>
/// Where each service is reached, as the AWS SDKs and CLI decide it: <c>--endpoint-url</c>, then
/// <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, then <c>AWS_ENDPOINT_URL</c>, else the service's public endpoint.
/// </summary>
public sealed class AwsEndpoints
{
    private readonly Uri? _override;
    private readonly Func<string, string?> _environment;

    public AwsEndpoints(Uri? endpointOverride, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _override = endpointOverride;
        _environment = environment;
    }

    /// <summary>The configured endpoint, or null for the service's public endpoint.</summary>
    public Uri? For(AwsService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (_override is not null)
        {
            return _override;
        }

        if (string.Equals(_environment("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var configured = service.EndpointVariableSuffixes.Select(suffix => _environment($"AWS_ENDPOINT_URL_{suffix}"))
            .Append(_environment("AWS_ENDPOINT_URL"))
            .FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
        return configured is null ? null : new Uri(configured, UriKind.Absolute);
    }

    /// <summary>The public endpoint of the RDS Query API in a region; the SDK clients know their own.</summary>
    public Uri Rds(string region)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        return For(AwsService.Rds) ?? new Uri($"https://rds.{region}.{DnsSuffix(region)}/");
    }

    private static string DnsSuffix(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
}
