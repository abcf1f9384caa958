namespace Kagi.Aws;

/// <summary>Why an AWS call did not give an answer.</summary>
public enum AwsFailureKind
{
    /// <summary>The credentials may not make the call (AccessDenied, UnauthorizedOperation, …).</summary>
    AccessDenied,

    /// <summary>Throttled on every attempt.</summary>
    Throttled,

    /// <summary>5xx, timeouts and broken connections on every attempt.</summary>
    Unavailable,

    /// <summary>An answer came, but it could not be read.</summary>
    Unparseable,

    /// <summary>The named resource does not exist (or is not visible to this account).</summary>
    NotFound,

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

    /// <summary>AWS's own message, without the service and call.</summary>
    public string Detail { get; }

    /// <summary>The code and message, for a finding that names the service and call separately.</summary>
    public string Reason => $"{Code}: {Detail}";

    /// <summary>Error codes AWS services use for throttling; retried with backoff.</summary>
    public static bool IsThrottlingCode(string code) => code is "Throttling" or "ThrottlingException" or "ThrottledException"
        or "RequestThrottled" or "RequestThrottledException" or "RequestLimitExceeded" or "TooManyRequestsException"
        or "SlowDown" or "PriorRequestNotComplete" or "BandwidthLimitExceeded" or "LimitExceededException";

    /// <summary>Error codes that mean the caller is not allowed, in the spellings of the RDS, KMS, EC2 and STS APIs.</summary>
    public static bool IsAccessDeniedCode(string code) => code is "AccessDenied" or "AccessDeniedException" or "UnauthorizedOperation"
        or "AuthFailure" or "UnrecognizedClientException" or "InvalidClientTokenId" or "OptInRequired" or "SignatureDoesNotMatch"
        or "ExpiredToken" or "ExpiredTokenException";

    public static AwsFailureKind Classify(string code, int statusCode) => code switch
    {
        _ when IsAccessDeniedCode(code) => AwsFailureKind.AccessDenied,
        _ when IsThrottlingCode(code) || statusCode == 429 => AwsFailureKind.Throttled,
        "NotFoundException" or "DBClusterNotFoundFault" => AwsFailureKind.NotFound,
        _ when statusCode >= 500 => AwsFailureKind.Unavailable,
        _ => AwsFailureKind.Other,
    };
}
