using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace Kagi.Aws.Protocols;

/// <summary>An <see cref="HttpClient"/> that signs every request with SigV4 by AWSSDK.Core's own signer, for one service and region.</summary>
public static class SignedHttp
{
    public static HttpClient Client(AWSCredentials credentials, string signingName, string region, HttpMessageHandler? transport = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentException.ThrowIfNullOrWhiteSpace(signingName);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);

        // Redirects must not be followed below the signer: a followed hop would carry a stale signature.
        transport ??= new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = 16 };
        var signer = new SigV4SigningHandler(credentials, RegionEndpoint.GetBySystemName(region), signingName, transport);

        // Each attempt has its own timeout in RetryPolicy; a client-wide one would cut a slow scan short.
        return new HttpClient(signer) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
