using Kagi.Core.Localization;

namespace Kagi.Aws;

/// <summary>Why an AWS call did not give an answer.</summary>
public enum AwsFailureKind
{
    /// <summary>The credentials may not make the call (AccessDenied, UnauthorizedOperation, …).</summary>
    AccessDenied,

    /// <summary>Throttled on every attempt.</summary>
    Throttled,

    /// <summary>The service answered 5xx on every attempt, or is not offered where it was called.</summary>
    Unavailable,

    /// <summary>No answer: a broken connection, a name that does not resolve, or a timeout, on every attempt.</summary>
    Unreachable,

    /// <summary>An answer came, but it could not be read.</summary>
    Unparseable,

    /// <summary>The named resource does not exist (or is not visible to this account).</summary>
    NotFound,

    /// <summary>The service has no endpoint where it was called: the endpoint's name does not resolve.</summary>
    NotOffered,

    /// <summary>Any other error AWS returned.</summary>
    Other,
}

/// <summary>An AWS call that failed for good, after any retries, with the service and call it was.</summary>
public sealed class AwsCallException : Exception
{
    public AwsCallException(AwsService service, string call, AwsFailureKind kind, string code, string message, Exception? inner = null)
        : base($"{service} {call}: {code}: {message}", inner)
    {
        Service = service;
        Call = call;
        Kind = kind;
        Code = code;
        Detail = message;
    }

    public AwsService Service { get; }

    public string Call { get; }

    public AwsFailureKind Kind { get; }

    /// <summary>AWS's error code, e.g. <c>AccessDenied</c> or <c>Throttling</c>, or Kagi's name for a transport failure.</summary>
    public string Code { get; }

    /// <summary>AWS's own message, without the service and call; for a person debugging, never in a finding (it is English, and may quote a request).</summary>
    public string Detail { get; }

    /// <summary>
    /// Kagi's own account of the failure, with AWS's error code (<c>access denied (AccessDeniedException)</c>), in the
    /// canonical form of reasons; a finding names the service, call, account and region around it.
    /// </summary>
    public string Summary => Kind switch
    {
        AwsFailureKind.AccessDenied => Texts.Canonical("reasons.aws-access-denied", ("code", Code)),
        AwsFailureKind.Throttled => Texts.Canonical("reasons.aws-throttled", ("code", Code)),
        AwsFailureKind.Unavailable => Texts.Canonical("reasons.aws-unavailable", ("code", Code)),
        AwsFailureKind.Unreachable => Texts.Canonical("reasons.aws-unreachable", ("code", Code)),
        AwsFailureKind.Unparseable => Texts.Canonical("reasons.aws-unreadable", ("code", Code)),
        AwsFailureKind.NotFound => Texts.Canonical("reasons.aws-not-found", ("code", Code)),
        AwsFailureKind.NotOffered => Texts.Canonical("reasons.aws-not-offered", ("code", Code)),
        _ => Texts.Canonical("reasons.aws-other-error", ("code", Code)),
    };

    /// <summary>
    /// Whether a reason holds the summary of a failure that may pass if tried again later — throttled, a service error,
    /// no answer — rather than an answer such as AccessDenied: what a distributed unit retries.
    /// </summary>
    public static bool IsTransient(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return TransientSummaries.Any(summary => reason.Contains(summary, StringComparison.Ordinal));
    }

    // Each transient summary's words before its error code, e.g. "throttled on every attempt (".
    private static readonly string[] TransientSummaries =
        [.. new[] { "reasons.aws-throttled", "reasons.aws-unavailable", "reasons.aws-unreachable" }.Select(name => Texts.Canonical(name, ("code", "\u0001")).Split('\u0001')[0])];

    /// <summary>Error codes AWS services use for throttling; retried with backoff.</summary>
    public static bool IsThrottlingCode(string code) => code is "Throttling" or "ThrottlingException" or "ThrottledException"
        or "RequestThrottled" or "RequestThrottledException" or "RequestLimitExceeded" or "TooManyRequestsException"
        or "SlowDown" or "PriorRequestNotComplete" or "BandwidthLimitExceeded" or "LimitExceededException";

    /// <summary>Error codes that mean the caller is not allowed, in the spellings of the RDS, KMS, EC2 and STS APIs.</summary>
    public static bool IsAccessDeniedCode(string code) => code is "AccessDenied" or "AccessDeniedException" or "UnauthorizedOperation"
        or "AuthFailure" or "UnrecognizedClientException" or "InvalidClientTokenId" or "OptInRequired" or "SignatureDoesNotMatch"
        or "ExpiredToken" or "ExpiredTokenException";

    /// <summary>
    /// Whether the call failed because its service is not offered in the region: no endpoint there, or the region does
    /// not know the credentials (a region not enabled for the account, or a service not yet offered in it). Only a call
    /// made after STS accepted the credentials can tell: to STS itself these codes mean the credentials are bad.
    /// </summary>
    public bool ServiceNotOffered => Kind == AwsFailureKind.NotOffered || Code is "UnrecognizedClientException" or "InvalidClientTokenId" or "OptInRequired";

    public static AwsFailureKind Classify(string code, int statusCode) => code switch
    {
        _ when IsAccessDeniedCode(code) => AwsFailureKind.AccessDenied,
        _ when IsThrottlingCode(code) || statusCode == 429 => AwsFailureKind.Throttled,
        "NotFoundException" or "DBClusterNotFoundFault" => AwsFailureKind.NotFound,
        _ when statusCode >= 500 => AwsFailureKind.Unavailable,
        _ => AwsFailureKind.Other,
    };
}
