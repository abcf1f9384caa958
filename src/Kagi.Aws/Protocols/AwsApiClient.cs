using System.Runtime.CompilerServices;
using Kagi.Core.Model;

namespace Kagi.Aws.Protocols;

/// <summary>
/// Calls the operations of one AWS API in one region over its protocol, from their descriptors. The
/// <see cref="HttpClient"/> signs with SigV4 (<see cref="SignedHttp"/>); retries with jitter sit above it, so each
/// attempt is signed afresh. Answers are bounded in size, and every failure is an <see cref="AwsCallException"/>
/// naming the service and call. It owns the <see cref="HttpClient"/>.
/// </summary>
public sealed class AwsApiClient : IDisposable
{
    /// <summary>Far above any page (a 100-cluster RDS page is ~100 KB), far below what would hurt a scan of every region.</summary>
    public const int DefaultMaxAnswerBytes = 16 * 1024 * 1024;

    private readonly HttpClient _http;
    private readonly RetryPolicy _retry;
    private readonly WireProtocol _protocol;

    public AwsApiClient(AwsApi api, HttpClient http, Uri endpoint, RetryPolicy retry)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(retry);
        Api = api;
        _http = http;
        Endpoint = endpoint;
        _retry = retry;
        _protocol = WireProtocol.For(api.Protocol);
    }

    public AwsApi Api { get; }

    public Uri Endpoint { get; }

    public int MaxAnswerBytes { get; init; } = DefaultMaxAnswerBytes;

    /// <summary>Where the API is reached in a region: the configured endpoint (<see cref="AwsEndpoints"/>), else the public one of the region's partition.</summary>
    public static Uri EndpointFor(AwsApi api, string region, AwsEndpoints endpoints)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.For(api.Service) ?? new Uri($"https://{api.EndpointPrefix}.{region}.{AwsPartitions.DnsSuffix(AwsPartitions.Of(region))}/");
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Calls an operation with the given input members, by their model names.</summary>
    public async Task<AwsAnswer> CallAsync(AwsOperation operation, IReadOnlyList<KeyValuePair<string, object>> input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(input);
        if (operation.Api != Api)
        {
            throw new ArgumentException($"{operation} is not an operation of {Api}", nameof(operation));
        }

        if (input.FirstOrDefault(member => !operation.Inputs.Contains(member.Key)) is { Key: { } undeclared })
        {
            throw new ArgumentException($"{operation} does not declare the input member {undeclared}", nameof(input));
        }

        try
        {
            return await _retry.RunAsync(token => SendOnceAsync(operation, input, token), IsRetryable, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw Failure(operation, AwsFailureKind.Unavailable, "Timeout", "no answer within the per-call timeout", exception);
        }
        catch (HttpRequestException exception) when (exception.HttpRequestError == HttpRequestError.NameResolutionError)
        {
            throw Failure(operation, AwsFailureKind.NotOffered, "NoEndpoint", exception.Message, exception);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            throw Failure(operation, AwsFailureKind.Unavailable, "ConnectionFailed", exception.Message, exception);
        }
    }

    /// <summary>Every page of a paginated operation, in order, following its token until the last page.</summary>
    public async IAsyncEnumerable<AwsAnswer> PagesAsync(
        AwsOperation operation,
        IReadOnlyList<KeyValuePair<string, object>> input,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(input);
        var paging = operation.Paging ?? throw new ArgumentException($"{operation} does not page", nameof(operation));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        while (true)
        {
            var page = await CallAsync(operation, token is null ? input : [.. input, new(paging.InputToken, token)], cancellationToken).ConfigureAwait(false);
            yield return page;
            token = page.PagingText(paging.OutputToken);
            var more = paging.MoreResults is null ? !string.IsNullOrEmpty(token) : page.PagingText(paging.MoreResults) == "true";
            if (!more)
            {
                yield break;
            }

            if (string.IsNullOrEmpty(token))
            {
                // More pages that cannot be asked for: stopping here would pass off part of the listing as all of it.
                throw Failure(operation, AwsFailureKind.Unparseable, "MissingToken", $"{paging.MoreResults} is true but the answer has no {paging.OutputToken}");
            }

            if (!seen.Add(token))
            {
                // A server that hands back a token it gave before would page forever.
                throw Failure(operation, AwsFailureKind.Unparseable, "RepeatedToken", $"{paging.OutputToken} '{token}' was returned twice");
            }
        }
    }

    private static bool IsRetryable(Exception exception) => exception switch
    {
        AwsCallException failure => failure.Kind is AwsFailureKind.Throttled or AwsFailureKind.Unavailable,

        // A name that does not resolve is a service with no endpoint in the region, not a passing fault.
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => false,
        HttpRequestException or IOException => true,
        _ => false,
    };

    private async Task<AwsAnswer> SendOnceAsync(AwsOperation operation, IReadOnlyList<KeyValuePair<string, object>> input, CancellationToken cancellationToken)
    {
        using var request = _protocol.Request(Endpoint, operation, input);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var body = await ReadBoundedAsync(operation, response, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return _protocol.Answer(operation, body);
        }

        var status = (int)response.StatusCode;
        var (code, message) = _protocol.Error(response, body) ?? ($"Http{status}", $"HTTP {status}");
        throw Failure(operation, AwsCallException.Classify(code, status), code, message);
    }

    private async Task<byte[]> ReadBoundedAsync(AwsOperation operation, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var declared = response.Content.Headers.ContentLength;
        if (declared > MaxAnswerBytes)
        {
            throw TooLarge(operation);
        }

        // The answer is read into one array of the declared length where there is one (every AWS answer has it), so a
        // call allocates its body once rather than a read buffer, a growing copy and the final copy besides.
        using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var body = new byte[declared ?? 4096];
        var length = 0;
        while (true)
        {
            if (length == body.Length)
            {
                // Full: one more byte tells whether the answer goes on, and only then is the array grown.
                var next = new byte[1];
                if (await stream.ReadAsync(next, cancellationToken).ConfigureAwait(false) == 0)
                {
                    break;
                }

                if (length >= MaxAnswerBytes)
                {
                    throw TooLarge(operation);
                }

                Array.Resize(ref body, (int)Math.Min(MaxAnswerBytes, body.Length * 2L + 1));
                body[length++] = next[0];
                continue;
            }

            var read = await stream.ReadAsync(body.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        return length == body.Length ? body : body[..length];
    }

    private AwsCallException TooLarge(AwsOperation operation) =>
        Failure(operation, AwsFailureKind.Unparseable, "AnswerTooLarge", $"the answer is larger than {MaxAnswerBytes} bytes");

    private static AwsCallException Failure(AwsOperation operation, AwsFailureKind kind, string code, string message, Exception? inner = null) =>
        new(operation.Api.Service, operation.Name, kind, code, message, inner);
}
