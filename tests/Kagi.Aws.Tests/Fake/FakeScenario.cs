namespace Kagi.Aws.Tests.Fake;

/// <summary>One account as the fake serves it: regions with clusters, keys and injected faults.</summary>
public sealed class FakeScenario
{
    public string Account { get; init; } = "111122223333";

    public Dictionary<string, FakeRegion> Regions { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Added to every answer, as a real network would.</summary>
    public TimeSpan Latency { get; init; }

    public FakeRegion this[string region] => Regions[region];
}

/// <summary>What one region holds, and what goes wrong there.</summary>
public sealed class FakeRegion
{
    public List<FakeCluster> Clusters { get; init; } = [];

    public List<FakeKey> Keys { get; init; } = [];

    public List<FakeFault> Faults { get; init; } = [];

    public List<FakeSnapshot> Snapshots { get; init; } = [];

    /// <summary>The data stores served by the <see cref="IFakeApi"/> handlers, of every kind.</summary>
    public List<FakeStore> Stores { get; init; } = [];

    /// <summary>The stores of one kind (its CloudFormation type), in order.</summary>
    public IReadOnlyList<FakeStore> StoresOf(string kind) => [.. Stores.Where(store => store.Kind == kind)];

    /// <summary>The most clusters one page holds, whatever MaxRecords asks (the real API caps at 100).</summary>
    public int MaxPageSize { get; init; } = DefaultMaxPageSize;

    public const int DefaultMaxPageSize = 100;
}

/// <summary>A DB cluster of any engine.</summary>
public sealed record FakeCluster(string Identifier, string Engine, bool Encrypted, string? KmsKeyArn, bool DeletionProtection = true, bool AuditLogs = true)
{
    public int BackupRetentionDays { get; init; } = 7;

    public bool MultiAz { get; init; }

    public bool IamAuth { get; init; } = true;

    public bool CopyTags { get; init; } = true;

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>Text members a rebuild carries (EngineVersion, DBSubnetGroup, Port …), by the API's own name; left out when absent.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> SecurityGroups { get; init; } = ["sg-1"];

    /// <summary>The log types exported; null: <c>audit</c> when <see cref="AuditLogs"/>, none otherwise.</summary>
    public IReadOnlyList<string>? LogExports { get; init; }

    public (decimal Min, decimal Max)? ServerlessV2 { get; init; }

    /// <summary>The writer instance's identifier; null: the cluster's identifier with <c>-1</c>.</summary>
    public string? Writer { get; init; }
}

/// <summary>A DB cluster snapshot of any engine; <paramref name="Public"/> ones may be restored by any account.</summary>
public sealed record FakeSnapshot(string Identifier, string Engine, bool Encrypted, string? KmsKeyArn, bool Manual = true, bool Public = false)
{
    /// <summary>The account that owns it, when not the scenario's: a private one is shared with the scenario's account.</summary>
    public string? Owner { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}

/// <summary>A KMS key; <paramref name="Denied"/> keys answer AccessDeniedException, as another account's key does when its policy leaves us out.</summary>
public sealed record FakeKey(string Arn, string Manager = "CUSTOMER", string Origin = "AWS_KMS", string State = "Enabled", string? Alias = null, bool Denied = false, bool Rotation = true)
{
    /// <summary>Adds a statement that allows everyone, with no condition, to the key's policy.</summary>
    public bool PublicPolicy { get; init; }

    /// <summary>When a key pending deletion goes, as DescribeKey's ISO 8601 date.</summary>
    public string? DeletionDate { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    public string KeyId => Arn[(Arn.LastIndexOf('/') + 1)..];

    public string Account => Arn.Split(':')[4];
}

/// <summary>What an injected fault does to a call.</summary>
public enum FaultKind
{
    Throttle,
    ServerError,
    AccessDenied,
    TruncatedXml,

    /// <summary>Answers only after two seconds, longer than any per-call timeout the tests set.</summary>
    Stall,

    /// <summary>What a region answers for a service it does not offer (or when it is not enabled for the account).</summary>
    NotOffered,
}

/// <summary>Breaks the first <paramref name="Times"/> calls of <paramref name="Service"/> (and of <paramref name="Action"/>, when given) in a region.</summary>
public sealed record FakeFault(string Service, FaultKind Kind, int Times = int.MaxValue, string? Action = null)
{
    private int _used;

    /// <summary>Whether this call is broken, counting it against <see cref="Times"/>.</summary>
    public bool Strikes(string service, string action) =>
        service == Service && (Action is null || Action == action) && Interlocked.Increment(ref _used) <= Times;
}

/// <summary>One request the fake received.</summary>
/// <param name="Subject">The key of a KMS call, the marker or token of a page; null otherwise.</param>
public sealed record FakeCall(string Service, string Region, string Action, string? Subject)
{
    /// <summary>The engines an RDS listing asked for, comma-separated; null for any other call or a listing of every engine.</summary>
    public string? Engines { get; init; }

    /// <summary>The account whose credentials signed the call.</summary>
    public string Account { get; init; } = string.Empty;
}
