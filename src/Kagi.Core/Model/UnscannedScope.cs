using Kagi.Core.Localization;

namespace Kagi.Core.Model;

/// <summary>
/// A part of an account a live scan could not read (a denied call, a region that failed, a response that did not parse).
/// Every rule that judges <see cref="ResourceType"/> reports it as ERROR, so "could not check" is never a silent pass.
/// </summary>
/// <param name="ResourceType">The kind of resource that went unseen, e.g. <c>AWS::Neptune::DBCluster</c>.</param>
/// <param name="ResourceId">What went unseen: one ARN, or a wildcard ARN such as <c>arn:aws:rds:eu-west-1:111122223333:cluster:*</c>.</param>
/// <param name="Service">The API that failed, e.g. <c>rds</c> or <c>kms</c>.</param>
/// <param name="Call">The operation that failed, e.g. <c>DescribeDBClusters</c>.</param>
public sealed record UnscannedScope(
    string ResourceType,
    string ResourceId,
    string Account,
    string Region,
    string Service,
    string Call,
    string Reason)
{
    /// <summary>The account's name as the organization gives it, when an organization scan could not read the scope; null otherwise.</summary>
    public string? AccountName { get; init; }

    /// <summary>The ERROR message: what went unread, the call that failed where, and why (<see cref="Reason"/>, Kagi's summary).</summary>
    public string Describe() => Texts.Canonical("reasons.unscanned", ("resource", ResourceId), ("failure", CallFailed(Service, Call, Account, Region, Reason)));

    /// <summary>A failed call as a reason: <c>rds:DescribeDBClusters in 111122223333/eu-west-1 failed: access denied (AccessDenied)</c>.</summary>
    public static string CallFailed(string service, string call, string account, string region, string failure) =>
        Texts.Canonical("reasons.aws-call-failed", ("service", service), ("call", call), ("account", account), ("region", region), ("failure", failure));
}

/// <summary>Stands in for the resources of an <see cref="UnscannedScope"/> in findings.</summary>
public sealed record UnscannedResource : CloudResource
{
    public required string ResourceType { get; init; }

    /// <summary>The unread kind as the scope names it: its type alone, since what was not read is no record of a kind.</summary>
    public override ResourceKind Kind => ResourceKind.Named(ResourceType);

    public static UnscannedResource For(UnscannedScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return new UnscannedResource
        {
            Id = scope.ResourceId,
            Name = Fact.Unknown<string>(Texts.Canonical("reasons.not-read")),
            Region = scope.Region,
            Account = scope.Account,
            AccountName = scope.AccountName,
            ResourceType = scope.ResourceType,
        };
    }
}
