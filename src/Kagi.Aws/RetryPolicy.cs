namespace Kagi.Aws;

/// <summary>
/// Retries throttling, 5xx and timeouts with capped exponential backoff and full jitter, the AWS SDKs' standard
/// policy, with a timeout on each attempt. Each attempt is re-sent from scratch, so it is signed afresh.
/// </summary>
public sealed class RetryPolicy
{
    private readonly TimeProvider _time;
    private readonly Func<double> _jitter;

    public RetryPolicy(TimeProvider time, Func<double> jitter)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(jitter);
        _time = time;
        _jitter = jitter;
    }

    public int MaxAttempts { get; init; } = 5;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Runs <paramref name="attempt"/> until it succeeds, fails for good, or the attempts run out.</summary>
    /// <param name="isRetryable">Whether a failure may go away on its own; its last occurrence is rethrown.</param>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> attempt, Func<Exception, bool> isRetryable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(isRetryable);
        for (var number = 1; ; number++)
        {
            using var timeout = new CancellationTokenSource(AttemptTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                return await attempt(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested && number < MaxAttempts)
            {
                // A hung attempt is retried like a 5xx.
            }
            catch (Exception exception) when (number < MaxAttempts && isRetryable(exception))
            {
                // Retried below, after the backoff.
            }

            await Task.Delay(Backoff(number), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Full jitter: a random wait up to min(cap, base x 2^(attempt-1)).</summary>
    public TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(ceiling * _jitter());
    }
}
