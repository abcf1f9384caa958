using Amazon.Runtime;

namespace Kagi.Aws;

/// <summary>Runs one AWS SDK call (the SDK retries it), bounded per service, and turns its failure into an <see cref="AwsCallException"/>.</summary>
internal static class SdkCall
{
    public static async Task<T> RunAsync<T>(
        AwsService service,
        string call,
        SemaphoreSlim inFlight,
        Func<CancellationToken, Task<T>> send,
        CancellationToken cancellationToken)
    {
        await inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await send(cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonServiceException exception)
        {
            var code = exception.ErrorCode ?? $"Http{(int)exception.StatusCode}";
            throw new AwsCallException(service, call, AwsCallException.Classify(code, (int)exception.StatusCode), code, exception.Message, exception);
        }
        catch (AmazonClientException exception)
        {
            throw new AwsCallException(service, call, AwsFailureKind.Unreachable, "ClientError", exception.Message, exception);
        }
        catch (HttpRequestException exception)
        {
            throw new AwsCallException(service, call, AwsFailureKind.Unreachable, "ConnectionFailed", exception.Message, exception);
        }
        catch (Exception exception) when (exception is TimeoutException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The SDK reports its own per-call timeout as TimeoutException, HttpClient's as a cancellation nobody asked for.
            throw new AwsCallException(service, call, AwsFailureKind.Unreachable, "Timeout", "no answer within the per-call timeout", exception);
        }
        finally
        {
            inFlight.Release();
        }
    }
}
